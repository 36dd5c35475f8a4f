using System.CommandLine;
using Harrier.Core.Storage;

namespace Harrier.Cli.Files;

/// <summary>Writes a stored file to <c>-o FILE</c>, or to standard output: raw bytes on the console, UTF-8 text on a redirected writer (tests).</summary>
internal static class FileOutput
{
    public static async Task<int> WriteAsync(ParseResult parseResult, IFileStorage storage, StorageUri uri, string? outputPath, CancellationToken cancellationToken)
    {
        var configuration = parseResult.InvocationConfiguration;
        try
        {
            await using var source = await storage.OpenReadAsync(uri, cancellationToken).ConfigureAwait(false);
            if (outputPath is not null)
            {
                await StreamCopy.ToFileAsync(source, Path.GetFullPath(outputPath), cancellationToken).ConfigureAwait(false);
            }
            else if (ReferenceEquals(configuration.Output, Console.Out))
            {
                await using var stdout = Console.OpenStandardOutput();
                await source.CopyToAsync(stdout, StreamCopy.BufferFor(source), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var reader = new StreamReader(source);
                await configuration.Output.WriteAsync(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }

            return 0;
        }
        catch (FileNotFoundException)
        {
            await configuration.Error.WriteLineAsync($"no file at {uri}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Runs <paramref name="body"/>, turning a refused path into a one-line error and exit code 2.</summary>
    public static async Task<int> GuardAsync(ParseResult parseResult, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (StoragePathException ex)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
    }
}
