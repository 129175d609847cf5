using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DataFlowAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// What a tool returns goes to the model of its system: POL010/POL011 judge a tool method's returned values like the
    /// data of an AI call, reported on the tool method's name. Claims are personal data by default.
    /// </summary>
    public sealed class ToolDataFlowTests
    {
        /// <summary>The eShop shape: ChatState.GetUserInfo returns the signed-in user's claims to the model.</summary>
        private static string ChatState(bool processesPersonalData) => $$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("shop-assistant", ProcessesPersonalData = {{(processesPersonalData ? "true" : "false")}})]
            public sealed class ChatState(IChatClient chat, ClaimsPrincipal user)
            {
                public Task<ChatResponse> AskAsync(string question) =>
                    chat.GetResponseAsync(question, new ChatOptions { Tools = [AIFunctionFactory.Create(GetUserInfo)] });

                private Task<string> {|#0:GetUserInfo|}()
                {
                    var claims = user.Claims;
                    return Task.FromResult("{ \"name\": \"" + GetValue(claims, "name") + "\", \"email\": \"" + GetValue(claims, "email") + "\" }");

                    static string GetValue(IEnumerable<Claim> claims, string claimType) =>
                        claims.FirstOrDefault(x => x.Type == claimType)?{|#1:.Value|} ?? "";
                }
            }
            """;

        [Fact]
        [Trait("Rule", "POL011")]
        public Task EShopShape_ClaimsReturnedToTheModel_Triggers() => Verify.VerifyAsync(
            ChatState(processesPersonalData: false),
            Verify.Diagnostic("POL011").WithLocation(0).WithLocation(1).WithArguments(
                "tool result of ChatState.GetUserInfo",
                "Claim.Value (Personal)",
                "AI system 'shop-assistant' does not declare ProcessesPersonalData = true"));

        [Fact]
        [Trait("Rule", "POL011")]
        public Task EShopShape_SystemDeclaresPersonalData_DoesNotTrigger() => Verify.VerifyAsync(
            ChatState(processesPersonalData: true).Replace("{|#0:GetUserInfo|}", "GetUserInfo").Replace("?{|#1:.Value|}", "?.Value"));

        [Fact]
        [Trait("Rule", "POL011")]
        public Task ClaimsNotData_ByConfiguration_DoesNotTrigger() => Verify.VerifyAsync(
            ChatState(processesPersonalData: false).Replace("{|#0:GetUserInfo|}", "GetUserInfo").Replace("?{|#1:.Value|}", "?.Value"),
            "policy.claims_class = none");

        [Fact]
        [Trait("Rule", "POL011")]
        public Task ClaimReadInAPrivateHelper_FollowedOneLevel_Triggers() => Verify.VerifyAsync("""
            using System.Security.Claims;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("shop-assistant")]
            public sealed class Assistant(ClaimsPrincipal user)
            {
                public ChatOptions Options() => new() { Tools = [AIFunctionFactory.Create(WhoAmI)] };

                private string {|#0:WhoAmI|}() => "You talk to " + Describe();

                private string Describe() => {|#1:user.FindFirstValue(ClaimTypes.Email)|} ?? "";
            }
            """,
            Verify.Diagnostic("POL011").WithLocation(0).WithLocation(1).WithArguments(
                "tool result of Assistant.WhoAmI",
                "claim 'ClaimTypes.Email' (Personal)",
                "AI system 'shop-assistant' does not declare ProcessesPersonalData = true"));

        [Fact]
        [Trait("Rule", "POL010")]
        public Task ToolReturnsAnUnclassifiedMemberOfAnOwnType_Triggers() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("shop-assistant")]
            public sealed class OrderBot(OrderStore store)
            {
                public ChatOptions Options() => new() { Tools = [AIFunctionFactory.Create(GetOrderStatus)] };

                private string {|#0:GetOrderStatus|}(int id) => {|#1:store.Find(id).Status|};
            }

            public sealed class OrderStore
            {
                public Order Find(int id) => new Order();
            }

            public sealed class Order
            {
                public string Status { get; set; } = "";
            }
            """,
            Verify.Diagnostic("POL010").WithLocation(0).WithLocation(1).WithArguments("tool result of OrderBot.GetOrderStatus", "Order.Status"));

        [Fact]
        [Trait("Rule", "POL010")]
        public Task ToolReturnsAClassifiedMember_DoesNotTrigger() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("shop-assistant")]
            public sealed class OrderBot(OrderStore store)
            {
                public ChatOptions Options() => new() { Tools = [AIFunctionFactory.Create(GetOrderStatus)] };

                private string GetOrderStatus(int id) => store.Find(id).Status;
            }

            public sealed class OrderStore
            {
                public Order Find(int id) => new Order();
            }

            public sealed class Order
            {
                [Classification(DataClass.Internal)] public string Status { get; set; } = "";
            }
            """);
    }
}
