using Harrier.Core.Tasks.Types;
using Harrier.Scripts.Git;
using Harrier.Scripts.Http;
using Harrier.Scripts.Jvm;
using Harrier.Scripts.Legacy;

namespace Harrier.Scripts.Tasks;

/// <summary>Declarations of every language's Script and Commands task types (spec §2.1, §2.2), and git Clone.</summary>
public static class ScriptTaskTypes
{
    private static IReadOnlyList<PropertyDescriptor> Common(ScriptLanguageInfo language) =>
    [
        Prop.StringList("beforeCommands", "Commands run first, in the same shell session."),
        Prop.StringList("interpreter", "Interpreter argv; the joined commands are its last argument.") with
        {
            Default = language.Key == "powershell" ? "[pwsh, -NoProfile, -NonInteractive, -Command]" : "[/bin/sh, -c]",
        },
        Prop.Boolean("failFast", "Stop at the first failing command (set -e).", true),
        Prop.StringMap("env", "Extra environment variables."),
        Prop.Boolean("warningOnStdErr", "Deprecated since Kestra 0.23; has no effect.", true) with { Deprecated = true },
        Prop.Enum("targetOS", "Line separator and exit-on-error flavour.", "AUTO", "LINUX", "WINDOWS", "AUTO"),
        Prop.String("containerImage", "Image for container runners.", defaultValue: language.DefaultImage),
        new PropertyDescriptor("taskRunner", PropertyKind.TaskRunner) { Description = "Where the task runs (Process by default in Harrier)." },
        FileTaskProperties.InputFiles,
        FileTaskProperties.OutputFiles,
        FileTaskProperties.NamespaceFiles,
        Prop.Boolean("outputDirectory", "Deprecated: enables {{ outputDir }} and OUTPUT_DIR.", false) with { Deprecated = true },
        DockerOptionsProperties.DeprecatedDockerOptions,
        Prop.Enum("runner", "Deprecated: PROCESS or DOCKER, overrides taskRunner.", null, "PROCESS", "DOCKER") with { Deprecated = true },
        Prop.Boolean("executionContext", "Write the execution context as JSON into the working directory.", false),
        Prop.Enum("stderrLevel", "Harrier: level of stderr lines (Kestra logs them at ERROR).", "ERROR", "TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
    ];

    private static IReadOnlyList<PropertyDescriptor> PythonOnly =>
    [
        Prop.StringList("dependencies", "pip requirements installed before running."),
        Prop.String("pythonVersion", "Python version for dependency resolution."),
        Prop.Boolean("dependencyCacheEnabled", "Cache installed dependencies.", true),
        Prop.Enum("packageManager", "UV or PIP.", "UV", "UV", "PIP"),
        Prop.Boolean("uvAutoInstallEnabled", "Install uv when missing.", true),
        Prop.String("uvInstallerVersion", "uv installer version."),
        Prop.String("uvInstallerSha256", "uv installer checksum."),
    ];

    private static IReadOnlyList<PropertyDescriptor> JbangOnly =>
    [
        Prop.String("extension", "Extension of the script file (.java, .jsh, .kt…).", defaultValue: ".java"),
        Prop.Boolean("quiet", "Run jbang with --quiet.", true),
    ];

    /// <summary>Kestra's newest plugin names C# tasks <c>io.kestra.plugin.scripts.csharp.*</c> (the dotnet names are its aliases).</summary>
    internal static IReadOnlyList<string> AliasesOf(ScriptLanguageInfo language, string simpleName) =>
        language.Key == "dotnet" ? [$"io.kestra.plugin.scripts.csharp.{simpleName}"] : [];

    /// <summary>A language's Script (<c>script</c>) or Commands (<c>commands</c>) properties; triggers reuse them.</summary>
    internal static IReadOnlyList<PropertyDescriptor> PropertiesOf(ScriptLanguageInfo language, bool commands)
    {
        IReadOnlyList<PropertyDescriptor> extra = language.Key switch
        {
            "python" => PythonOnly,
            "jbang" => JbangOnly,
            _ => [],
        };
        var main = commands
            ? Prop.StringList("commands", "Commands run in order in one shell session.", required: true, minItems: 1)
            : Prop.String("script", "The inline script, rendered then run.", required: true);
        return [main, .. Common(language), .. extra];
    }

    private static IEnumerable<TaskTypeDescriptor> ForLanguage(ScriptLanguageInfo language)
    {
        yield return new TaskTypeDescriptor(language.ScriptType, TaskKind.Runnable, PropertiesOf(language, commands: false))
        {
            Description = $"Run an inline {language.DisplayName} script.",
            Aliases = AliasesOf(language, "Script"),
        };
        yield return new TaskTypeDescriptor(language.CommandsType, TaskKind.Runnable, PropertiesOf(language, commands: true))
        {
            Description = $"Run {language.DisplayName} commands.",
            Aliases = AliasesOf(language, "Commands"),
        };
    }

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        .. ScriptLanguageInfo.All.SelectMany(ForLanguage),
        .. JvmScriptTaskTypes.All,
        .. LegacyScriptTypes.All,
        .. HttpTaskTypes.All,
        .. ScriptTriggerTypes.All,
        GitCloneType.Descriptor,
        .. Storage.StorageTaskTypes.All,
        Logs.LogFetchType.Descriptor,
    ];
}
