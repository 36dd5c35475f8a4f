using System.Text.Json.Nodes;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Json;

namespace Harrier.Cli.Remote;

/// <summary>Executions in the API's (Kestra's) shape read back into Harrier's records, so the CLI prints them as it prints local ones.</summary>
public static class RemoteExecutions
{
    public static (Execution Execution, IReadOnlyList<TaskRun> TaskRuns) Read(JsonObject json)
    {
        var state = json["state"]!.AsObject();
        var execution = new Execution
        {
            Id = json["id"]!.GetValue<string>(),
            Namespace = json["namespace"]!.GetValue<string>(),
            FlowId = json["flowId"]!.GetValue<string>(),
            FlowRevision = json["flowRevision"]?.GetValue<int>() ?? 1,
            State = States.Parse(state["current"]!.GetValue<string>()),
            CreatedAt = state["startDate"]!.GetValue<DateTimeOffset>(),
            StartDate = Entered(state, "RUNNING"),
            EndDate = state["endDate"]?.GetValue<DateTimeOffset>(),
            Inputs = Plain(json["inputs"]),
            Outputs = Plain(json["outputs"]),
            Labels = [.. json["labels"]?.AsArray().Select(l => new FlowLabel(l!["key"]!.GetValue<string>(), l["value"]!.GetValue<string>())) ?? []],
        };
        var taskRuns = json["taskRunList"]?.AsArray().Select(r => TaskRun(r!.AsObject(), execution.Id)).ToList() ?? [];
        return (execution, taskRuns);
    }

    private static TaskRun TaskRun(JsonObject json, string executionId)
    {
        var state = json["state"]!.AsObject();
        return new TaskRun
        {
            Id = json["id"]!.GetValue<string>(),
            ExecutionId = executionId,
            TaskId = json["taskId"]!.GetValue<string>(),
            ParentTaskRunId = json["parentTaskRunId"]?.GetValue<string>(),
            Value = json["value"]?.GetValue<string>(),
            State = States.Parse(state["current"]!.GetValue<string>()),
            CreatedAt = state["startDate"]!.GetValue<DateTimeOffset>(),
            EndDate = state["endDate"]?.GetValue<DateTimeOffset>(),
            Outputs = Plain(json["outputs"]),
            Attempts = [.. json["attempts"]?.AsArray().Select(a => a!["state"]!.AsObject()).Select(a => new TaskRunAttempt(
                States.Parse(a["current"]!.GetValue<string>()), a["startDate"]!.GetValue<DateTimeOffset>(), a["endDate"]?.GetValue<DateTimeOffset>())) ?? []],
        };
    }

    private static DateTimeOffset? Entered(JsonObject state, string name) =>
        state["histories"]?.AsArray().FirstOrDefault(h => h!["state"]!.GetValue<string>() == name)?["date"]!.GetValue<DateTimeOffset>();

    private static IReadOnlyDictionary<string, object?> Plain(JsonNode? node) =>
        node is null ? new Dictionary<string, object?>() : PlainJson.Parse(node.ToJsonString()) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
}
