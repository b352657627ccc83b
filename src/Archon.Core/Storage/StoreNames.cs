using System.Text.RegularExpressions;

namespace Archon.Core.Storage;

/// <summary>
/// Name rules shared by every store, so a name that works with the local file store also works with Blob Storage
/// (and cannot escape the local folder).
/// </summary>
public static partial class StoreNames
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the rule when the container name is not a valid blob container name.</summary>
    public static void ValidateContainer(string container)
    {
        if (container is null || !ContainerPattern().IsMatch(container) || container.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"container '{container}': must be 3-63 characters of lowercase letters, digits and single hyphens, starting with a letter or digit",
                nameof(container));
        }
    }

    /// <summary>Throws when the blob name is empty, too long, absolute, or has empty/"."/".." segments.</summary>
    public static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 1024)
        {
            throw new ArgumentException($"name '{name}': must be 1-1024 characters", nameof(name));
        }

        if (name.Contains('\\', StringComparison.Ordinal) || name.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"name '{name}': segments separated by '/' must be non-empty and not '.' or '..'; no backslashes", nameof(name));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerPattern();
}
