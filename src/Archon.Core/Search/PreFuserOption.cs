namespace Archon.Core.Search;

/// <summary>
/// What runs right before a fusion layer. The paper toggles "critic and ranker" as one switch; the reference
/// implementation places a critic and a ranker before every intermediate fusion layer. A critic alone and a ranker
/// alone are also offered: the paper's best general-purpose architecture ranks only before its first fusion layer.
/// </summary>
public enum PreFuserOption
{
    None,
    Ranker,
    CriticRanker,
    Critic,
}

/// <summary>How the pre-fusion option is chosen across fusion layers.</summary>
public enum PreFusionMode
{
    /// <summary>One choice applied before every fusion layer (the paper's axis).</summary>
    AllLayers,

    /// <summary>An independent choice before each fusion layer.</summary>
    PerLayer,
}
