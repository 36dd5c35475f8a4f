namespace Harrier.Scripts.Commands;

/// <summary>
/// Builds the final argv of a Script/Commands task (spec §2.5): normally the interpreter plus one
/// string joining before-commands and commands with newlines, with the failFast line first.
/// </summary>
public static class ScriptCommandLineBuilder
{
    public static IReadOnlyList<string> Build(CommandLineRequest request)
    {
        var windowsTarget = request.TargetOs == TargetOs.Windows
            || (request.TargetOs == TargetOs.Auto && request.WorkerIsWindows && request.RunnerIsProcess);
        var interpreter = request.Interpreter ?? request.Language.DefaultInterpreter;
        var before = request.BeforeCommands;

        var withOptions = !request.IsCommandsTask || request.Language.CommandsTaskAddsExitOnError;
        var effectiveBefore = new List<string>();
        if (withOptions && request.FailFast)
        {
            effectiveBefore.Add(request.Language.ExitOnErrorLine(windowsTarget));
        }

        effectiveBefore.AddRange(before);
        if (before.Count > 0 && request.MarkBeforeCommands)
        {
            // 2026 behaviour: output of before-commands is logged at DEBUG (the collector swallows these).
            effectiveBefore.Insert(0, "echo '##kestra:log:debug##'");
            effectiveBefore.Add("echo '##kestra:log:info##'");
        }

        if (before.Count == 0 && interpreter.Count == 0)
        {
            // No shell at all: each command is one argv element (e.g. ["python", "main.py"]).
            return [.. request.Commands];
        }

        var separator = request.TargetOs switch
        {
            TargetOs.Linux => "\n",
            TargetOs.Windows => "\r\n",
            _ => request.WorkerIsWindows ? "\r\n" : "\n",
        };
        var script = string.Join(separator, effectiveBefore.Concat(request.Commands));
        return [.. interpreter, script];
    }
}
