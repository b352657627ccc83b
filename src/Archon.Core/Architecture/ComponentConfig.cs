using System.Text.Json;

namespace Archon.Core.Architecture;

/// <summary>
/// One component of a layer, in the reference Archon JSON vocabulary plus our own additions
/// (<see cref="Id"/>, pricing overrides live in the model catalog, not here).
/// Unknown keys are kept in <see cref="Extra"/> so that a save/load round trip loses nothing.
/// </summary>
public sealed record ComponentConfig
{
    /// <summary>generator, fuser, ranker, critic, verifier, unit_test_generator, unit_test_evaluator, or a registered custom type.</summary>
    public required string Type { get; init; }

    /// <summary>Model id as the catalog knows it (e.g. "Qwen/Qwen2-72B-Instruct").</summary>
    public string Model { get; init; } = "";

    /// <summary>Reference provider tag (OpenAI_API, Together_API, ...); resolved through the catalog.</summary>
    public string ModelType { get; init; } = "";

    public double Temperature { get; init; } = 0.7;
    public int MaxTokens { get; init; } = 2048;
    public int Samples { get; init; } = 1;
    public int? TopK { get; init; }
    public int? FirstK { get; init; }
    public bool FirstPass { get; init; }
    public bool LengthControl { get; init; }
    public bool UseCritiques { get; init; }
    public int? UnitTestCap { get; init; }
    public bool RemoveUnitTestsFromPrompt { get; init; }
    public bool NoSystem { get; init; }

    /// <summary>Optional stable id (our extension); traces use it when present.</summary>
    public string? Id { get; init; }

    /// <summary>Keys we do not interpret, preserved verbatim for round trips.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = new Dictionary<string, JsonElement>();
}
