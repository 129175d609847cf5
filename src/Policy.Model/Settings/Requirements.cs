using System;
using System.Collections.Generic;
using Policy.Model.Declarations;

namespace Policy.Model.Settings
{
    /// <summary>
    /// A set of required declarations (what <c>policy.requirements.*</c> keys configure): one bit per
    /// <see cref="DeclarationKind"/>. The requirement rules of Policy.Model.Rules.RuleCatalogue say which kinds can be
    /// required and under which keyword; nothing here lists them.
    /// </summary>
    public readonly struct Requirements : IEquatable<Requirements>
    {
        private readonly ulong _bits;

        private Requirements(ulong bits) => _bits = bits;

        /// <summary>Nothing required.</summary>
        public static Requirements None => default;

        /// <summary>True when nothing is required.</summary>
        public bool IsEmpty => _bits == 0;

        /// <summary>The set with one kind.</summary>
        public static Requirements Of(DeclarationKind kind) => new Requirements(Bit(kind));

        /// <summary>The set of these kinds.</summary>
        public static Requirements Of(params DeclarationKind[] kinds)
        {
            var result = None;
            foreach (var kind in kinds)
            {
                result |= Of(kind);
            }

            return result;
        }

        /// <summary>True when the kind is required.</summary>
        public bool Contains(DeclarationKind kind) => (_bits & Bit(kind)) != 0;

        /// <summary>The required kinds, in enum order.</summary>
        public IEnumerable<DeclarationKind> Kinds
        {
            get
            {
                for (var i = 0; i < PolicyAttributes.AllNames.Count; i++)
                {
                    var kind = (DeclarationKind)i;
                    if (Contains(kind))
                    {
                        yield return kind;
                    }
                }
            }
        }

        /// <summary>Union.</summary>
        public static Requirements operator |(Requirements a, Requirements b) => new Requirements(a._bits | b._bits);

        /// <summary>Intersection.</summary>
        public static Requirements operator &(Requirements a, Requirements b) => new Requirements(a._bits & b._bits);

        /// <summary>Equality.</summary>
        public static bool operator ==(Requirements a, Requirements b) => a._bits == b._bits;

        /// <summary>Inequality.</summary>
        public static bool operator !=(Requirements a, Requirements b) => a._bits != b._bits;

        /// <inheritdoc />
        public bool Equals(Requirements other) => _bits == other._bits;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is Requirements other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => _bits.GetHashCode();

        /// <inheritdoc />
        public override string ToString() => string.Join(", ", Kinds);

        private static ulong Bit(DeclarationKind kind) => 1UL << (int)kind;
    }
}
