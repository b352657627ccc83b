using System.Reflection;
using Archon.Core.Execution;
using Archon.Durable.Orchestrations;
using Microsoft.DurableTask;

namespace Archon.Durable;

/// <summary>
/// The one list of orchestrators and activities. The embedded host registers exactly these classes; the Functions
/// app has a one-line [Function] wrapper per entry (Microsoft.DurableTask.Generators is not available), and a test
/// checks that the two agree. New orchestrators/activities in this assembly (including Search/) join automatically.
/// Task names are the class names (<c>nameof(T)</c>), the Durable SDK's default for class-based tasks.
/// </summary>
public static class ArchonDurableTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } = Discover(typeof(TaskOrchestrator<,>));

    public static IReadOnlyList<Type> Activities { get; } = Discover(typeof(TaskActivity<,>));

    public static void Register(DurableTaskRegistry registry) => Register(registry, _ => true);

    /// <summary>Registers the tasks <paramref name="include"/> accepts (tests swap one for a stand-in of the same name).</summary>
    public static void Register(DurableTaskRegistry registry, Func<Type, bool> include) => Register(registry, include, null);

    /// <summary>
    /// As <see cref="Register(DurableTaskRegistry, Func{Type, bool})"/>, with <see cref="InferenceOrchestration"/> built
    /// on <paramref name="runner"/> (the host's custom components and prompt pack). The SDK creates orchestrators without
    /// dependency injection, so the runner comes through a factory the host resolves once its services exist.
    /// </summary>
    public static void Register(DurableTaskRegistry registry, Func<Type, bool> include, Func<ArchitectureRunner>? runner)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(include);
        foreach (var type in Orchestrators.Where(include))
        {
            if (runner is not null && type == typeof(InferenceOrchestration))
            {
                registry.AddOrchestrator(nameof(InferenceOrchestration), () => new InferenceOrchestration(runner()));
                continue;
            }

            registry.AddOrchestrator(type);
        }

        foreach (var type in Activities.Where(include))
        {
            registry.AddActivity(type);
        }
    }

    private static Type[] Discover(Type openBase) =>
        typeof(ArchonDurableTasks).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && DerivesFrom(t, openBase))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

    private static bool DerivesFrom(Type type, Type openBase)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openBase)
            {
                return true;
            }
        }

        return false;
    }
}
