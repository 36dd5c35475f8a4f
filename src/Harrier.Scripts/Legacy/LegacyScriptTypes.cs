using Harrier.Core.Tasks.Types;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Legacy;

/// <summary>Declarations of Kestra's deprecated <c>io.kestra.core.tasks.scripts.Bash</c> and <c>Python</c> tasks.</summary>
public static class LegacyScriptTypes
{
    public const string Bash = "io.kestra.core.tasks.scripts.Bash";
    public const string Python = "io.kestra.core.tasks.scripts.Python";

    private static IReadOnlyList<PropertyDescriptor> Common =>
    [
        Prop.Enum("runner", "PROCESS (default) or DOCKER.", "PROCESS", "PROCESS", "DOCKER"),
        Prop.Map("dockerOptions", "Docker options for runner: DOCKER (image, user, entryPoint, pullPolicy…)."),
        Prop.String("interpreter", "Interpreter of the commands.", defaultValue: "/bin/sh"),
        Prop.StringList("interpreterArgs", "Arguments of the interpreter before the commands.") with { Default = "[-c]" },
        Prop.Boolean("exitOnFailed", "Stop at the first failing command (set -o errexit).", true),
        Prop.StringList("outputFiles", "Names of files to write ({{ outputFiles.NAME }} is the path) and upload."),
        Prop.StringList("outputsFiles", "Deprecated name of outputFiles.") with { Deprecated = true },
        Prop.StringList("files", "Deprecated name of outputFiles.") with { Deprecated = true },
        Prop.StringList("outputDirs", "Names of folders ({{ outputDirs.NAME }}) whose files are uploaded."),
        FileTaskProperties.InputFiles,
        Prop.StringMap("env", "Extra environment variables."),
        Prop.Boolean("warningOnStdErr", "Deprecated since Kestra 0.23; has no effect.", true) with { Deprecated = true },
    ];

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        new(Bash, TaskKind.Runnable, [Prop.StringList("commands", "Commands run in order in one shell session.", required: true, minItems: 1), .. Common])
        {
            Description = "Deprecated: run shell commands (use io.kestra.plugin.scripts.shell.Commands).",
        },
        new(Python, TaskKind.Runnable,
        [
            Prop.StringList("commands", "Commands run in the virtualenv.") with { Default = "[./bin/python main.py]" },
            Prop.String("pythonPath", "Python that creates the virtualenv.", defaultValue: "python"),
            Prop.StringList("args", "Arguments appended to every command."),
            Prop.StringList("requirements", "pip requirements installed in the virtualenv."),
            Prop.Boolean("virtualEnv", "Create a virtualenv in the working directory.", true),
            Prop.Enum("packageManager", "PIP or UV (Harrier uses pip).", "PIP", "PIP", "UV"),
            .. Common,
        ])
        {
            Description = "Deprecated: run main.py from inputFiles in a virtualenv (use io.kestra.plugin.scripts.python.Script).",
        },
    ];
}
