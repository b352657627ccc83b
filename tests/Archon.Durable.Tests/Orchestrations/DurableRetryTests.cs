using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.DurableTask;

namespace Archon.Durable.Tests.Orchestrations;

public sealed class DurableRetryTests
{
    private static TaskFailureDetails Failure(string type, TaskFailureDetails? inner = null) => new(type, "boom", null, inner, null);

    private static TaskFailureDetails FailedActivity(string cause) => Failure(typeof(TaskFailedException).FullName!, Failure(cause));

    [Fact]
    public void ShouldRetryActivity_InfrastructureError_Retries() =>
        Assert.True(DurableRetry.ShouldRetryActivity(Failure(typeof(IOException).FullName!)));

    [Theory]
    [InlineData(typeof(ArchonInputException))]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(InvalidCastException))]
    public void ShouldRetryActivity_InputOrProgrammingError_NeverRetries(Type error) =>
        Assert.False(DurableRetry.ShouldRetryActivity(Failure(error.FullName!)));

    [Fact]
    public void ShouldRetryActivity_InputErrorDeepInTheChain_NeverRetries() =>
        Assert.False(DurableRetry.ShouldRetryActivity(Failure(typeof(InvalidOperationException).FullName!, Failure("Archon.Core.Search.SearchSpecException"))));

    [Fact]
    public void ShouldRetrySubOrchestration_AnActivityInsideFailed_DoesNotMultiplyItsRetries() =>
        Assert.False(DurableRetry.ShouldRetrySubOrchestration(FailedActivity(typeof(IOException).FullName!)));

    [Fact]
    public void ShouldRetrySubOrchestration_OwnTransientFailure_Retries() =>
        Assert.True(DurableRetry.ShouldRetrySubOrchestration(Failure(typeof(TimeoutException).FullName!)));

    [Fact]
    public void ShouldRetrySubOrchestration_InputError_NeverRetries() =>
        Assert.False(DurableRetry.ShouldRetrySubOrchestration(Failure(typeof(ArchonInputException).FullName!)));

    [Fact]
    public void Policies_AreSeparate_SubOrchestrationHasFewerAttempts()
    {
        Assert.NotSame(DurableRetry.Activity.Retry?.Policy, DurableRetry.SubOrchestrationPolicy);
        Assert.True(DurableRetry.SubOrchestrationPolicy.MaxNumberOfAttempts < DurableRetry.ActivityAttempts);
    }
}
