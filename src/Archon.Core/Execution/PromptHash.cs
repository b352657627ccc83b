using System.Security.Cryptography;
using System.Text;

namespace Archon.Core.Execution;

/// <summary>A short stable fingerprint of a call's messages, shown in traces to spot identical prompts.</summary>
public static class PromptHash
{
    public static string Compute(IReadOnlyList<ChatTurn> messages)
    {
        var text = string.Join("\u001e", messages.Select(m => m.Role + "\u001f" + m.Content));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
