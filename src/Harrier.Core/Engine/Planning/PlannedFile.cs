using Harrier.Core.Storage;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// A small file a planning pass writes to storage before its commit (ForEachItem's merged child outputs). Its name and
/// content follow from what the pass read, so a pass that wrote it and then did not commit (a crash, a conflict) writes
/// the same again next time; a file no commit refers to is never read.
/// </summary>
public sealed record PlannedFile(StorageUri Uri, string Content);
