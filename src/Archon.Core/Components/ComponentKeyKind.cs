namespace Archon.Core.Components;

/// <summary>The JSON kind a custom component's config key must have; the loader reports a mismatch as a field-type error.</summary>
public enum ComponentKeyKind
{
    Any,
    Text,
    Number,
    WholeNumber,
    Boolean,
}
