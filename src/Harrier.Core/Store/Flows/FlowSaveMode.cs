namespace Harrier.Core.Store.Flows;

/// <summary>What a save may do: only create, only update, or either.</summary>
public enum FlowSaveMode
{
    Create,
    Update,
    Upsert,
}
