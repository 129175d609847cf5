using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Policy.Model.Evaluation
{
    /// <summary>
    /// One result of evaluating the policy: the rule, where a developer must act, the message arguments and the AI
    /// system concerned. The analyzers turn findings into diagnostics; the evidence pack lists them.
    /// </summary>
    public sealed class Finding
    {
        /// <summary>Creates a finding.</summary>
        public Finding(string ruleId, Location location, string? systemId, params string[] arguments)
            : this(ruleId, location, systemId, ImmutableArray<Location>.Empty, arguments)
        {
        }

        /// <summary>Creates a finding with additional locations.</summary>
        public Finding(string ruleId, Location location, string? systemId, ImmutableArray<Location> additionalLocations, params string[] arguments)
        {
            RuleId = ruleId;
            Location = location;
            SystemId = systemId;
            AdditionalLocations = additionalLocations;
            Arguments = arguments.ToImmutableArray();
        }

        /// <summary>The rule id, for example POL002.</summary>
        public string RuleId { get; }

        /// <summary>Where the finding is reported.</summary>
        public Location Location { get; }

        /// <summary>Other places involved (for example the other declaration of a duplicated id).</summary>
        public ImmutableArray<Location> AdditionalLocations { get; }

        /// <summary>The AI system concerned, when there is one.</summary>
        public string? SystemId { get; }

        /// <summary>The symbol the finding belongs to (for the baseline and the evidence pack): the AI type, the
        /// system's declaring type or assembly, or the symbol an attribute stands on.</summary>
        public ISymbol? Subject { get; private set; }

        /// <summary>
        /// For data-flow findings, the documentation ids of the source symbols the finding names (members, types,
        /// parameters, methods for their return value), so that a code fix can classify them; empty otherwise.
        /// </summary>
        public ImmutableArray<string> DataSources { get; private set; } = ImmutableArray<string>.Empty;

        /// <summary>Sets <see cref="DataSources"/>.</summary>
        public Finding WithDataSources(ImmutableArray<string> dataSources)
        {
            DataSources = dataSources;
            return this;
        }

        /// <summary>Sets the subject.</summary>
        public Finding WithSubject(ISymbol? subject)
        {
            Subject = subject;
            return this;
        }

        /// <summary>The message arguments, in the order of the rule's message format.</summary>
        public ImmutableArray<string> Arguments { get; }
    }
}
