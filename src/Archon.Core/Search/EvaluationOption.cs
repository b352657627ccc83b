namespace Archon.Core.Search;

/// <summary>The evaluation layer placed right before the last fuser.</summary>
public enum EvaluationOption
{
    None,
    Verifier,
    UnitTests,
}
