using System.Text;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>Python snippets sent to session kernels. Payloads travel base64-encoded, so no text can escape its literal.</summary>
internal static class SessionCode
{
    public static string B64(string text) => $"__import__('base64').b64decode('{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}').decode('utf-8')";

    /// <summary>Last non-empty stdout line: the reply (the kernel may echo other text before it).</summary>
    public static string? LastLine(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? null : lines[^1];
    }
}
