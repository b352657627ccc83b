using Archon.Durable.Contracts;
using Microsoft.DurableTask;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Reads a Durable failure chain (<see cref="TaskFailureDetails.InnerFailure"/>) by exception type name: failure
/// details cross process boundaries as names, so the types need not be loadable here.
/// </summary>
public static class DurableFailures
{
    /// <summary>Input and validation errors: a second attempt gets the same input and fails the same way.</summary>
    private static readonly string[] InputErrors =
    [
        typeof(ArchonInputException).FullName!,
        "Archon.Core.Search.SearchSpecException",
        "Archon.Core.Search.SearchFailedException",
        "Archon.Core.Architecture.ArchitectureException",
        "Archon.Core.Execution.BudgetExceededException",
        typeof(ArgumentException).FullName!,
        typeof(ArgumentNullException).FullName!,
        typeof(ArgumentOutOfRangeException).FullName!,
        typeof(FormatException).FullName!,
        "System.Text.Json.JsonException",
    ];

    /// <summary>Programming errors: a bug, not a transient condition.</summary>
    private static readonly string[] ProgrammingErrors =
    [
        typeof(NullReferenceException).FullName!,
        typeof(InvalidCastException).FullName!,
        typeof(IndexOutOfRangeException).FullName!,
        typeof(NotImplementedException).FullName!,
        typeof(NotSupportedException).FullName!,
        typeof(MissingMethodException).FullName!,
        typeof(TypeLoadException).FullName!,
    ];

    public static bool IsPermanent(TaskFailureDetails? failure) => Chain(failure).Any(f => IsOneOf(f, InputErrors) || IsOneOf(f, ProgrammingErrors));

    public static bool IsProgrammingError(TaskFailureDetails? failure) => Chain(failure).Any(f => IsOneOf(f, ProgrammingErrors));

    /// <summary>The failure is a task (activity or sub-orchestration) of this orchestration that failed after its own retries.</summary>
    public static bool IsTaskFailure(TaskFailureDetails? failure) =>
        failure?.ErrorType == typeof(TaskFailedException).FullName || failure?.ErrorType == "DurableTask.Core.Exceptions.TaskFailedException"
        || failure?.ErrorType == "DurableTask.Core.Exceptions.SubOrchestrationFailedException";

    private static IEnumerable<TaskFailureDetails> Chain(TaskFailureDetails? failure)
    {
        for (var f = failure; f is not null; f = f.InnerFailure)
        {
            yield return f;
        }
    }

    private static bool IsOneOf(TaskFailureDetails failure, string[] types) => types.Contains(failure.ErrorType, StringComparer.Ordinal);
}
