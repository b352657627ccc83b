namespace Archon.Core.Components;

/// <summary>What a component does to the candidate list, so the validator can follow the flow past it.</summary>
public enum CandidateEffect
{
    /// <summary>Anything (the validator stops bounding the candidate count after it).</summary>
    Unknown,

    /// <summary>Keeps or reorders the candidates it gets, or keeps a subset of them.</summary>
    Filters,

    /// <summary>Replaces the candidate list with its own outputs (like a generator or a fuser).</summary>
    Produces,
}
