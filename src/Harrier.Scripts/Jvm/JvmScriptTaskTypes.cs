using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Jvm;

/// <summary>Declarations of the Eval and FileTransform tasks of every JVM script engine.</summary>
public static class JvmScriptTaskTypes
{
    private static IEnumerable<TaskTypeDescriptor> ForEngine(JvmScriptEngine engine)
    {
        yield return new TaskTypeDescriptor(engine.EvalType, TaskKind.Runnable,
        [
            Prop.String("script", "The script, rendered then run once; Kestra's variables, logger and runContext are bound.", required: true),
            Prop.StringList("outputs", "Names of script variables whose values become the output outputs."),
        ])
        {
            Description = $"Run a {engine.DisplayName} script (in a child process) and return its result and chosen variables.",
        };
        yield return new TaskTypeDescriptor(engine.FileTransformType, TaskKind.Runnable,
        [
            Prop.String("from", "Rows: a storage URI of an Ion (or JSON-lines) file, or a JSON object or list.", required: true),
            Prop.String("script", "Run for each row, bound as `row`; set it to null to drop the row, or `rows` to emit several.", required: true),
            Prop.Integer("concurrent", "Rows transformed at once (at least 2); the output keeps the source order.") with { Dynamic = false },
        ])
        {
            Description = $"Transform the rows of a file with a {engine.DisplayName} script; writes an Ion file (output uri).",
        };
    }

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } = [.. JvmScriptEngines.All.SelectMany(ForEngine)];
}
