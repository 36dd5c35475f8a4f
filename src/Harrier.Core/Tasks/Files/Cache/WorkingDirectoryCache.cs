using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Harrier.Core.Logs;
using Harrier.Core.Metrics;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Files.Cache;

/// <summary>
/// The WorkingDirectory cache (spec §9.3). One archive per (namespace, flow, WorkingDirectory task, task run value)
/// at <c>/&lt;ns&gt;/&lt;flow&gt;/_cache/&lt;task&gt;/&lt;sha-256 of the value, or "default"&gt;/cache.zip</c> (flow ids
/// cannot start with '_', so this never meets an execution's files). Restored before the children when younger than
/// <c>ttl</c> (age = now from the injected clock minus the storage's stored time); saved after them when a matching
/// file is new, changed or gone since the restore, or when nothing was restored.
/// </summary>
public sealed class WorkingDirectoryCache
{
    private static readonly EnumerationOptions Walk = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };

    private readonly TaskRunContext _context;
    private readonly IFileStorage _storage;
    private readonly CacheSettings _settings;
    private readonly string _directory;
    private Dictionary<string, (long Size, DateTime Written)>? _restored;

    private WorkingDirectoryCache(TaskRunContext context, IFileStorage storage, CacheSettings settings, string directory)
    {
        _context = context;
        _storage = storage;
        _settings = settings;
        _directory = directory;
        Uri = ArchiveUri(context.Flow.Namespace, context.Flow.Id, context.Task.Id, context.TaskRun.Value);
    }

    public StorageUri Uri { get; }

    /// <summary>The cache of this task run, or null when the task declares none.</summary>
    public static WorkingDirectoryCache? Create(TaskRunContext context, PropertyReader properties, string directory)
    {
        if (CacheSettings.Read(properties) is not { } settings)
        {
            return null;
        }

        var storage = context.Files?.Storage ?? throw new TaskFailedException("cache needs internal storage, and this worker has none configured");
        return new WorkingDirectoryCache(context, storage, settings, directory);
    }

    public static StorageUri ArchiveUri(string ns, string flowId, string taskId, string? taskRunValue)
    {
        var key = taskRunValue is null ? "default" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(taskRunValue)));
        return StoragePaths.Namespace(ns).Append(flowId).Append("_cache").Append(taskId).Append(key).Append("cache.zip");
    }

    /// <summary>Unzips a fresh archive into the directory; an unsafe archive fails the task (spec §9.4).</summary>
    public async Task<IReadOnlyList<MetricEntry>> RestoreAsync(CancellationToken cancellationToken)
    {
        var info = await _storage.GetInfoAsync(Uri, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            _context.Logger.Log(TaskLogLevel.Info, $"No cache at {Uri} yet");
            return [];
        }

        var age = info.Modified is { } stored ? _context.Time.GetUtcNow() - stored : (TimeSpan?)null;
        if (_settings.Ttl is { } ttl && (age is null || age >= ttl))
        {
            _context.Logger.Log(TaskLogLevel.Info, $"Cache at {Uri} is expired (age {Describe(age)}, ttl {ttl}); not restored");
            return [];
        }

        var clock = Stopwatch.StartNew();
        var source = await _storage.OpenReadAsync(Uri, cancellationToken).ConfigureAwait(false);
        var spill = source.CanSeek ? null : Path.Combine(_context.TempDirectory, $"cache-{Guid.NewGuid():N}.zip");
        try
        {
            if (spill is not null)
            {
                // ZipArchive reads a non-seekable stream whole into memory; a temporary file keeps it streaming.
                await StreamCopy.ToFileAsync(source, spill, cancellationToken).ConfigureAwait(false);
                await source.DisposeAsync().ConfigureAwait(false);
                source = StreamCopy.OpenRead(spill);
            }

            var written = await CacheArchive.ExtractAsync(source, _directory, cancellationToken).ConfigureAwait(false);
            _restored = written.ToDictionary(r => r, r => Stamp(Path.Combine(_directory, r)), StringComparer.Ordinal);
            _context.Logger.Log(TaskLogLevel.Info, $"Cache restored from {Uri}, {written.Count} files");
            return
            [
                new MetricEntry("cache.restore.files", MetricType.Counter, written.Count, MetricEntry.NoTags),
                new MetricEntry("cache.restore.duration", MetricType.Timer, clock.Elapsed.TotalSeconds, MetricEntry.NoTags),
            ];
        }
        finally
        {
            await source.DisposeAsync().ConfigureAwait(false);
            if (spill is not null)
            {
                File.Delete(spill);
            }
        }
    }

    /// <summary>Zips the matching files and stores them, unless they are exactly what was restored or there are none.</summary>
    public async Task<IReadOnlyList<MetricEntry>> SaveAsync(CancellationToken cancellationToken)
    {
        var matches = _settings.Matcher();
        var files = Directory.EnumerateFiles(_directory, "*", Walk)
            .Select(path => (Relative: Path.GetRelativePath(_directory, path).Replace(Path.DirectorySeparatorChar, '/'), Absolute: path))
            .Where(f => matches(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToDictionary(f => f.Relative, f => f.Absolute, StringComparer.Ordinal);
        if (files.Count == 0)
        {
            _context.Logger.Log(TaskLogLevel.Info, $"No file matches the cache patterns ({string.Join(", ", _settings.Patterns)}); no cache saved");
            return [];
        }

        if (_restored is { } restored && restored.Count == files.Count
            && files.All(f => restored.TryGetValue(f.Key, out var stamp) && stamp == Stamp(f.Value)))
        {
            _context.Logger.Log(TaskLogLevel.Info, $"Cache unchanged since it was restored ({files.Count} files); not saved again");
            return [];
        }

        var clock = Stopwatch.StartNew();
        var archive = Path.Combine(_context.TempDirectory, $"cache-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var target = StreamCopy.Create(archive, FileMode.CreateNew))
            {
                await CacheArchive.WriteAsync(files, target, cancellationToken).ConfigureAwait(false);
            }

            await using (var content = StreamCopy.OpenRead(archive))
            {
                await _storage.PutAsync(Uri, content, cancellationToken).ConfigureAwait(false);
            }

            var size = new FileInfo(archive).Length;
            _context.Logger.Log(TaskLogLevel.Info, $"Cache saved: {files.Count} files ({size} bytes) at {Uri}");
            return
            [
                new MetricEntry("cache.save.files", MetricType.Counter, files.Count, MetricEntry.NoTags),
                new MetricEntry("cache.save.size", MetricType.Counter, size, MetricEntry.NoTags),
                new MetricEntry("cache.save.duration", MetricType.Timer, clock.Elapsed.TotalSeconds, MetricEntry.NoTags),
            ];
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static (long Size, DateTime Written) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }

    private static string Describe(TimeSpan? age) => age is { } a ? a.ToString(@"d\.hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "unknown";
}
