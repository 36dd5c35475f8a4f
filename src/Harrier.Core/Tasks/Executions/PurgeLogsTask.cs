using Harrier.Core.Logs;
using Harrier.Core.Store;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tasks.Executions;

/// <summary>
/// <c>io.kestra.plugin.core.log.PurgeLogs</c>: deletes the log lines written at or before <c>endDate</c> (and at or after
/// <c>startDate</c>), of <c>logLevels</c> when given, of one execution, one flow or one namespace when given, as Kestra's
/// repository query selects them (each filter an exact match), through <see cref="ILogPurges"/>. Outputs Kestra's counts.
/// </summary>
/// <remarks>
/// Every Harrier log line belongs to an execution (trigger logs are system logs), so <c>nonExecutionLogsCount</c> is always
/// 0, <c>purgeNonExecutionLogs</c> changes nothing and <c>purgeExecutionLogs: false</c> purges nothing.
/// </remarks>
public sealed class PurgeLogsTask(ILogPurges purges) : IRunnableTask
{
    public const string Type = "io.kestra.plugin.core.log.PurgeLogs";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("namespace", "The namespace of the logs to purge."),
        Prop.String("flowId", "The flow whose logs are purged (with namespace)."),
        Prop.String("executionId", "The execution whose logs are purged."),
        Prop.StringList("logLevels", "Purge only lines of these levels (TRACE, DEBUG, INFO, WARN, ERROR); all levels when not set."),
        Prop.String("startDate", "Purge lines written at or after this date (ISO-8601)."),
        Prop.String("endDate", "Purge lines written at or before this date (ISO-8601).", required: true),
        Prop.Boolean("purgeExecutionLogs", "Purge the logs of executions.", true),
        Prop.Boolean("purgeNonExecutionLogs", "Purge logs not attached to an execution (Harrier has none).", true),
        Prop.Integer("batchSize", "Rows deleted per batch on MySQL in Kestra; Harrier always purges in one transaction."),
    ])
    {
        Description = "Purge log lines by namespace, flow or execution, level and date range.",
    };

    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var (ns, flowId) = (Blank(properties.String("namespace")), Blank(properties.String("flowId")));
        var purge = new LogPurge(Date(properties.RequiredString("endDate"), "endDate"))
        {
            StartDate = Blank(properties.String("startDate")) is { } start ? Date(start, "startDate") : null,
            Namespace = ns,
            FlowId = flowId,
            ExecutionId = Blank(properties.String("executionId")),
            Levels = Levels(properties.StringList("logLevels")),
        };
        var count = properties.Bool("purgeExecutionLogs", true) ? await purges.PurgeAsync(purge, cancellationToken).ConfigureAwait(false) : 0;
        context.Logger.Log(TaskLogLevel.Info, $"purged {count} log lines");
        return TaskOutcome.Success(new Dictionary<string, object?>
        {
            ["count"] = count,
            ["executionLogsCount"] = count,
            ["nonExecutionLogsCount"] = 0,
        });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static DateTimeOffset Date(string text, string property) =>
        DateTimeOffset.Parse(PropertyDates.Iso(text, property), System.Globalization.CultureInfo.InvariantCulture);

    private static List<TaskLogLevel>? Levels(IReadOnlyList<string>? names)
    {
        if (names is not { Count: > 0 })
        {
            return null;
        }

        return [.. names.Select(name => TaskLogLevels.TryParse(name, out var level) && !name.Trim().Equals("WARNING", StringComparison.OrdinalIgnoreCase)
            ? level
            : throw new TaskFailedException($"logLevels holds '{name}', which is not a log level; use TRACE, DEBUG, INFO, WARN or ERROR"))];
    }
}
