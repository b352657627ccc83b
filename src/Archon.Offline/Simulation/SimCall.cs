namespace Archon.Offline.Simulation;

/// <summary>Everything one simulated call depends on (all deterministic inputs).</summary>
internal sealed record SimCall(
    SimModelProfile Profile,
    int Seed,
    string Role,
    SimAnswerKey? Key,
    string SampleTag,
    string CallId,
    string System,
    string LastUser,
    string AllText)
{
    public string ItemId => Key?.Item.Id ?? "";

    public double U(params string[] keys) => SimRandom.Uniform(Seed, [Profile.Id, ItemId, Role, .. keys]);

    public double N(params string[] keys) => SimRandom.Normal(Seed, [Profile.Id, ItemId, Role, .. keys]);
}
