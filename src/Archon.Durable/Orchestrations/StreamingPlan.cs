using Archon.Core.Architecture;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// When the final stage's tokens can stream as the model produces them: the last layer makes exactly one call whose
/// reply becomes the answer, i.e. a single generator or fuser with one sample. Any other last layer (rankers,
/// verifiers, several samples) decides the answer only after all its calls, so the answer streams once it is known.
/// </summary>
public static class StreamingPlan
{
    public static bool FinalCallStreams(ArchitectureConfig architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (architecture.Layers.Count == 0)
        {
            return false;
        }

        var last = architecture.Layers[^1].Components;
        return last.Count == 1
            && last[0].Samples == 1
            && (last[0].Type == ComponentTypes.Generator || last[0].Type == ComponentTypes.Fuser);
    }
}
