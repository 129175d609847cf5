namespace Policy.Model.Evaluation
{
    /// <summary>
    /// The diagnostic property names a finding travels with (written by Policy.Analyzers' Descriptors, read by the
    /// inventory and the code fixes).
    /// </summary>
    public static class FindingProperties
    {
        /// <summary>The AI system id a finding concerns.</summary>
        public const string SystemId = "PolicySystemId";

        /// <summary>Documentation id of the subject symbol (the baseline key).</summary>
        public const string Subject = "PolicySubject";

        /// <summary>Set when the baseline lists the finding (reported at info severity).</summary>
        public const string Baselined = "PolicyBaselined";

        /// <summary>POL010: the documentation ids of the unclassified sources, one per line.</summary>
        public const string DataSources = "PolicyDataSources";

        /// <summary>
        /// Diagnostic property of POL001: <c>confirmed</c> when the AI type resolved, <c>suspected</c> when the code names an
        /// AI SDK type that did not resolve (packages not restored, an SDK whose API changed).
        /// </summary>
        public const string Confidence = "PolicyConfidence";
    }
}
