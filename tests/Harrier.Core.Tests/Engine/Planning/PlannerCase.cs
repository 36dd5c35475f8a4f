namespace Harrier.Core.Tests.Engine.Planning;

/// <summary>
/// One row of the planner table: a flow, what the fake worker makes of each task (SUCCESS unless named),
/// the task runs each planning pass creates, every task run's final state, and the execution's.
/// </summary>
internal sealed record PlannerCase(string Flow, string Outcomes, string Waves, string States, string Execution);
