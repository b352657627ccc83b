using Azure.Core;
using Azure.Identity;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Creates the configured <see cref="ICodeSandbox"/>. <see cref="Shared"/> is the process-wide default used when a
/// scorer is given none: built once from the <c>ArchonSandbox__*</c> environment variables (app settings in Azure),
/// so the Functions app gets the session pool and a developer machine gets bubblewrap, with no code change.
/// </summary>
public static class CodeSandbox
{
    private static readonly Lazy<ICodeSandbox> Default = new(() => Create(CodeSandboxOptions.FromEnvironment()), LazyThreadSafetyMode.ExecutionAndPublication);

    public static ICodeSandbox Shared => Default.Value;

    /// <summary>The sandbox <paramref name="options"/> selects; the session pool authenticates with <paramref name="credential"/>
    /// (default: <see cref="DefaultAzureCredential"/>, which picks the app's user-assigned identity from AZURE_CLIENT_ID).</summary>
    public static ICodeSandbox Create(CodeSandboxOptions options, TokenCredential? credential = null, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0) { throw new ArgumentException(string.Join(" ", problems)); }
        return options.Kind switch
        {
            SandboxKind.SessionPool => new SessionPoolSandbox(
                new SessionPoolClient(options.SessionPool, credential ?? new DefaultAzureCredential(), http), options.Limits),
            _ => new BubblewrapSandbox(options.Limits),
        };
    }
}
