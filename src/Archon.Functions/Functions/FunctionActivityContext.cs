using Microsoft.DurableTask;

namespace Archon.Functions.Functions;

/// <summary>
/// The <see cref="TaskActivityContext"/> handed to activity classes whose body is their <c>RunAsync</c>: the Functions
/// activity trigger gives the input directly, so only the activity name is known here.
/// </summary>
internal sealed class FunctionActivityContext(string name) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId => "";
}
