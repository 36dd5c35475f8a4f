using Harrier.Core.Logs;
using Harrier.Core.Metrics;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Files;

/// <summary>
/// Copies namespace files into a working directory (spec §5.6), in parallel: the listing decides every target
/// first (namespaces in order, <c>ifExists</c> applied to files already there and between namespaces), then the
/// copies run at once. Emits <c>namespacefiles.count</c> and <c>namespacefiles.duration</c> and Kestra's INFO line.
/// </summary>
public static class NamespaceFilesLoader
{
    private const int Parallelism = 16;

    public static async Task<IReadOnlyList<MetricEntry>> LoadAsync(TaskRunContext context, PropertyReader properties, string workingDirectory, CancellationToken cancellationToken)
    {
        if (NamespaceFilesSettings.Read(properties, context.Flow.Namespace) is not { } settings)
        {
            return [];
        }

        var files = context.Files ?? throw new TaskFailedException("namespaceFiles needs internal storage, which this engine was started without");
        var started = context.Time.GetTimestamp();
        var targets = new Dictionary<string, StorageUri>(StringComparer.Ordinal);
        foreach (var ns in settings.Namespaces)
        {
            var prefix = StoragePaths.NamespaceFiles(ns);
            foreach (var file in await files.Storage.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            {
                var path = file.Uri.RelativeTo(prefix);
                if (!settings.Wants(path))
                {
                    continue;
                }

                var target = settings.FolderPerNamespace ? ns + "/" + path : path;
                if ((targets.ContainsKey(target) || File.Exists(Path.Combine(workingDirectory, target))) && !Overwrites(settings, target, context.Logger))
                {
                    continue;
                }

                targets[target] = file.Uri;
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(targets, parallel, async (entry, ct) =>
        {
            var path = TargetPath(workingDirectory, entry.Key);
            await using var source = await files.Storage.OpenReadAsync(entry.Value, ct).ConfigureAwait(false);
            await StreamCopy.ToFileAsync(source, path, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var elapsed = context.Time.GetElapsedTime(started);
        context.Logger.Log(TaskLogLevel.Info, $"Loaded {targets.Count} namespace files from '{string.Join(", ", settings.Namespaces)}' in {elapsed:hh\\:mm\\:ss\\.fff}");
        return
        [
            new MetricEntry("namespacefiles.count", MetricType.Counter, targets.Count, MetricEntry.NoTags),
            new MetricEntry("namespacefiles.duration", MetricType.Timer, elapsed.TotalSeconds, MetricEntry.NoTags),
        ];
    }

    private static bool Overwrites(NamespaceFilesSettings settings, string target, ITaskLogger logger)
    {
        switch (settings.IfExists)
        {
            case "FAIL":
                throw new TaskFailedException($"namespaceFiles: '{target}' already exists in the working directory (ifExists: FAIL)");
            case "WARN":
                logger.Log(TaskLogLevel.Warn, $"Namespace file '{target}' already exists in the working directory; kept the existing file (ifExists: WARN)");
                return false;
            case "IGNORE":
                return false;
            default:
                return true;
        }
    }

    private static string TargetPath(string workingDirectory, string relative)
    {
        try
        {
            var segments = relative.Split('/');
            Directory.CreateDirectory(ContainedPath.Resolve(workingDirectory, segments[..^1]));
            return ContainedPath.Resolve(workingDirectory, segments);
        }
        catch (StoragePathException ex)
        {
            throw new TaskFailedException($"namespaceFiles: '{relative}' cannot be written: {ex.Message}", ex);
        }
    }
}
