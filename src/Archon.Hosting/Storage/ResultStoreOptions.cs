using Archon.Core.Storage;
namespace Archon.Hosting.Storage;

/// <summary>
/// Where results go. Configuration section <c>ArchonStorage</c> (app settings <c>ArchonStorage__ServiceUri</c> etc.).
/// Defaults: <see cref="Kind"/> = <c>auto</c>: blob when <see cref="ConnectionString"/> or <see cref="ServiceUri"/>
/// is set, otherwise the local folder <see cref="LocalRoot"/> (<c>.archon</c>).
/// </summary>
public sealed class ResultStoreOptions
{
    public const string SectionName = "ArchonStorage";

    /// <summary><c>auto</c> (default), <c>blob</c> or <c>file</c>.</summary>
    public string Kind { get; set; } = "auto";

    /// <summary>Connection string: for Azurite only. In Azure leave empty and set <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob endpoint (https://ACCOUNT.blob.core.windows.net) used with DefaultAzureCredential (managed identity).</summary>
    public string? ServiceUri { get; set; }

    /// <summary>Local folder for the file store.</summary>
    public string LocalRoot { get; set; } = ".archon";

    public string ResolvedKind => Kind switch
    {
        "auto" => string.IsNullOrEmpty(ConnectionString) && string.IsNullOrEmpty(ServiceUri) ? "file" : "blob",
        _ => Kind,
    };

    /// <summary>Null when valid, else one message naming the setting and the rule.</summary>
    public string? Validate()
    {
        if (Kind is not ("auto" or "blob" or "file"))
        {
            return $"{SectionName}:Kind '{Kind}': must be auto, blob or file";
        }

        if (ResolvedKind == "blob" && string.IsNullOrEmpty(ConnectionString) &&
            !Uri.TryCreate(ServiceUri, UriKind.Absolute, out _))
        {
            return $"{SectionName}:ServiceUri: an absolute blob endpoint URI (or {SectionName}:ConnectionString for Azurite) is required when Kind is blob";
        }

        if (ResolvedKind == "file" && string.IsNullOrWhiteSpace(LocalRoot))
        {
            return $"{SectionName}:LocalRoot: must name a folder when Kind is file";
        }

        return null;
    }
}
