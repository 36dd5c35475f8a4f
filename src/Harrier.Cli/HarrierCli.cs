using System.CommandLine;
using Harrier.Cli.Executions;
using Harrier.Cli.Files;
using Harrier.Cli.Flows;
using Harrier.Cli.Remote;
using Harrier.Cli.Running;
using Harrier.Cli.Server;
using Harrier.Cli.Templates;

namespace Harrier.Cli;

/// <summary>The <c>harrier</c> command tree.</summary>
public static class HarrierCli
{
    /// <summary>The shells' code for a command ended by SIGINT (128 + 2).</summary>
    public const int InterruptedExitCode = 130;

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
        root.Subcommands.Add(ServerCommand.Create());
        root.Subcommands.Add(ExecuteCommand.Create());
        root.Subcommands.Add(Remote.TriggersCommand.Create());
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

        // Errors reach users as one sentence, never a stack trace (set HARRIER_DEBUG=1 to see one).
        configuration.EnableDefaultExceptionHandler = false;

        // A server drains for up to its grace period on SIGTERM; System.CommandLine would end the process after two seconds.
        if (args is ["server", ..])
        {
            configuration.ProcessTerminationTimeout = null;
        }
        try
        {
            return Create().Parse(args).Invoke(configuration);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM (System.CommandLine cancels the action's token): an exit the user asked for, not an error.
            return InterruptedExitCode;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var errors = error ?? Console.Error;
            errors.WriteLine($"harrier: {Describe(ex)}");
            if (Environment.GetEnvironmentVariable("HARRIER_DEBUG") is { Length: > 0 })
            {
                errors.WriteLine(ex.ToString());
            }

            return ex is Persistence.DataDirectoryException or ArgumentException ? 2 : 1;
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        Persistence.DataDirectoryException or ArgumentException or Core.Tasks.Running.TaskFailedException or System.Net.Sockets.SocketException
            or Remote.RemoteException or IOException or UnauthorizedAccessException or Core.Store.StoreFailedException => ex.Message,
        _ => $"unexpected {ex.GetType().Name}: {ex.Message} (please report it; HARRIER_DEBUG=1 prints the details)",
    };
}
