namespace Harrier.Core.Executions;

/// <summary>
/// The planner's memo of how far each task list of one owner (the execution, or a flowable's task run) has finished:
/// a planning pass starts a list's walk at <see cref="ListProgress.Next"/> instead of its first task, so the cost of a
/// step does not grow with the number of steps before it. Derived data: it only ever covers task runs that are
/// terminal, which stay terminal, and it is written in the same commit as what it summarises.
/// </summary>
public sealed record PlanProgress(IReadOnlyDictionary<string, ListProgress> Lists)
{
    public static PlanProgress Empty { get; } = new(new Dictionary<string, ListProgress>(StringComparer.Ordinal));

    public ListProgress? Get(string list) => Lists.GetValueOrDefault(list);

    public PlanProgress With(string list, ListProgress progress)
    {
        var lists = new Dictionary<string, ListProgress>(Lists, StringComparer.Ordinal) { [list] = progress };
        return new PlanProgress(lists);
    }
}

/// <summary>
/// The first <see cref="Next"/> entries of a list (tasks of a sequential list, iterations of a ForEach) are finished,
/// and <see cref="Worst"/> is their rolled-up state (see <see cref="States.Worst"/>). For a ForEach, <see cref="Started"/>
/// counts the iterations started (they start in order): none at or after it has a task run yet; <see cref="Done"/>
/// lists, in order, the iterations after <see cref="Next"/> that finished before the ones in between (their states are
/// in <see cref="Worst"/> too).
/// </summary>
/// <remarks>
/// What the memo also tells: a task run of the list that a pass does not see among the unfinished and the recently
/// changed ones does not exist yet — every run is created, and later finished, in a committed pass that moved the memo.
/// </remarks>
public sealed record ListProgress(int Next, State Worst, int Started = 0, IReadOnlyList<int>? Done = null)
{
    public IReadOnlyList<int> DoneAfterNext => Done ?? [];

    public bool Equals(ListProgress? other) =>
        other is not null && Next == other.Next && Worst == other.Worst && Started == other.Started && DoneAfterNext.SequenceEqual(other.DoneAfterNext);

    public override int GetHashCode() => HashCode.Combine(Next, Worst, Started, DoneAfterNext.Count);
}
