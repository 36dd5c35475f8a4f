namespace Harrier.Core.Engine.Flowables;

/// <summary>Every flowable rule Harrier plans, by canonical type name. A flowable type declared without a rule here fails to load.</summary>
internal static class FlowableCatalog
{
    private static readonly Dictionary<string, IFlowable> ByType = new IFlowable[]
    {
        new Sequential.SequentialFlowable(),
        new Parallel.ParallelFlowable(),
        new If.IfFlowable(),
        new ForEach.ForEachFlowable(),
        new Switch.SwitchFlowable(),
        new Dag.DagFlowable(),
        new WaitFor.WaitForFlowable(),
        new Pause.PauseFlowable(),
        new AllowFailure.AllowFailureFlowable(),
        new Subflow.SubflowFlowable(),
        new ForEachItem.ForEachItemFlowable(),
        new WorkingDirectory.WorkingDirectoryFlowable(),
    }.ToDictionary(f => f.Type, StringComparer.Ordinal);

    public static IFlowable? Find(string type) => ByType.GetValueOrDefault(type);

    public static IFlowable For(string type) => Find(type)
        ?? throw new InvalidOperationException($"the flowable type {type} is declared but has no planning rule in {nameof(FlowableCatalog)}");
}
