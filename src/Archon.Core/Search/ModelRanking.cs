namespace Archon.Core.Search;

/// <summary>
/// Preprocessing output: generator models ranked by their individual dev score, and fuser models ranked by the score
/// they reach fusing random ensembles. Best first. <see cref="PromptTokens"/> is the mean benchmark prompt size.
/// </summary>
public sealed record ModelRanking(IReadOnlyList<ModelProfile> Generators, IReadOnlyList<ModelProfile> Fusers, double PromptTokens = 200)
{
    public ModelProfile Generator(int rank) => Generators[rank % Generators.Count];

    /// <summary>The fuser at a rank; cycles when a layer asks for more fusers than there are models.</summary>
    public ModelProfile Fuser(int rank) => Fusers[rank % Fusers.Count];

    public ModelProfile BestFuser => Fusers[0];
}
