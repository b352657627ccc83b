namespace Archon.Core.Providers;

/// <summary>The provider answered 2xx but the response holds no usable text (no choices, empty content).</summary>
public sealed class MalformedModelResponseException(string message) : Exception(message);
