namespace Harrier.Scripts.Languages;

/// <summary>
/// Data about one script language (Kestra's per-language Script/Commands pair). Adding a language is
/// one small file deriving from <see cref="ScriptLanguage"/> plus a line in <see cref="ScriptLanguages"/>.
/// </summary>
public interface IScriptLanguage
{
    /// <summary>Kestra's package name: shell, python, node, r, julia, ruby, powershell, go, deno, bun, lua, perl, php, dotnet, groovy, jbang.</summary>
    string Name { get; }

    /// <summary>e.g. <c>io.kestra.plugin.scripts.python.Script</c>.</summary>
    string ScriptTypeName { get; }

    /// <summary>e.g. <c>io.kestra.plugin.scripts.python.Commands</c>.</summary>
    string CommandsTypeName { get; }

    /// <summary>Extension of the file a Script task's code is written to (with the dot); null for Shell, whose script text is the command.</summary>
    string? ScriptFileExtension { get; }

    /// <summary>Default <c>containerImage</c> for container runners (ignored by the Process runner).</summary>
    string DefaultContainerImage { get; }

    /// <summary>Default <c>interpreter</c>: <c>/bin/sh -c</c>, PowerShell <c>pwsh -NoProfile -NonInteractive -Command</c>.</summary>
    IReadOnlyList<string> DefaultInterpreter { get; }

    /// <summary>Whether <c>failFast</c> puts its exit-on-error line before the before-commands of a Commands task (false only for Perl, a Kestra quirk).</summary>
    bool CommandsTaskAddsExitOnError { get; }

    /// <summary>Environment variables the language's tasks add after the user's <c>env</c> (so they win).</summary>
    IReadOnlyDictionary<string, string> ExtraEnvironment { get; }

    /// <summary>Text written before a Script task's code in its file (Python: <c>true = True</c> etc.).</summary>
    string ScriptPrelude { get; }

    /// <summary>The program a Script task needs (checked on the Process runner before running); null when none is checked.</summary>
    ToolRequirement? RequiredTool { get; }

    /// <summary>What a Script task's file holds: <see cref="ScriptPrelude"/> then the code, or a translation (C#).</summary>
    string ScriptFileContent(string renderedScript);

    /// <summary>The "exit on first error" line of <c>failFast</c>: <c>set -e</c>; empty for Windows targets; PowerShell <c>$ErrorActionPreference = 'Stop'</c>.</summary>
    string ExitOnErrorLine(bool windowsTarget);

    /// <summary>The single command a Script task runs once its code is written to a file.</summary>
    string BuildScriptCommand(ScriptFileContext context);
}
