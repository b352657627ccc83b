namespace Archon.Core.Evaluation.Scoring;

/// <summary>
/// The score of one item. <see cref="Value"/> is what gets averaged: 0/1 for verifiable families, the judge rating
/// (1–10) for MT-Bench, the preference/win value (0..1) for pairwise judges. <see cref="Scored"/> is false when the
/// item could not be scored (e.g. the judge gave no parseable verdict); such items are reported, not averaged.
/// </summary>
public sealed record ItemScore(string ItemId, double Value, bool Scored = true, string? Extracted = null, string? Detail = null)
{
    public bool Correct => Scored && Value >= 1.0;

    /// <summary>Detail prefix of an item whose judge never gave a parseable verdict within the bounded retries.</summary>
    public const string ParseFailurePrefix = "judge parse failure: ";

    public static ItemScore Unscored(string itemId, string detail) => new(itemId, 0, false, null, detail);

    /// <summary>The judge replied, but with no verdict the parser accepts, on every attempt: reported, never a silent zero.</summary>
    public static ItemScore ParseFailure(string itemId, string detail) => new(itemId, 0, false, null, ParseFailurePrefix + detail);
}
