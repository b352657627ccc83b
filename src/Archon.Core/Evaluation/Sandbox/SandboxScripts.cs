using System.Reflection;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>The Python sources (embedded resources under Sandbox/Python): agent (inside), checker (outside), launcher.</summary>
internal static class SandboxScripts
{
    private static readonly Lazy<string> Codec = new(() => Read("codec.py"));

    /// <summary>Runs inside the sandbox with the candidate; answers calls.</summary>
    public static string Agent { get; } = Codec.Value + "\n" + Read("agent.py");

    /// <summary>Runs outside the candidate's interpreter; holds the tests and decides the verdict.</summary>
    public static string Checker { get; } = Codec.Value + "\n" + Read("checker.py");

    /// <summary>Runs a stdin/stdout program under the limits.</summary>
    public static string Launcher { get; } = Read("launcher.py");

    private static string Read(string name)
    {
        var resource = "Archon.Core.Evaluation.Sandbox.Python." + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded sandbox script '{resource}' is missing from Archon.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
