namespace Archon.Durable.Contracts;

/// <summary>USD per million tokens of one model, for budget checks inside an orchestration.</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion);
