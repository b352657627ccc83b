namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Settings section <c>ArchonSandbox</c>: <c>Kind</c> (Local | SessionPool, default Local), the limits, and the session
/// pool. Bound from configuration by hosts, or from environment variables by <see cref="FromEnvironment"/>
/// (<c>ArchonSandbox__Kind</c>, <c>ArchonSandbox__SessionPool__Endpoint</c>, …: the same names as Azure app settings).
/// </summary>
public sealed record CodeSandboxOptions
{
    public const string Section = "ArchonSandbox";

    public SandboxKind Kind { get; init; } = SandboxKind.Local;
    public SandboxOptions Limits { get; init; } = new();
    public SessionPoolOptions SessionPool { get; init; } = new();

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (!Enum.IsDefined(Kind)) { p.Add($"ArchonSandbox:Kind must be Local or SessionPool (got '{Kind}')."); }
        p.AddRange(Limits.Problems());
        if (Kind == SandboxKind.SessionPool) { p.AddRange(SessionPool.Problems()); }
        return p;
    }

    /// <summary>Reads <c>ArchonSandbox__*</c> environment variables; a bad value is an error naming the variable.</summary>
    public static CodeSandboxOptions FromEnvironment(Func<string, string?>? get = null)
    {
        get ??= Environment.GetEnvironmentVariable;
        string? Var(string name) => get($"{Section}__{name}") is { Length: > 0 } v ? v : null;
        var kindText = Var("Kind");
        var kind = SandboxKind.Local;
        if (kindText is not null && !Enum.TryParse(kindText, ignoreCase: true, out kind))
        {
            throw new ArgumentException($"{Section}__Kind must be Local or SessionPool (got '{kindText}').");
        }

        var endpointText = Var("SessionPool__Endpoint");
        Uri? endpoint = null;
        if (endpointText is not null && !Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint))
        {
            throw new ArgumentException($"{Section}__SessionPool__Endpoint must be an absolute URL (got '{endpointText}').");
        }

        var pool = new SessionPoolOptions { Endpoint = endpoint };
        if (Var("SessionPool__ApiVersion") is { } version) { pool = pool with { ApiVersion = version }; }
        var options = new CodeSandboxOptions { Kind = kind, SessionPool = pool };
        var problems = options.Problems();
        return problems.Count == 0 ? options : throw new ArgumentException(string.Join(" ", problems));
    }
}
