namespace Harrier.Core.Store.Flows;

/// <summary>What a save did (the last two: nothing, because the mode forbade it).</summary>
public enum FlowSaveStatus
{
    Created,
    Updated,

    /// <summary>The source is the latest revision's, byte for byte: no new revision.</summary>
    Unchanged,

    /// <summary>The flow was deleted (namespace replacement with deletion).</summary>
    Deleted,

    /// <summary>Create refused: the flow exists.</summary>
    AlreadyExists,

    /// <summary>Update refused: there is no such flow.</summary>
    NotFound,
}
