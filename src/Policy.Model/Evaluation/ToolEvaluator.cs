using System.Collections.Generic;
using Policy.Model.Declarations;
using Policy.Model.Detection;

namespace Policy.Model.Evaluation
{
    /// <summary>POL040: a tool a model can call, in a system whose tools need approval, that is not approval-gated.</summary>
    public static class ToolEvaluator
    {
        /// <summary>
        /// Judges one tool: when it is neither wrapped in ApprovalRequiredAIFunction nor declares [HumanOversight] on its
        /// method, the first system it belongs to whose tools need approval under <c>policy.tools.require_approval</c>
        /// (read where the system is declared) gets one finding on the tool method's name.
        /// </summary>
        public static void Evaluate(ToolRegistration tool, PolicyContext policy, List<Finding> findings)
        {
            if (tool.IsApprovalGated)
            {
                return;
            }

            foreach (var id in tool.Systems())
            {
                if (id.Length == 0)
                {
                    continue;
                }

                var systems = new List<SystemDeclaration>(policy.Index.SystemsWithId(id));
                if (systems.Count == 0 && policy.Index.ReferencedSystem(id) is { } referenced)
                {
                    systems.Add(referenced);
                }

                foreach (var system in systems)
                {
                    var settings = policy.SettingsFor(system.Attribute.Data.ApplicationSyntaxReference?.SyntaxTree);
                    if (settings.ToolApprovalReason(system.RiskLevel, system.AutomatedDecisions) is { } reason)
                    {
                        var subject = tool.Lambda is null ? (Microsoft.CodeAnalysis.ISymbol)tool.Method : tool.Registrar;
                        findings.Add(new Finding(RuleIds.UngatedTool, tool.Location, id, tool.Name, tool.MethodDisplay, id, reason).WithSubject(subject));
                        return;
                    }
                }
            }
        }
    }
}
