namespace Harrier.Core.Flows;

/// <summary>
/// One entry of a flow's <c>sla</c> list (Kestra's flow SLA): <see cref="MaxDuration"/> — the execution must end within
/// <see cref="Duration"/> of its start — or <see cref="ExecutionAssertion"/> — <see cref="Assert"/>, an expression on the
/// execution, must stay true while it runs. On a violation the execution ends as <see cref="Behavior"/> says (FAIL,
/// CANCEL) or goes on (NONE), and gets <see cref="Labels"/>.
/// </summary>
public sealed record SlaDefinition(string Id, string Type, string Behavior)
{
    public const string MaxDuration = "MAX_DURATION";
    public const string ExecutionAssertion = "EXECUTION_ASSERTION";

    public TimeSpan? Duration { get; init; }

    public string? Assert { get; init; }

    public IReadOnlyList<FlowLabel> Labels { get; init; } = [];
}
