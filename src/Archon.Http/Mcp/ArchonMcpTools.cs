using System.ComponentModel;
using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Search;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.Core.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Archon.Http.Mcp;

/// <summary>
/// The Archon MCP tools (both hosts, stateless Streamable HTTP at /api/mcp): list the registered architectures, run one
/// on a prompt (answer, usage summed over every model call, trace reference), and start/poll an architecture search.
/// Same orchestrations and limits as the HTTP API; bad input comes back as a tool error naming the argument.
/// </summary>
[McpServerToolType]
public sealed class ArchonMcpTools(IArchitectureCatalog catalog, DurableTaskClient client, IResultStore store, IOptions<ArchonApiOptions> options, ResultLabeler? labeler = null)
{
    [McpServerTool(Name = "list_architectures", ReadOnly = true), Description("Lists the registered Archon architectures (the names run_architecture and the OpenAI-compatible API accept as model).")]
    public async Task<IReadOnlyList<McpArchitecture>> ListArchitecturesAsync(CancellationToken cancellationToken)
    {
        var names = await catalog.ListAsync(cancellationToken);
        var list = new List<McpArchitecture>(names.Count);
        foreach (var name in names)
        {
            var architecture = await catalog.FindAsync(name, cancellationToken);
            list.Add(new McpArchitecture(
                name,
                architecture?.Layers.Select(l => string.Join(" + ", l.Components.Select(c => $"{c.Type}({c.Model} x{c.Samples})"))).ToList() ?? [],
                labeler?.LabelFor(architecture)));
        }

        return list;
    }

    [McpServerTool(Name = "run_architecture"), Description("Runs a registered Archon architecture on a prompt and returns the answer, the usage summed over every model call, and a reference to the stored trace.")]
    public async Task<McpRunResult> RunArchitectureAsync(
        [Description("Name of a registered architecture (see list_architectures).")] string architecture,
        [Description("The user's message.")] string prompt,
        [Description("Optional system message.")] string? system = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new McpException("prompt: must not be empty");
        }

        var config = await FindAsync(architecture, cancellationToken);
        var messages = new List<ChatTurn>();
        if (!string.IsNullOrWhiteSpace(system))
        {
            messages.Add(new ChatTurn("system", system));
        }

        messages.Add(new ChatTurn("user", prompt));
        var id = $"mcp-{Guid.NewGuid():N}";
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), new InferenceRequest(messages, config), new StartOrchestrationOptions(id), cancellationToken);
        var timeout = options.Value.ChatCompletionTimeoutSeconds;
        var done = await DurableWait.ForCompletionAsync(client, id, TimeSpan.FromSeconds(timeout), cancellationToken)
            ?? throw new McpException($"architecture: '{config.Name}' did not finish within {timeout} s; GET /api/inference/{id} has it when it does");
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new McpException($"architecture: '{config.Name}' {done.RuntimeStatus.ToString().ToLowerInvariant()}: {done.FailureDetails?.ErrorMessage ?? "no details"}");
        }

        var result = done.ReadOutputAs<InferenceResult>()!;
        return new McpRunResult(id, config.Name, result.Answer, result.Usage, result.Trace.ToString(), result.Notes, labeler?.LabelFor(config));
    }

    [McpServerTool(Name = "start_search"), Description("Starts an Archon architecture search (ITAS) from a search spec in JSON; returns the search id to poll with get_search.")]
    public async Task<McpSearchStarted> StartSearchAsync(
        [Description("The search spec as JSON (the body of POST /api/search; docs/search.md).")] string spec,
        [Description("Optional search id (letters, digits, '-', '_'); a new one when omitted.")] string? searchId = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            SearchSpecLoader.Parse(spec, "spec");
        }
        catch (SearchSpecException e)
        {
            throw new McpException($"spec: {e.Message}");
        }

        var id = searchId ?? $"search-{Guid.NewGuid():N}";
        if (!SearchHttpHandler.IsValidSearchId(id))
        {
            throw new McpException("searchId: must be 1-64 characters of letters, digits, '-' or '_'");
        }

        var outcome = await SearchStarter.StartAsync(client, new SearchRequest(id, spec), cancellationToken);
        return outcome == SearchStartOutcome.AlreadyRunning
            ? throw new McpException($"searchId: search '{id}' is already running; poll it with get_search")
            : new McpSearchStarted(id, "started");
    }

    [McpServerTool(Name = "get_search", ReadOnly = true), Description("Status, progress and the leaderboard so far of an Archon architecture search.")]
    public async Task<McpSearchStatus> GetSearchAsync(
        [Description("The id start_search returned.")] string searchId,
        CancellationToken cancellationToken = default)
    {
        if (!SearchHttpHandler.IsValidSearchId(searchId))
        {
            throw new McpException("searchId: must be 1-64 characters of letters, digits, '-' or '_'");
        }

        var metadata = await client.GetInstanceAsync(searchId, getInputsAndOutputs: true, cancellationToken);
        var board = BlobLayout.Leaderboard(searchId);
        var leaderboard = await store.GetBytesAsync(board.Container, board.Name, cancellationToken);
        if (metadata is null && leaderboard is null)
        {
            throw new McpException($"searchId: no search has id '{searchId}'");
        }

        return new McpSearchStatus(
            searchId,
            metadata?.RuntimeStatus.ToString() ?? "Unknown",
            metadata?.SerializedCustomStatus,
            leaderboard is null ? null : System.Text.Encoding.UTF8.GetString(leaderboard),
            board.ToString(),
            metadata?.FailureDetails?.ErrorMessage);
    }

    private async Task<ArchitectureConfig> FindAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await catalog.FindAsync(name ?? "", cancellationToken)
                ?? throw new McpException($"architecture: no registered architecture is named '{name}' (list_architectures lists them)");
        }
        catch (ArchitectureException e)
        {
            throw new McpException($"architecture: '{name}' is registered but invalid: {string.Join("; ", e.Errors.Take(3))}");
        }
    }
}
