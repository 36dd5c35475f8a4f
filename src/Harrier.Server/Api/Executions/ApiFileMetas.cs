namespace Harrier.Server.Api.Executions;

/// <summary>Kestra's FileMetas: a file's size in bytes.</summary>
public sealed record ApiFileMetas(long Size);
