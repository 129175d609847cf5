using System.Runtime.CompilerServices;

namespace Policy.Model.Performance
{
    /// <summary>How the per-operation and per-declaration callbacks are compiled.</summary>
    public static class HotPath
    {
        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c> (not in netstandard2.0's enum; the .NET runtime honours the
        /// value, .NET Framework ignores it): the method is compiled optimized on its first call instead of starting
        /// unoptimized (tier 0) and being recompiled after enough calls: for the few methods that a cold compiler (a
        /// `dotnet build` without the compiler server) calls tens of thousands of times per build.
        /// </summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
