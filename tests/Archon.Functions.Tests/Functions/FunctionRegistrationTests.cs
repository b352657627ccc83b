using System.Reflection;
using Archon.Durable;
using Archon.Hosting;
using Archon.Functions.Functions;
using Microsoft.Azure.Functions.Worker;

namespace Archon.Functions.Tests.Functions;

/// <summary>The Functions app and the embedded host must register the same orchestrators and activities.</summary>
public sealed class FunctionRegistrationTests
{
    private static readonly IReadOnlyList<MethodInfo> FunctionMethods = typeof(HttpFunctions).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
        .ToList();

    private static IEnumerable<string> NamesWithTrigger<TTrigger>() where TTrigger : Attribute =>
        FunctionMethods.Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<TTrigger>() is not null))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name);

    [Fact]
    public void Orchestrators_EveryRegisteredClass_HasAnOrchestrationTriggerWrapperOfTheSameName()
    {
        Assert.NotEmpty(ArchonDurableTasks.Orchestrators);
        Assert.Equal(
            ArchonDurableTasks.Orchestrators.Select(t => t.Name).Order(StringComparer.Ordinal),
            NamesWithTrigger<OrchestrationTriggerAttribute>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Activities_EveryRegisteredClass_HasAnActivityTriggerWrapperOfTheSameName()
    {
        Assert.Contains(ArchonDurableTasks.Activities, t => t.Name == "ModelCallActivity");
        Assert.Equal(
            ArchonDurableTasks.Activities.Select(t => t.Name).Order(StringComparer.Ordinal),
            NamesWithTrigger<ActivityTriggerAttribute>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HttpTriggers_AllUseFunctionLevelAuthAndTheServeRoutes()
    {
        var routes = FunctionMethods
            .SelectMany(m => m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>())
            .ToList();

        Assert.All(routes, r => Assert.Equal(AuthorizationLevel.Function, r.AuthLevel));
        Assert.Equal(
            ["get inference/{id}", "get search/{id}", "get v1/models", "get v1/models/{id}", "post inference", "post search", "post v1/chat/completions", "post,get,delete mcp"],
            routes.Select(r => $"{string.Join(",", r.Methods!)} {r.Route}").Order(StringComparer.Ordinal));
    }
}
