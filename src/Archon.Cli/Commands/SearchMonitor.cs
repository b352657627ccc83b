using System.Globalization;
using Archon.Core.Search;
using Archon.Durable.Search;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.DurableTask.Client;
using Spectre.Console;

namespace Archon.Cli.Commands;

/// <summary>Polls the search orchestration: a progress bar (evaluations used of the budget) and the live leaderboard.</summary>
public static class SearchMonitor
{
    public static async Task<OrchestrationMetadata> WaitAsync(CliConsoles consoles, DurableTaskClient client, IResultStore store, string searchId, SearchSpec spec, bool quiet, CancellationToken cancellationToken)
    {
        if (quiet || !consoles.Out.Profile.Capabilities.Interactive)
        {
            return await PlainAsync(consoles.ErrorWriter, client, store, searchId, spec, quiet, cancellationToken);
        }

        OrchestrationMetadata? done = null;
        await consoles.Out.Live(Render(null, null, spec)).AutoClear(false).StartAsync(async live =>
        {
            while (true)
            {
                var meta = await client.GetInstanceAsync(searchId, getInputsAndOutputs: true, cancellationToken);
                var board = await store.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard(searchId), cancellationToken);
                live.UpdateTarget(Render(meta?.ReadCustomStatusAs<SearchProgress>(), board, spec));
                if (meta is { IsCompleted: true })
                {
                    done = meta;
                    return;
                }

                await Task.Delay(400, cancellationToken);
            }
        });
        return done!;
    }

    private static async Task<OrchestrationMetadata> PlainAsync(TextWriter progress, DurableTaskClient client, IResultStore store, string searchId, SearchSpec spec, bool quiet, CancellationToken cancellationToken)
    {
        var last = "";
        while (true)
        {
            var meta = await client.GetInstanceAsync(searchId, getInputsAndOutputs: true, cancellationToken);
            if (meta is { IsCompleted: true })
            {
                return meta;
            }

            if (!quiet && meta?.ReadCustomStatusAs<SearchProgress>() is { } p)
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{Bar(p.EvaluationsUsed, spec.MaxEvaluations)} {p.Phase} round {p.Round}: {p.EvaluationsUsed:F2}/{spec.MaxEvaluations} evaluations, best {p.Best ?? "-"} {p.BestScore:F1}");
                if (line != last)
                {
                    progress.WriteLine(line);
                    last = line;
                }
            }

            await Task.Delay(400, cancellationToken);
        }
    }

    private static Rows Render(SearchProgress? progress, Leaderboard? board, SearchSpec spec)
    {
        var used = progress?.EvaluationsUsed ?? board?.EvaluationsUsed ?? 0;
        var header = new Markup(string.Create(CultureInfo.InvariantCulture,
            $"{Bar(used, spec.MaxEvaluations)} [bold]{Markup.Escape(progress?.Phase ?? "preprocessing")}[/] round {progress?.Round ?? 0} · {used:F2}/{spec.MaxEvaluations} evaluations · space {progress?.SpaceSize ?? 0}"));
        var table = new Table().Title("live leaderboard (dev split)").AddColumns("#", "architecture", "score", "$/query", "items");
        foreach (var e in board?.Entries.Take(8) ?? [])
        {
            table.AddRow(e.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.PointKey), e.Score.ToString("F1", CultureInfo.InvariantCulture),
                e.CostUsd.ToString("F5", CultureInfo.InvariantCulture), e.Items.ToString(CultureInfo.InvariantCulture));
        }

        return new Rows(header, table);
    }

    private static string Bar(double value, double max)
    {
        const int width = 30;
        var filled = max <= 0 ? 0 : (int)Math.Round(Math.Clamp(value / max, 0, 1) * width);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}
