using System.CommandLine;
using Harrier.Cli.Executions;
using Harrier.Cli.Running;
using Harrier.Server.Hosting;
using Harrier.Core.Storage;

namespace Harrier.Cli.Files;

/// <summary><c>harrier files get URI [-o FILE]</c>: fetch a file from internal storage (an output file, a FILE input).</summary>
public static class FilesCommand
{
    public static Command Create()
    {
        var command = new Command("files", "Read files from internal storage.");
        var dataDir = ExecutionsCommand.DataDirOption();
        var uri = new Argument<string>("uri") { Description = "A harrier:/// (or kestra:///) URI, as found in outputFiles." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var get = new Command("get", "Print a stored file, or save it with -o.") { uri, output, dataDir };
        get.SetAction((parseResult, cancellationToken) => FileOutput.GuardAsync(parseResult, () =>
        {
            var storage = HarrierHost.OpenFileStorage(ExistingDataDirectory.Require(parseResult.GetValue(dataDir)!));
            return FileOutput.WriteAsync(parseResult, storage, StorageUri.Parse(parseResult.GetValue(uri)!), parseResult.GetValue(output), cancellationToken);
        }));
        command.Subcommands.Add(get);
        return command;
    }
}
