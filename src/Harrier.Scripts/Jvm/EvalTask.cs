using Harrier.Core.Executions;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Jvm;

/// <summary>
/// <c>io.kestra.plugin.scripts.{groovy,jython,nashorn}.Eval</c>: runs <c>script</c> once with Kestra's bindings;
/// outputs <c>result</c> (the script's last value) and, when <c>outputs</c> names variables, <c>outputs</c> (their values).
/// </summary>
public sealed class EvalTask(JvmScriptEngine engine, ScriptTaskServices services) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        using var owned = context.SharedWorkingDirectory is null ? AttemptDirectory.Create(context.TempDirectory) : null;
        var workingDirectory = context.SharedWorkingDirectory ?? owned!.Path;
        var request = await JvmTaskPreparation.RequestAsync(engine, JvmScriptMode.Eval, context, services, workingDirectory, cancellationToken).ConfigureAwait(false);
        var names = context.Properties.StringList("outputs") ?? [];
        var result = await services.JvmScripts.RunAsync(request with { Outputs = names }, new LoggerSink(context.Logger), cancellationToken).ConfigureAwait(false);
        if (result.Killed)
        {
            throw new OperationCanceledException("The task was stopped.", cancellationToken);
        }

        if (result.Failure is not null)
        {
            return new TaskOutcome(State.Failed) { Error = result.Failure, Metrics = result.Metrics };
        }

        await JvmTaskPreparation.UploadAsync(context, result, cancellationToken).ConfigureAwait(false);
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal) { ["result"] = result.Result };
        if (names.Count > 0)
        {
            outputs["outputs"] = result.Outputs;
        }

        return new TaskOutcome(State.Success) { Outputs = outputs, Metrics = result.Metrics };
    }
}
