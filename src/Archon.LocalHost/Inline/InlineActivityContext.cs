using Microsoft.DurableTask;

namespace Archon.LocalHost.Inline;

/// <summary>The activity context of an inline orchestration's activity: its name and the orchestration's id.</summary>
internal sealed class InlineActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name => name;

    public override string InstanceId => instanceId;
}
