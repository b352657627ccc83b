using Archon.Bench.Search;
using Archon.Core.Evaluation;
using Archon.Core.Execution;
using Archon.Core.Search;
using Archon.Core.Search.Execution;
using Archon.Core.Caching;
using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Tests.Search;

public sealed class CandidateItemRunnerTests
{
    /// <summary>The real provider stack (response cache included) over a counting fake provider: one call costs $0.001.</summary>
    private sealed class CountingInvoker : IModelInvoker, IAsyncDisposable
    {
        private readonly ModelClientFactory _factory;
        private readonly ChatClientModelInvoker _inner;
        private int _calls;

        public CountingInvoker()
        {
            var entries = LandscapeFleet.Models.Select(m => new ModelEntry
            {
                Id = m.Id, Provider = "counting", InputPricePerMillion = 0m, OutputPricePerMillion = 200m, MaxConcurrency = 64,
            }).ToList();
            _factory = new ModelClientFactory(new ModelCatalog(entries, "counting-catalog"), new ModelClientFactoryOptions { Cache = new InMemoryResponseCacheStore() });
            _factory.RegisterProvider("counting", entry => new CountingChatClient(entry.Id, () => Interlocked.Increment(ref _calls)));
            _inner = new ChatClientModelInvoker(_factory);
        }

        public int Calls => _calls;

        public Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken) => _inner.InvokeAsync(request, cancellationToken);

        public ValueTask DisposeAsync() => _factory.DisposeAsync();
    }

    private sealed class CountingChatClient(string model, Action counted) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            counted();
            var props = options?.AdditionalProperties;
            var text = $"{props?["archon.role"]} {model} s{props?["archon.sample_index"]}: the answer is 4 ({messages.Sum(m => m.Text.Length)})";
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5 } });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static readonly BenchmarkItem Item = new() { Id = "item-1", Benchmark = "t", Family = "math", Turns = ["What is 2+2?"], Reference = "4" };

    private static readonly ArchitectureEncoder Encoder = new(LandscapeFleet.Ranking());

    [Fact]
    public async Task RunAsync_SecondCandidateSharingPrefix_ReusesLayersAndCachedCalls()
    {
        await using var invoker = new CountingInvoker();
        var cache = new InMemorySearchCache();
        var runner = new CandidateItemRunner(new ArchitectureRunner(), invoker, cache);
        var shallow = Encoder.Encode(SearchPoint.Uniform(3, 2, 2, 3, PreFuserOption.None, EvaluationOption.None));
        var deep = Encoder.Encode(SearchPoint.Uniform(3, 2, 3, 3, PreFuserOption.None, EvaluationOption.None));

        var first = await runner.RunAsync(shallow, Item, default);
        var afterFirst = invoker.Calls;
        var second = await runner.RunAsync(deep, Item, default);

        Assert.Equal(6 + 3 + 1, first.CallsNeeded);
        Assert.Equal(first.CallsNeeded, first.CallsMade);
        Assert.Equal(6 + 3 + 3 + 1, second.CallsNeeded);
        Assert.Equal(2, second.ReusedLayers);
        // New: the second fusion layer and the final fuser — except the second layer's top fuser, whose call (same model,
        // sample and input) is exactly `shallow`'s final fuser call, answered by the response cache.
        Assert.Equal(2 + 1, second.CallsMade);
        Assert.Equal(afterFirst + 3, invoker.Calls);
        Assert.Equal(second.CallsNeeded * 0.001m, second.Totals.CostUsd);
    }

    [Fact]
    public async Task RunAsync_SameCandidateTwice_MakesNoNewCallsAndSameAnswer()
    {
        await using var invoker = new CountingInvoker();
        var runner = new CandidateItemRunner(new ArchitectureRunner(), invoker, new InMemorySearchCache());
        var arch = Encoder.Encode(SearchPoint.Uniform(2, 1, 1, 0, PreFuserOption.None, EvaluationOption.None));

        var a = await runner.RunAsync(arch, Item, default);
        var calls = invoker.Calls;
        var b = await runner.RunAsync(arch, Item, default);

        Assert.Equal(a.Answer, b.Answer);
        Assert.Equal(calls, invoker.Calls);
        Assert.Equal(0, b.CallsMade);
        Assert.Equal(a.Totals.Calls, b.Totals.Calls);
    }

    [Fact]
    public async Task RunAsync_WiderGeneratorLayer_AnswersSharedGeneratorCallsFromResponseCache()
    {
        await using var invoker = new CountingInvoker();
        var runner = new CandidateItemRunner(new ArchitectureRunner(), invoker, new InMemorySearchCache());
        await runner.RunAsync(Encoder.Encode(SearchPoint.Uniform(2, 2, 1, 0, PreFuserOption.None, EvaluationOption.None)), Item, default);

        var wider = await runner.RunAsync(Encoder.Encode(SearchPoint.Uniform(3, 2, 1, 0, PreFuserOption.None, EvaluationOption.None)), Item, default);

        // Top-3 × 2 contains top-2 × 2: only the third model's two samples and the (differently fed) fuser are new.
        Assert.Equal(2 + 1, wider.CallsMade);
    }
}
