using Archon.Core.Architecture;

namespace Archon.Core.Providers;

/// <summary>
/// The reference's reward-model ranker: a ranker whose model is <c>llm-blender/PairRM</c> ranks with a reward model
/// instead of an LLM prompt. Here that model is a catalog entry with provider <see cref="Provider"/>, reached over
/// HTTP (<see cref="RewardModelChatClient"/>).
/// </summary>
public static class RewardModels
{
    public const string Provider = "reward-model";
    public const string PairRm = "llm-blender/PairRM";

    /// <summary>The reference rule: a ranker named exactly llm-blender/PairRM ranks with the reward model.</summary>
    public static bool IsRewardRanker(ComponentConfig component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.Type == ComponentTypes.Ranker && string.Equals(component.Model, PairRm, StringComparison.OrdinalIgnoreCase);
    }
}
