using System.CommandLine;
using Harrier.Cli.Executions;
using Harrier.Cli.Running;
using Harrier.Server.Hosting;
using Harrier.Core.Storage;

namespace Harrier.Cli.Files;

/// <summary><c>harrier nsfiles put|get|list|delete NAMESPACE …</c>: a namespace's files (what <c>namespaceFiles</c> injects).</summary>
public static class NamespaceFilesCommand
{
    public static Command Create()
    {
        var command = new Command("nsfiles", "Manage namespace files.");
        command.Subcommands.Add(Put());
        command.Subcommands.Add(Get());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Delete());
        return command;
    }

    private static Argument<string> Namespace() => new("namespace") { Description = "The namespace, e.g. company.team." };

    private static Command Put()
    {
        var (ns, dataDir) = (Namespace(), ExecutionsCommand.DataDirOption());
        var sources = new Argument<string[]>("local") { Description = "Local files or folders; a folder's content is uploaded recursively.", Arity = ArgumentArity.OneOrMore };
        var to = new Option<string>("--to") { Description = "Folder in the namespace to upload into.", DefaultValueFactory = _ => "/" };
        var command = new Command("put", "Upload files or folders to a namespace.") { ns, sources, to, dataDir };
        command.SetAction((parseResult, cancellationToken) => FileOutput.GuardAsync(parseResult, async () =>
        {
            var storage = HarrierHost.OpenFileStorage(parseResult.GetValue(dataDir)!);
            var target = StoragePaths.NamespaceFiles(parseResult.GetValue(ns)!).Append(parseResult.GetValue(to)!);
            var count = 0;
            foreach (var source in parseResult.GetValue(sources)!)
            {
                var full = Path.GetFullPath(source);
                var files = Directory.Exists(full)
                    ? Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Select(f => (f, Path.GetRelativePath(full, f)))
                    : File.Exists(full) ? [(full, Path.GetFileName(full))] : throw new StoragePathException($"no file or folder at {full}");
                foreach (var (file, relative) in files)
                {
                    await using var stream = StreamCopy.OpenRead(file);
                    await storage.PutAsync(target.Append(relative), stream, cancellationToken).ConfigureAwait(false);
                    count++;
                }
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"uploaded {count} file(s) to {parseResult.GetValue(ns)}").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Get()
    {
        var (ns, dataDir) = (Namespace(), ExecutionsCommand.DataDirOption());
        var path = new Argument<string>("path") { Description = "The file's path in the namespace." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("get", "Print a namespace file, or save it with -o.") { ns, path, output, dataDir };
        command.SetAction((parseResult, cancellationToken) => FileOutput.GuardAsync(parseResult, () =>
        {
            var storage = HarrierHost.OpenFileStorage(ExistingDataDirectory.Require(parseResult.GetValue(dataDir)!));
            var uri = StoragePaths.NamespaceFiles(parseResult.GetValue(ns)!).Append(parseResult.GetValue(path)!);
            return FileOutput.WriteAsync(parseResult, storage, uri, parseResult.GetValue(output), cancellationToken);
        }));
        return command;
    }

    private static Command List()
    {
        var (ns, dataDir) = (Namespace(), ExecutionsCommand.DataDirOption());
        var folder = new Argument<string>("folder") { Description = "Only below this folder.", DefaultValueFactory = _ => "/" };
        var command = new Command("list", "List a namespace's files (path and size), recursively.") { ns, folder, dataDir };
        command.SetAction((parseResult, cancellationToken) => FileOutput.GuardAsync(parseResult, async () =>
        {
            var storage = HarrierHost.OpenFileStorage(ExistingDataDirectory.Require(parseResult.GetValue(dataDir)!));
            var root = StoragePaths.NamespaceFiles(parseResult.GetValue(ns)!);
            foreach (var file in await storage.ListAsync(root.Append(parseResult.GetValue(folder)!), cancellationToken).ConfigureAwait(false))
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync($"/{file.Uri.RelativeTo(root)}\t{file.Size}").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    private static Command Delete()
    {
        var (ns, dataDir) = (Namespace(), ExecutionsCommand.DataDirOption());
        var paths = new Argument<string[]>("path") { Description = "Files or folders to delete.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", "Delete namespace files or folders.") { ns, paths, dataDir };
        command.SetAction((parseResult, cancellationToken) => FileOutput.GuardAsync(parseResult, async () =>
        {
            var storage = HarrierHost.OpenFileStorage(ExistingDataDirectory.Require(parseResult.GetValue(dataDir)!));
            var root = StoragePaths.NamespaceFiles(parseResult.GetValue(ns)!);
            var count = 0;
            foreach (var path in parseResult.GetValue(paths)!)
            {
                var uri = root.Append(path);
                count += uri.Equals(root) ? throw new StoragePathException("give a path inside the namespace; deleting every file at once is refused") : await storage.DeleteAsync(uri, cancellationToken).ConfigureAwait(false);
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"deleted {count} file(s)").ConfigureAwait(false);
            return count > 0 ? 0 : 1;
        }));
        return command;
    }
}
