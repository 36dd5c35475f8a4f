using System.CommandLine;

namespace Harrier.Cli.Flows;

/// <summary><c>harrier flow …</c>: work with flow documents.</summary>
public static class FlowCommand
{
    public static Command Create()
    {
        var command = new Command("flow", "Work with flow documents.");
        command.Subcommands.Add(FlowValidateCommand.Create());
        command.Subcommands.Add(FlowDeployCommand.Create());
        return command;
    }
}
