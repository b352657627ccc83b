namespace Archon.Core.Search;

/// <summary>
/// Estimates per-query calls, tokens, dollars and critical-path latency of an architecture from its plan.
/// Call counts follow the components' behaviour: generators and fusers call once per sample, the critic and ranker
/// once over all candidates, the verifier twice per candidate (reasoning, then verdict), the unit-test evaluator once
/// per candidate, the unit-test generator once.
/// Token figures use the ranking's measured averages, so they are estimates; budgets apply to these estimates.
/// </summary>
public static class CostEstimator
{
    public static CostEstimate Estimate(IReadOnlyList<PlannedLayer> plan, double promptTokens)
    {
        var calls = 0;
        double input = 0, output = 0, dollars = 0, latency = 0;
        var layerCalls = new List<int>(plan.Count);
        var candidates = 0;
        double candidateTokens = 0;
        foreach (var layer in plan)
        {
            var layerCallCount = 0;
            double layerLatency = 0;
            var nextCandidates = candidates;
            double nextTokens = candidateTokens;
            foreach (var component in layer.Components)
            {
                var model = component.Model;
                var (n, inPerCall) = layer.Role switch
                {
                    "generator" => (component.Samples, promptTokens),
                    "critic" or "ranker" => (1, promptTokens + candidates * candidateTokens),
                    // The verifier reasons about each candidate, then gives a verdict on that reasoning: two calls each.
                    "verifier" => (2 * Math.Max(1, candidates), promptTokens + candidateTokens + model.AvgOutputTokens / 2),
                    "unit_test_evaluator" => (Math.Max(1, candidates), promptTokens + candidateTokens),
                    "unit_test_generator" => (1, promptTokens),
                    _ => (component.Samples, promptTokens + candidates * candidateTokens),
                };
                layerCallCount += n;
                input += n * inPerCall;
                output += n * model.AvgOutputTokens;
                dollars += n * (inPerCall * model.InputPricePerMillion + model.AvgOutputTokens * model.OutputPricePerMillion) / 1_000_000;
                layerLatency = Math.Max(layerLatency, model.AvgLatencyMs);
            }

            switch (layer.Role)
            {
                case "generator":
                case "fuser":
                    nextCandidates = layer.Components.Sum(c => c.Samples);
                    nextTokens = layer.Components.Average(c => c.Model.AvgOutputTokens);
                    break;
                case "ranker":
                    nextCandidates = Math.Min(layer.TopK ?? candidates, candidates);
                    break;
            }

            calls += layerCallCount;
            latency += layerLatency;
            layerCalls.Add(layerCallCount);
            candidates = nextCandidates;
            candidateTokens = nextTokens;
        }

        return new CostEstimate(calls, (long)Math.Round(input), (long)Math.Round(output), dollars, latency, layerCalls);
    }
}
