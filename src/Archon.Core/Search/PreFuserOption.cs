namespace Archon.Core.Search;

/// <summary>What runs between the generators and the first fuser. The paper's space toggles a critic + ranker; we also
/// allow a ranker alone, which is how the default space reaches the paper's 9,576 architectures.</summary>
public enum PreFuserOption
{
    None,
    Ranker,
    CriticRanker,
}
