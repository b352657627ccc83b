using Archon.Core.Components;

namespace Archon.Samples.MajorityVote;

/// <summary>The plugin entry point the CLI and hosts discover: registers <c>majority_vote</c>.</summary>
public sealed class MajorityVoteModule : IComponentModule
{
    public void Register(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(MajorityVoteComponent.Registration);
    }
}
