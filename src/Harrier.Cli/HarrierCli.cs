using System.CommandLine;
using Harrier.Cli.Executions;
using Harrier.Cli.Files;
using Harrier.Cli.Flows;
using Harrier.Cli.Running;
using Harrier.Cli.Templates;

namespace Harrier.Cli;

/// <summary>The <c>harrier</c> command tree.</summary>
public static class HarrierCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Harrier — an orchestrator for scripts, compatible with Kestra's flow language.");
        root.Subcommands.Add(FlowCommand.Create());
        root.Subcommands.Add(TemplateCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ExecutionsCommand.Create());
        root.Subcommands.Add(LogsCommand.Create());
        root.Subcommands.Add(NamespaceFilesCommand.Create());
        root.Subcommands.Add(FilesCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams (the console by default).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration();
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        return Create().Parse(args).Invoke(configuration);
    }
}
