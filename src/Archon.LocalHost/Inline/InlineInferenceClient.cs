using System.Collections.Concurrent;
using Archon.Core.Execution;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.DurableTask.Converters;

namespace Archon.LocalHost.Inline;

/// <summary>
/// The Durable client `archon serve` hands its HTTP handlers when inference runs inline
/// (<see cref="ServeInference.Inline"/>): <see cref="InferenceOrchestration"/> instances run in this process on an
/// <see cref="InlineOrchestrationContext"/> (same orchestrator, same activities, every call and trace written to the
/// store before the instance completes); every other orchestration (searches, their candidates) and every query about
/// one goes to the embedded Durable host's client. Why: the embedded host keeps orchestration state in memory, so its
/// replay and gRPC hops (three episodes for a one-call query) buy no durability there; the store is what survives.
/// Finished inline instances stay queryable until <see cref="MaxFinishedInstances"/> newer ones have finished.
/// </summary>
public sealed class InlineInferenceClient(DurableTaskClient durable, IServiceProvider services, Func<ArchitectureRunner> runner, TimeProvider time)
    : DurableTaskClient(durable?.Name ?? "inline")
{
    /// <summary>Finished inline instances kept for status queries (oldest forgotten first).</summary>
    public const int MaxFinishedInstances = 10_000;

    private readonly DataConverter _converter = JsonDataConverter.Default;
    private readonly ConcurrentDictionary<string, InlineInstance> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _finished = new();

    public override DurableEntityClient Entities => durable.Entities;

    private int _started;

    /// <summary>Inline instances started so far (tests, diagnostics).</summary>
    public int InlineStarted => Volatile.Read(ref _started);

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        if (!string.Equals(orchestratorName.Name, nameof(InferenceOrchestration), StringComparison.Ordinal) || options?.StartAt is not null)
        {
            return durable.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);
        }

        var id = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var instance = new InlineInstance(orchestratorName, id, _converter.Serialize(input), time.GetUtcNow());
        if (!_instances.TryAdd(id, instance))
        {
            throw new InvalidOperationException($"an orchestration with instance id '{id}' already exists");
        }

        Interlocked.Increment(ref _started);
        var scheduler = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        _ = Task.Factory.StartNew(() => RunAsync(orchestratorName, instance), CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap();
        return Task.FromResult(id);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        if (_instances.TryGetValue(instanceId, out var instance))
        {
            instance.Raise(eventName, _converter.Serialize(eventPayload));
            return Task.CompletedTask;
        }

        return durable.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        _instances.TryGetValue(instanceId, out var instance)
            ? Task.FromResult(instance.Metadata(getInputsAndOutputs, _converter))
            : durable.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        if (!_instances.TryGetValue(instanceId, out var instance))
        {
            return await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false);
        }

        await instance.Completion.WaitAsync(cancellation).ConfigureAwait(false);
        return instance.Metadata(getInputsAndOutputs, _converter);
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        _instances.TryGetValue(instanceId, out var instance)
            ? Task.FromResult<OrchestrationMetadata?>(instance.Metadata(getInputsAndOutputs, _converter))
            : durable.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => durable.GetAllInstancesAsync(filter);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (!_instances.TryGetValue(instanceId, out var instance))
        {
            return durable.TerminateInstanceAsync(instanceId, options, cancellation);
        }

        // The run cannot be stopped mid-call; it is reported terminated now and its later outcome is ignored.
        if (instance.Finish(OrchestrationRuntimeStatus.Terminated, _converter.Serialize(options?.Output), null, time.GetUtcNow()))
        {
            Remember(instanceId);
        }

        return Task.CompletedTask;
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        _instances.ContainsKey(instanceId)
            ? throw new InvalidOperationException($"instance '{instanceId}' runs inline and cannot be suspended")
            : durable.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        _instances.ContainsKey(instanceId)
            ? throw new InvalidOperationException($"instance '{instanceId}' runs inline and cannot be resumed")
            : durable.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (_instances.TryGetValue(instanceId, out var instance) && instance.IsFinished && _instances.TryRemove(instanceId, out _))
        {
            return Task.FromResult(new PurgeResult(1));
        }

        return durable.PurgeInstanceAsync(instanceId, options, cancellation);
    }

    public override Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        durable.PurgeAllInstancesAsync(filter, options, cancellation);

    // The embedded host owns the Durable client and disposes it.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task RunAsync(TaskName name, InlineInstance instance)
    {
        var context = new InlineOrchestrationContext(name, instance, services, time, _converter);
        OrchestrationRuntimeStatus status;
        string? output = null;
        TaskFailureDetails? failure = null;
        try
        {
            var input = context.GetInput<InferenceRequest>();
            output = _converter.Serialize(await new InferenceOrchestration(runner()).RunAsync(context, input));
            status = OrchestrationRuntimeStatus.Completed;
        }
        catch (Exception error)
        {
            failure = TaskFailureDetails.FromException(error);
            status = OrchestrationRuntimeStatus.Failed;
        }

        if (instance.Finish(status, output, failure, time.GetUtcNow()))
        {
            Remember(instance.InstanceId);
        }
    }

    private void Remember(string instanceId)
    {
        _finished.Enqueue(instanceId);
        while (_finished.Count > MaxFinishedInstances && _finished.TryDequeue(out var oldest))
        {
            _instances.TryRemove(oldest, out _);
        }
    }
}
