namespace Harrier.Scripts.Languages;

/// <summary>
/// Python: a three-line prelude so Pebble-rendered <c>true/false/null</c> literals work, pip-friendly
/// environment, and a run command that prefers a virtualenv activated in <c>beforeCommands</c>.
/// </summary>
public sealed class PythonLanguage : ScriptLanguage
{
    private static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["PYTHONUNBUFFERED"] = "true",
        ["PIP_ROOT_USER_ACTION"] = "ignore",
        ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1",
    };

    public override string Name => "python";

    public override string? ScriptFileExtension => ".py";

    public override string DefaultContainerImage => "python:3.13-slim";

    public override IReadOnlyDictionary<string, string> ExtraEnvironment => Environment;

    public override string ScriptPrelude => "true = True\nfalse = False\nnull = None\n";

    protected override string RunTool => "python";

    /// <summary>§2.6: POSIX and no plugin-installed packages ⇒ the venv conditional, else <c>&lt;interp&gt; &lt;file&gt;</c>.</summary>
    public override string BuildScriptCommand(ScriptFileContext context)
    {
        var interpreter = context.ResolvedInterpreter ?? RunTool;
        var script = context.ScriptPath;
        if (context.WindowsTarget || context.PackagesInstalledByHarrier)
        {
            return $"{ShellQuoting.QuoteIfNeeded(interpreter)} {ShellQuoting.QuoteIfNeeded(script)}";
        }

        var quotedScript = ShellQuoting.DoubleQuote(script);
        return $"if [ -n \"$VIRTUAL_ENV\" ]; then \"$VIRTUAL_ENV/bin/python\" {quotedScript}; "
            + $"else {ShellQuoting.DoubleQuote(interpreter)} {quotedScript}; fi";
    }
}
