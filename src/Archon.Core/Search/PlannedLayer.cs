namespace Archon.Core.Search;

/// <summary>One layer of the architecture a <see cref="SearchPoint"/> stands for: a role, its models with sample counts,
/// and the ranker's top-k. Both the encoder (to build the real config) and the cost estimator read this one plan.</summary>
public sealed record PlannedLayer(string Role, IReadOnlyList<PlannedComponent> Components, int? TopK = null);

/// <summary>A model in a planned layer with the number of samples it draws.</summary>
public sealed record PlannedComponent(ModelProfile Model, int Samples);
