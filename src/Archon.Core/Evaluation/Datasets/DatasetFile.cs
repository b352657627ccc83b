namespace Archon.Core.Evaluation.Datasets;

/// <summary>One expected dataset file: its path relative to the dataset directory and its public upstream source.</summary>
public sealed record DatasetFile(string RelativePath, string PublicSource);
