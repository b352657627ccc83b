using System.Globalization;
using Microsoft.Extensions.AI;

namespace Archon.Core.Providers;

/// <summary>
/// Adapts each request to what the model accepts (<see cref="ModelCapabilities"/>) before it is sent: drops or clamps
/// the temperature, clamps the output-token limit, renames it on OpenAI-protocol endpoints, drops stop sequences,
/// folds system messages into the first user message. Each change is described once per call in the response's
/// <see cref="CallMetadata.Adaptations"/>, which the invoker copies into the trace. Sits outside the retry layer, so
/// a retried call is adapted (and recorded) once.
/// </summary>
public sealed class CapabilityAdaptingChatClient(IChatClient inner, ModelCapabilities capabilities, bool openAIProtocol) : DelegatingChatClient(inner)
{
    public ModelCapabilities Capabilities { get; } = capabilities;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (adaptedMessages, adaptedOptions, changes) = Adapt(messages, options);
        var response = await base.GetResponseAsync(adaptedMessages, adaptedOptions, cancellationToken).ConfigureAwait(false);
        if (changes.Count > 0)
        {
            response.AdditionalProperties ??= [];
            response.AdditionalProperties[CallMetadata.Adaptations] = changes;
        }

        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var (adaptedMessages, adaptedOptions, _) = Adapt(messages, options);
        return base.GetStreamingResponseAsync(adaptedMessages, adaptedOptions, cancellationToken);
    }

    /// <summary>The request as it will be sent and the list of changes made (empty when none was needed).</summary>
    public (IReadOnlyList<ChatMessage> Messages, ChatOptions? Options, IReadOnlyList<string> Changes) Adapt(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        var changes = new List<string>();
        var o = options?.Clone();
        var c = Capabilities;
        if (o is not null)
        {
            if (o.Temperature is { } t && c.Temperature == false)
            {
                o.Temperature = null;
                changes.Add(Invariant($"temperature {t} dropped: the model does not accept a temperature"));
            }
            else if (o.Temperature is { } t2 && c.MaxTemperature is { } maxT && t2 > maxT)
            {
                o.Temperature = (float)maxT;
                changes.Add(Invariant($"temperature {t2} clamped to {maxT}: the model's maximum"));
            }

            if (o.MaxOutputTokens is { } max && c.MaxOutputTokens is { } limit && max > limit)
            {
                o.MaxOutputTokens = limit;
                changes.Add(Invariant($"max_tokens {max} clamped to {limit}: the model's output-token limit"));
            }

            if (o.StopSequences is { Count: > 0 } && c.Stop == false)
            {
                o.StopSequences = null;
                changes.Add("stop sequences dropped: the model does not accept them");
            }

            if (openAIProtocol && o.MaxOutputTokens is { } tokens && c.MaxTokensParameter == "max_tokens")
            {
                // The OpenAI SDK writes max_completion_tokens; older OpenAI-compatible servers only read max_tokens.
                o.MaxOutputTokens = null;
                o.RawRepresentationFactory = _ => OpenAIWire.WithMaxTokens(tokens);
                changes.Add("output-token limit sent as max_tokens instead of max_completion_tokens");
            }
        }

        if (c.SystemRole == false && list.Any(m => m.Role == ChatRole.System))
        {
            list = FoldSystem(list);
            changes.Add("system message folded into the first user message: the model has no system role");
        }

        return (list, o, changes);
    }

    private static List<ChatMessage> FoldSystem(List<ChatMessage> messages)
    {
        var system = string.Join("\n\n", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var rest = messages.Where(m => m.Role != ChatRole.System).ToList();
        var first = rest.FindIndex(m => m.Role == ChatRole.User);
        if (first < 0)
        {
            rest.Insert(0, new ChatMessage(ChatRole.User, system));
        }
        else
        {
            rest[first] = new ChatMessage(ChatRole.User, system + "\n\n" + rest[first].Text);
        }

        return rest;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
