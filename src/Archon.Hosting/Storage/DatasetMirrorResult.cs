using Archon.Core.Storage;
namespace Archon.Hosting.Storage;

/// <summary>Outcome of one <see cref="BlobDatasetMirror.MirrorAsync"/> call: the local dataset folder and what moved.</summary>
public sealed record DatasetMirrorResult(string Directory, int BlobCount, int Downloaded);
