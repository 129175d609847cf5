using System;

namespace Policy.Annotations
{
    /// <summary>
    /// Declares that the AI system records its events automatically (prompts, responses, decisions, errors) and where
    /// the records go, so that its operation can be traced afterwards.
    /// </summary>
    /// <remarks>
    /// Evidences EU AI Act Article 12 (record-keeping), ISO/IEC 42001 A.6.2.8 (AI system recording of event logs) and
    /// ISO/IEC 27001:2022 8.15 (logging). Required (POL007): <see cref="Destination"/>. Required by default for high-risk
    /// systems (POL015), unless the analyzers observe the system's AI clients being built with logging or telemetry
    /// (for example Microsoft.Extensions.AI's <c>UseOpenTelemetry()</c>).
    /// </remarks>
    /// <example><code>[EventLogging(Destination = "OpenTelemetry: traces to the audit collector", RetentionDays = 3650)]</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly,
        AllowMultiple = true, Inherited = false)]
    public sealed class EventLoggingAttribute : Attribute
    {
        /// <summary>Where the records go (a log stream, table, collector or store). Required.</summary>
        public string? Destination { get; set; }

        /// <summary>How long records are kept, in days; 0 (the default) means unspecified.</summary>
        public int RetentionDays { get; set; }
    }
}
