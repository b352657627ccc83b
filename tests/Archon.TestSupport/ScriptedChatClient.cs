using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable;
using Microsoft.Extensions.AI;

namespace Archon.TestSupport;

/// <summary>Hand-written fake judge: answers each request with <c>reply(system, user)</c> and records the prompts.</summary>
public sealed class ScriptedChatClient(Func<string, string, string> reply) : IChatClient
{
    public List<(string System, string User)> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var system = list.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? "";
        var user = list.Last(m => m.Role == ChatRole.User).Text;
        lock (Requests) { Requests.Add((system, user)); }
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(system, user))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("streaming is not used by judges");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
