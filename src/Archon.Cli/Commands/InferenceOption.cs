using Archon.LocalHost;

namespace Archon.Cli.Commands;

/// <summary>
/// `--inference inline|durable`, shared by `serve` and `bench serve`: one parsing rule and one error text. Numbers are
/// refused although <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would accept them.
/// </summary>
internal static class InferenceOption
{
    public static ServeInference? Parse(string value) =>
        !int.TryParse(value, out _) && Enum.TryParse<ServeInference>(value, ignoreCase: true, out var mode) ? mode : null;

    /// <summary>The validation error for <paramref name="value"/>, or null when it names a mode.</summary>
    public static string? Problem(string value) => Parse(value) is null ? $"--inference '{value}': must be inline or durable" : null;
}
