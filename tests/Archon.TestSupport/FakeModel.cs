using System.Runtime.CompilerServices;
using Archon.Core.Execution;
using Archon.Offline.Loopback;
using Microsoft.Extensions.AI;

namespace Archon.TestSupport;

/// <summary>
/// The one fake model of the test suite, usable as an <see cref="IModelInvoker"/> (components, runner, activities,
/// hosts) and as an <see cref="IChatClient"/> (judges, providers). It answers with <c>reply</c> (default: the core's
/// canned per-role responder) and records every call. Time and ordering are controlled without the wall clock:
/// <list type="bullet">
/// <item><see cref="Delay"/> waits on <see cref="Clock"/> (pass a <c>FakeTimeProvider</c> and advance it);</item>
/// <item><see cref="HoldUntilInFlight"/> is a barrier: each call waits until that many calls are in flight at once,
/// which proves overlap (a sequential schedule never releases it and the test times out instead of passing);</item>
/// <item><see cref="HoldUntil"/> holds calls until a task completes (e.g. a <see cref="TaskCompletionSource"/> the test
/// controls, or one that never completes to test cancellation);</item>
/// <item><see cref="OnCall"/> runs any callback before the answer; <see cref="WhenCalls"/> waits for a call count.</item>
/// </list>
/// </summary>
public sealed class FakeModel : IModelInvoker, IChatClient
{
    private readonly Func<ModelCallRequest, string?>? _reply;
    private readonly Lock _gate = new();
    private readonly List<ModelCallRequest> _calls = [];
    private readonly List<(string System, string User)> _chats = [];
    private readonly List<ChatOptions?> _chatOptions = [];
    private readonly Dictionary<string, int> _thrown = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _inFlightReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource Done)> _callWaiters = [];
    private int _inFlight;

    /// <param name="reply">Answer text for a call; null (or a null result) falls back to the canned responder.</param>
    public FakeModel(Func<ModelCallRequest, string?>? reply = null) => _reply = reply;

    /// <summary>Chat-client form: <paramref name="reply"/> gets the system prompt and the last user message.</summary>
    public static FakeModel Chat(Func<string, string, string> reply) =>
        new(r => reply(r.Messages.FirstOrDefault(m => m.Role == "system")?.Content ?? "", r.Messages.Last(m => m.Role == "user").Content));

    /// <summary>Clock of <see cref="Delay"/>, of each result's start time and of its latency.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Wait before answering, on <see cref="Clock"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Barrier: each call waits until this many calls have been in flight at the same time (0 = off).</summary>
    public int HoldUntilInFlight { get; init; }

    /// <summary>Each call waits for this task (cancellation still ends the wait).</summary>
    public Task? HoldUntil { get; init; }

    /// <summary>Runs before the answer, with the call's token; may await barriers of the test.</summary>
    public Func<ModelCallRequest, CancellationToken, Task>? OnCall { get; init; }

    /// <summary>A non-null error text makes the call a failed result (as a provider error after retries).</summary>
    public Func<ModelCallRequest, string?>? FailWith { get; init; }

    /// <summary>Call ids that fail with a provider error.</summary>
    public HashSet<string> FailingCallIds { get; } = [];

    /// <summary>Throw this many times per call id before answering: an activity's infrastructure failure.</summary>
    public int ThrowTimesPerCall { get; init; }

    public int InputTokens { get; init; } = 10;

    public int OutputTokens { get; init; } = 5;

    public decimal CostUsd { get; init; } = 0.001m;

    /// <summary>Cost per call when it depends on the request (overrides <see cref="CostUsd"/>).</summary>
    public Func<ModelCallRequest, decimal>? CostOf { get; init; }

    /// <summary>Chat-client form: reshapes each response (e.g. to attach a provider's raw representation).</summary>
    public Func<ChatResponse, ChatResponse>? ShapeChatResponse { get; init; }

    /// <summary>Retries a failed result reports.</summary>
    public int FailedRetries { get; init; } = 2;

    /// <summary>Snapshot of the calls so far, in arrival order.</summary>
    public IReadOnlyList<ModelCallRequest> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>(system prompt, last user message) of each call, for judge tests.</summary>
    public IReadOnlyList<(string System, string User)> ChatRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _chats];
            }
        }
    }

    /// <summary>Options of each chat-client call, in arrival order.</summary>
    public IReadOnlyList<ChatOptions?> OptionsSeen
    {
        get
        {
            lock (_gate)
            {
                return [.. _chatOptions];
            }
        }
    }

    public int PeakInFlight { get; private set; }

    /// <summary>Completes once <paramref name="count"/> calls have arrived.</summary>
    public Task WhenCalls(int count)
    {
        lock (_gate)
        {
            if (_calls.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _callWaiters.Add((count, done));
            return done.Task;
        }
    }

    public async Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        var started = Clock.GetTimestamp();
        var startedAt = Clock.GetUtcNow();
        Enter(request);
        try
        {
            ThrowIfScripted(request);
            await WaitAsync(request, cancellationToken);
            var latency = Clock.GetElapsedTime(started).TotalMilliseconds;
            var error = FailingCallIds.Contains(request.CallId) ? "HTTP 500 from provider" : FailWith?.Invoke(request);
            if (error is not null)
            {
                return new ModelCallResult(request.CallId, null, InputTokens, 0, 0m, latency, FailedRetries, false, error, startedAt);
            }

            var text = _reply?.Invoke(request) ?? CannedResponder.Respond(request.Messages);
            return new ModelCallResult(request.CallId, text, InputTokens, OutputTokens, CostOf?.Invoke(request) ?? CostUsd, latency, 0, false, null, startedAt);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _chatOptions.Add(options);
        }

        var turns = messages.Select(m => new ChatTurn(m.Role.Value, m.Text)).ToList();
        var request = new ModelCallRequest($"chat.{Calls.Count}", options?.ModelId ?? "fake", turns, options?.Temperature ?? 0, options?.MaxOutputTokens ?? 0, 0, "chat", 0, null);
        var result = await InvokeAsync(request, cancellationToken);
        if (result.Error is { } error)
        {
            throw new HttpRequestException(error);
        }

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, result.Text))
        {
            ModelId = request.ModelId,
            Usage = new UsageDetails { InputTokenCount = result.InputTokens, OutputTokenCount = result.OutputTokens },
        };
        return ShapeChatResponse?.Invoke(response) ?? response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // Nothing to release: the fake holds no connections.
    }

    private void Enter(ModelCallRequest request)
    {
        lock (_gate)
        {
            _calls.Add(request);
            _chats.Add((request.Messages.FirstOrDefault(m => m.Role == "system")?.Content ?? "",
                request.Messages.LastOrDefault(m => m.Role == "user")?.Content ?? ""));
            _inFlight++;
            PeakInFlight = Math.Max(PeakInFlight, _inFlight);
            if (HoldUntilInFlight > 0 && _inFlight >= HoldUntilInFlight)
            {
                _inFlightReached.TrySetResult();
            }

            foreach (var waiter in _callWaiters.Where(w => _calls.Count >= w.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _callWaiters.Remove(waiter);
            }
        }
    }

    private void ThrowIfScripted(ModelCallRequest request)
    {
        lock (_gate)
        {
            var thrown = _thrown.GetValueOrDefault(request.CallId);
            if (thrown < ThrowTimesPerCall)
            {
                _thrown[request.CallId] = thrown + 1;
                throw new IOException($"worker lost connection during {request.CallId}");
            }
        }
    }

    private async Task WaitAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        if (HoldUntilInFlight > 0)
        {
            await _inFlightReached.Task.WaitAsync(cancellationToken);
        }

        if (HoldUntil is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        if (OnCall is { } onCall)
        {
            await onCall(request, cancellationToken);
        }

        if (Delay > TimeSpan.Zero)
        {
            // A timer on Clock: with a FakeTimeProvider it fires only when the test advances the clock.
            using var timer = new CancellationTokenSource(Delay, Clock);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
            var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (either.Token.Register(() => elapsed.TrySetResult()))
            {
                await elapsed.Task;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
