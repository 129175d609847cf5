using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Policy.Model.DataFlow
{
    /// <summary>One place that writes system-role content: a system message, a system prompt, instructions.</summary>
    public sealed class PromptSink
    {
        internal PromptSink(IOperation operation, string display, ImmutableArray<IOperation> values)
        {
            Operation = operation;
            Display = display;
            Values = values;
        }

        /// <summary>The creation, call or assignment.</summary>
        public IOperation Operation { get; }

        /// <summary>How messages name it, for example <c>a system ChatMessage</c>, <c>ChatOptions.Instructions</c>.</summary>
        public string Display { get; }

        /// <summary>The values that become system-role content.</summary>
        public ImmutableArray<IOperation> Values { get; }
    }

    /// <summary>
    /// Which operations write system-role content (POL041's sinks): <c>new ChatMessage(ChatRole.System, ...)</c>,
    /// Semantic Kernel's <c>new ChatMessageContent(AuthorRole.System, ...)</c>, <c>ChatHistory.AddSystemMessage</c>,
    /// <c>AddMessage(AuthorRole.System, ...)</c> and <c>new ChatHistory(systemMessage)</c>, an <c>Instructions</c> property of
    /// an AI SDK type (<c>ChatOptions.Instructions</c>, Semantic Kernel agents) and the <c>instructions</c> argument of an
    /// agent (<c>new ChatClientAgent(...)</c>, <c>AsAIAgent</c>, <c>CreateAIAgent</c>). Rejected by name first.
    /// </summary>
    public static class PromptSinks
    {
        private static readonly HashSet<string> CreatedTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "ChatMessage", "ChatMessageContent", "ChatHistory", "ChatClientAgent",
        };

        private static readonly HashSet<string> Methods = new HashSet<string>(StringComparer.Ordinal)
        {
            "AddSystemMessage", "AddMessage", "AsAIAgent", "CreateAIAgent",
        };

        /// <summary>True when an invocation with this name may write system-role content (the cheap first test).</summary>
        public static bool MayBeSink(string methodName) => Methods.Contains(methodName);

        /// <summary>The system-role content an operation writes, or null.</summary>
        public static PromptSink? Recognise(IOperation operation)
        {
            switch (operation)
            {
                case IObjectCreationOperation { Type: INamedTypeSymbol type } creation when CreatedTypes.Contains(type.Name) && IsAiNamespace(type):
                    return Creation(creation, type);
                case IInvocationOperation { TargetMethod: { } method } invocation when Methods.Contains(method.Name) && IsAiNamespace(method.ContainingType):
                    return Invocation(invocation, method);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Instructions" } property } } assignment when IsAiNamespace(property.ContainingType):
                    return new PromptSink(assignment, property.ContainingType.Name + ".Instructions", ImmutableArray.Create(assignment.Value));
                default:
                    return null;
            }
        }

        private static PromptSink? Creation(IObjectCreationOperation creation, INamedTypeSymbol type)
        {
            switch (type.Name)
            {
                case "ChatMessage":
                case "ChatMessageContent":
                    return HasSystemRole(creation.Arguments) ? new PromptSink(creation, "a system " + type.Name, Content(creation.Arguments)) : null;
                default:
                    var values = Named(creation.Arguments);
                    return values.IsEmpty ? null : new PromptSink(creation, type.Name == "ChatHistory" ? "the system message of a ChatHistory" : "the instructions of " + type.Name, values);
            }
        }

        private static PromptSink? Invocation(IInvocationOperation invocation, IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "AddSystemMessage":
                    return new PromptSink(invocation, "ChatHistory.AddSystemMessage", Content(invocation.Arguments));
                case "AddMessage":
                    return HasSystemRole(invocation.Arguments) ? new PromptSink(invocation, "a system message (AddMessage)", Content(invocation.Arguments)) : null;
                default:
                    var values = Named(invocation.Arguments);
                    return values.IsEmpty ? null : new PromptSink(invocation, "the instructions of an agent (" + method.Name + ")", values);
            }
        }

        /// <summary>True when a role argument is <c>ChatRole.System</c> or <c>AuthorRole.System</c>.</summary>
        private static bool HasSystemRole(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name is "role" or "authorRole" &&
                    Unwrap(argument.Value) is IPropertyReferenceOperation { Property: { Name: "System", IsStatic: true } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The content arguments: everything but the role, options and cancellation.</summary>
        private static ImmutableArray<IOperation> Content(ImmutableArray<IArgumentOperation> arguments)
        {
            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var argument in arguments)
            {
                var name = argument.Parameter?.Name;
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || name is "role" or "authorRole" or "cancellationToken" || argument.Parameter?.IsThis == true ||
                    (argument.Parameter?.Ordinal == 0 && argument.Parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true }))
                {
                    continue;
                }

                if (name is "content" or "contents" or "text" or "message" or "items" or "systemMessage")
                {
                    values.Add(argument.Value);
                }
            }

            return values.ToImmutable();
        }

        /// <summary>Arguments for parameters named <c>instructions</c>, <c>systemMessage</c> or <c>systemPrompt</c>.</summary>
        private static ImmutableArray<IOperation> Named(ImmutableArray<IArgumentOperation> arguments)
        {
            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Name is "instructions" or "systemMessage" or "systemPrompt")
                {
                    values.Add(argument.Value);
                }
            }

            return values.ToImmutable();
        }

        private static bool IsAiNamespace(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return ns.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal) || ns.StartsWith("Microsoft.Agents.AI", StringComparison.Ordinal) ||
                   ns.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal);
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
