using Archon.Core.Search;
using Archon.Core.Storage;
namespace Archon.Bench.Search;

/// <summary>
/// Counts model calls for a set of evaluated architectures with and without reuse. Without: every architecture pays
/// all of its calls on every item it is scored on. With: generator calls are answered by the response cache when the
/// same (model, sample, item) was asked before — the generator layer of "top-3 × 2 samples" is part of "top-5 × 4" —
/// every later layer is paid once per (prefix key, item), since candidates sharing their first layers share those
/// layers' outputs, and a fuser call once per (input prefix, model, sample, item), since wider fusion layers contain
/// the narrower ones' calls; the unit-test generator (which sees only the question) once per (model, sample, item). Items are the first k of one shuffled order, so the calls of a prefix are paid up to the largest k.
/// </summary>
public sealed class ReuseCounter(ArchitectureEncoder encoder)
{
    private readonly Dictionary<string, int> _generatorItems = [];
    private readonly Dictionary<string, (int Calls, int Items)> _prefixItems = [];

    public long WithoutReuse { get; private set; }

    public void Add(SearchPoint point, int items)
    {
        var config = encoder.Encode(point);
        var calls = encoder.Estimate(point).LayerCalls;
        WithoutReuse += (long)calls.Sum() * items;
        foreach (var component in config.Layers[0].Components)
        {
            for (var sample = 0; sample < component.Samples; sample++)
            {
                var key = component.Model + "#" + sample + "#" + component.Temperature.ToString("R");
                _generatorItems[key] = Math.Max(_generatorItems.GetValueOrDefault(key), items);
            }
        }

        var generatorCandidates = config.Layers[0].Components.SelectMany(c => Enumerable.Range(0, c.Samples).Select(s => c.Model + "#" + s)).ToList();
        var rawCandidates = true;
        for (var layer = 1; layer < config.Layers.Count; layer++)
        {
            var components = config.Layers[layer].Components;
            if (rawCandidates && components.All(c => c.Type is "verifier" or "unit_test_evaluator"))
            {
                // Checking one raw generator answer (with the question, or the question's unit tests) is the same call
                // whichever other candidates sit beside it: one call set per (checker, generator model, sample, item).
                var perCandidate = calls[layer] / Math.Max(1, generatorCandidates.Count);
                foreach (var c in components)
                {
                    foreach (var candidate in generatorCandidates)
                    {
                        Count("check#" + c.Type + "#" + c.Model + "#" + candidate, perCandidate, items);
                    }
                }

                continue;
            }

            rawCandidates &= components.All(c => c.Type == "unit_test_generator");
            if (components.All(c => c.Type == "fuser"))
            {
                // A fuser's call depends only on its input state, its model and its sample index: "top-4 fusers" after a
                // given prefix is part of "top-6 fusers" after it, so the response cache answers those calls.
                var before = PrefixKey.For(config, layer);
                foreach (var c in components)
                {
                    for (var sample = 0; sample < c.Samples; sample++)
                    {
                        Count(before + "#" + c.Model + "#" + sample, 1, items);
                    }
                }
            }
            else if (components.All(c => c.Type == "unit_test_generator"))
            {
                // The unit-test generator's prompt is the question alone: one call per (model, sample, item) for every
                // architecture that has the layer.
                foreach (var c in components)
                {
                    for (var sample = 0; sample < c.Samples; sample++)
                    {
                        Count("unit-tests#" + c.Model + "#" + sample, 1, items);
                    }
                }
            }
            else
            {
                Count(PrefixKey.For(config, layer + 1), calls[layer], items);
            }
        }
    }

    private void Count(string key, int calls, int items)
    {
        var previous = _prefixItems.GetValueOrDefault(key);
        _prefixItems[key] = (calls, Math.Max(previous.Items, items));
    }

    public long WithReuse => _generatorItems.Values.Sum(v => (long)v) + _prefixItems.Values.Sum(v => (long)v.Calls * v.Items);
}
