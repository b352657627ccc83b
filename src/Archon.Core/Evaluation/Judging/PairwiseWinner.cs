namespace Archon.Core.Evaluation.Judging;

/// <summary>Winner of one pairwise judgment, in the judge's A/B positions.</summary>
public enum PairwiseWinner { Error, A, B, Tie }
