using Harrier.Scripts.Commands;
using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Tests.Support;

/// <summary>
/// What the engine will do for a Script/Commands task, minus rendering: build the argv with the real
/// builder (writing the script file for Script tasks) and run it with the real runner and collector.
/// </summary>
internal static class ScriptTask
{
    public static readonly PythonInterpreterResolver Python = new();

    public static async Task<ShellRun> RunScriptAsync(
        IScriptLanguage language, string script, string workingDirectory, IReadOnlyList<string>? beforeCommands = null, bool failFast = true,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var interpreter = language is PythonLanguage ? await Python.ResolveAsync(Interpreters.SearchPath, CancellationToken.None) : null;
        var context = new ScriptFileContext(workingDirectory, string.Empty, ResolvedInterpreter: interpreter);
        var commands = await ScriptFileWriter.WriteAndBuildCommandsAsync(language, script, workingDirectory, context, CancellationToken.None);
        return await RunAsync(new CommandLineRequest(language, IsCommandsTask: false, commands) { BeforeCommands = beforeCommands ?? [], FailFast = failFast }, workingDirectory, environment);
    }

    public static Task<ShellRun> RunCommandsAsync(IScriptLanguage language, IReadOnlyList<string> commands, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(new CommandLineRequest(language, IsCommandsTask: true, commands), workingDirectory, environment);

    private static Task<ShellRun> RunAsync(CommandLineRequest request, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var env = new Dictionary<string, string>(request.Language.ExtraEnvironment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return ShellRun.RunAsync(ScriptCommandLineBuilder.Build(request), workingDirectory, env);
    }
}
