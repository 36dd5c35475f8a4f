namespace Harrier.Server.Api.Namespaces;

/// <summary>Kestra's FileAttributes of a namespace file or folder: name, dates in epoch milliseconds, File or Directory, size.</summary>
public sealed record ApiFileAttributes(string FileName, long LastModifiedTime, long CreationTime, string Type, long Size)
{
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
