using Archon.Core.Architecture;
using Archon.Core.Evaluation.Judging;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Evaluation.Statistics;
using Archon.Core.Execution;

namespace Archon.Core.Evaluation;

/// <summary>
/// Runs an architecture over benchmark items and scores the answers. Running (<see cref="RunItemAsync"/>) and scoring
/// (<see cref="IScorer"/>) are separate steps so a durable host can run items in orchestrations and score in an
/// activity; this class composes both for in-process use (CLI, tests, search).
/// </summary>
public sealed class BenchmarkEvaluator(ArchitectureRunner? runner = null)
{
    private readonly ArchitectureRunner runner = runner ?? new ArchitectureRunner();

    public async Task<EvaluationResult> EvaluateAsync(ArchitectureConfig architecture, IReadOnlyList<BenchmarkItem> items,
        IModelCallScheduler scheduler, IScorer scorer, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EvaluationOptions();
        var errors = ArchitectureValidator.Validate(architecture, runner.Registry);
        if (errors.Count > 0)
        {
            throw new ArchitectureException(errors.Select(e => e with { Source = architecture.Name }).ToList());
        }

        var results = new ItemResult[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (answers, usage, error) = await RunItemAsync(architecture, items[i], scheduler, ct);
                var score = await ScoreAsync(scorer, items[i], answers, ct);
                results[i] = new ItemResult(items[i].Id, answers, score, usage, error);
                options.OnItem?.Invoke(results[i]);
            });

        return new EvaluationResult(Summarize(options.BenchmarkName ?? (items.Count > 0 ? items[0].Benchmark : null) ?? "?", scorer, results, options, items), results)
        {
            PromptPack = runner.Prompts.Id,
        };
    }

    /// <summary>Runs the architecture on every turn of an item (turn k sees the previous turns and its own answers).
    /// A failing pipeline yields null answers and the error text instead of an exception.</summary>
    public async Task<(IReadOnlyList<string?> Answers, UsageTotals Usage, string? Error)> RunItemAsync(
        ArchitectureConfig architecture, BenchmarkItem item, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        var answers = new List<string?>();
        var usage = UsageTotals.Zero;
        var conversation = new List<ChatTurn>();
        try
        {
            foreach (var turn in item.Turns)
            {
                conversation.Add(new ChatTurn("user", turn));
                var result = await runner.RunAsync(architecture, QueryState.Start(conversation.ToList(), item.Id), scheduler, cancellationToken);
                usage = usage.Add(result.Totals);
                answers.Add(result.Answer);
                conversation.Add(new ChatTurn("assistant", result.Answer ?? ""));
            }

            return (answers, usage, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (answers, usage, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    public static Task<ItemScore> ScoreAsync(IScorer scorer, BenchmarkItem item, IReadOnlyList<string?> answers, CancellationToken ct) =>
        scorer is IMultiTurnScorer multi && answers.Count > 1
            ? multi.ScoreTurnsAsync(item, answers, ct)
            : scorer.ScoreAsync(item, answers.Count > 0 ? answers[0] : null, ct);

    /// <param name="items">The items in the order of <paramref name="results"/>; needed by <see cref="IAggregatingScorer"/>s.</param>
    public static ScoreSummary Summarize(string benchmark, IScorer scorer, IReadOnlyList<ItemResult> results, EvaluationOptions options,
        IReadOnlyList<BenchmarkItem>? items = null)
    {
        var scores = results.Select(r => r.Score).ToList();
        var summary = scorer switch
        {
            ArenaHardScorer arena => ArenaHardAggregator.WinRate(benchmark, scores, arena.Config.StrongVerdictWeight, options.Seed),
            IAggregatingScorer aggregating when items is not null => aggregating.Aggregate(benchmark, items, results, options.Seed),
            _ => ScoreSummary.FromValues(benchmark, scorer.Name, scores.Where(s => s.Scored).Select(s => s.Value).ToList(), scores.Count(s => !s.Scored), options.Seed)
                with { Metric = (scorer as IMetricNamed)?.Metric ?? "mean item score" },
        };
        summary = summary with { ParseFailures = scores.Count(s => !s.Scored && s.Detail?.StartsWith(ItemScore.ParseFailurePrefix, StringComparison.Ordinal) == true) };
        var usage = results.Aggregate(UsageTotals.Zero, (t, r) => t.Add(r.Usage));
        return summary with
        {
            CostUsd = usage.CostUsd,
            Calls = usage.Calls,
            InputTokens = usage.InputTokens,
            OutputTokens = usage.OutputTokens,
            FailedCalls = usage.FailedCalls,
            Simulated = options.Simulated,
        };
    }
}
