namespace Archon.Durable.Contracts;

/// <summary>Custom status of a running inference: which layer (1-based) of how many, its component types, calls so far.</summary>
public sealed record InferenceProgress(int Layer, int Layers, IReadOnlyList<string> ComponentTypes, int CallsSoFar, string Phase);
