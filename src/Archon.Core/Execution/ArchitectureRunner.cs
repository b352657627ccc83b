using System.Globalization;
using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Prompts;

namespace Archon.Core.Execution;

/// <summary>
/// Runs an architecture on one query, layer after layer. Inside a layer every component starts at once and each
/// issues its calls as one batch per stage, so all model calls of a layer overlap. Orchestration-safe: it only awaits
/// the scheduler, so a durable orchestrator can call <see cref="RunLayerAsync"/> directly.
/// </summary>
public sealed class ArchitectureRunner(ComponentRegistry registry, PromptPack? prompts = null)
{
    public ArchitectureRunner()
        : this(ComponentRegistry.CreateDefault())
    {
    }

    public ComponentRegistry Registry { get; } = registry;

    /// <summary>The instruction texts every component of this runner sends; its id is in every call's cache key.</summary>
    public PromptPack Prompts { get; } = prompts ?? PromptPack.Default;

    /// <summary>
    /// The final-answer rule: the text of the first candidate left by the last layer, or null when none is left.
    /// Candidate order is deterministic — generators and fusers in component then sample order, rankers best first,
    /// verifiers and unit-test evaluators by their documented selection — so the same run always gives the same answer.
    /// </summary>
    public static string? FinalAnswer(QueryState state) => state.Candidates.Count > 0 ? state.Candidates[0].Text : null;

    public async Task<QueryState> RunLayerAsync(ArchitectureConfig arch, int layerIndex, QueryState input, IModelCallScheduler scheduler, CancellationToken ct)
    {
        var layer = arch.Layers[layerIndex];
        var tasks = new List<Task<ComponentOutput>>(layer.Components.Count);
        for (var ci = 0; ci < layer.Components.Count; ci++)
        {
            var config = layer.Components[ci];
            var component = Registry.Get(config.Type);
            tasks.Add(component.RunAsync(new ComponentContext(config, layerIndex, ci, input) { Prompts = Prompts }, scheduler, ct));
        }

        var outputs = await Task.WhenAll(tasks);
        var candidates = outputs.SelectMany(o => o.Candidates).ToList();
        var unitTests = outputs.Any(o => o.UnitTests is not null)
            ? outputs.Where(o => o.UnitTests is not null).SelectMany(o => o.UnitTests!).Distinct().ToList()
            : input.UnitTests;
        var notes = input.Notes.Concat(outputs.SelectMany(o => o.Notes)).ToList();
        return input with { Candidates = candidates, UnitTests = unitTests, Notes = notes };
    }

    /// <summary>The inference loop, used in process and by the durable orchestration (which passes <paramref name="hooks"/>
    /// for its custom status, telemetry and the all-calls-failed rule).</summary>
    public async Task<PipelineResult> RunAsync(ArchitectureConfig arch, QueryState initial, IModelCallScheduler scheduler, CancellationToken ct, RunHooks? hooks = null)
    {
        var errors = ArchitectureValidator.Validate(arch, Registry);
        if (errors.Count > 0)
        {
            throw new ArchitectureException(errors.Select(e => e with { Source = arch.Name }).ToList());
        }

        var tracing = new TracingScheduler(scheduler);
        var state = initial;
        for (var li = 0; li < arch.Layers.Count; li++)
        {
            ct.ThrowIfCancellationRequested();
            hooks?.LayerStarting?.Invoke(li);
            var before = tracing.Count;
            state = await RunLayerAsync(arch, li, state, tracing, ct);
            if (hooks is null)
            {
                continue;
            }

            var calls = tracing.Trace.Skip(before).ToList();
            hooks.LayerFinished?.Invoke(new LayerOutcome(li, calls, state));
            if (hooks.StopWhenEveryCallFails && calls.Count > 0 && calls.All(e => !e.Result.Succeeded))
            {
                throw new ModelCallsFailedException(li, calls);
            }
        }

        var trace = OrderTrace(tracing.Trace);
        return new PipelineResult(FinalAnswer(state), state, trace, UsageTotals.From(trace)) { PromptPack = Prompts.Id };
    }

    /// <summary>Concurrent components finish in any order; the trace is sorted by layer, then component, then issue order.</summary>
    public static IReadOnlyList<TraceEntry> OrderTrace(IReadOnlyList<TraceEntry> trace) =>
        trace.Select((e, i) => (e, i))
            .OrderBy(x => x.e.Request.Layer)
            .ThenBy(x => ComponentIndex(x.e.Request.CallId))
            .ThenBy(x => x.i)
            .Select(x => x.e)
            .ToList();

    private static int ComponentIndex(string callId)
    {
        var parts = callId.Split('.');
        return parts.Length > 1 && parts[1].StartsWith('C') && int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : int.MaxValue;
    }
}
