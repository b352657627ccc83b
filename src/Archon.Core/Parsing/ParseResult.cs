namespace Archon.Core.Parsing;

/// <summary>A parsed value, or the reason the text could not be read (sent back to the model on a retry).</summary>
public sealed record ParseResult<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(default, error);
}
