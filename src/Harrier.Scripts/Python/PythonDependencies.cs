using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Harrier.Core.Logs;
using Harrier.Core.Metrics;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Files.Cache;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Python;

/// <summary>
/// A Python task's <c>dependencies</c> (spec §10.3) on the Process runner: installed with pip into
/// <c>&lt;working dir&gt;/.kestra_additional_python_lib</c>, put first on <c>PYTHONPATH</c>, and cached in internal storage
/// per namespace, flow, Python version and requirement set, so the next run only unzips them.
/// </summary>
internal sealed class PythonDependencies
{
    public const string LibraryDirectoryName = ".kestra_additional_python_lib";
    private const string CacheFolder = "_python-dependencies";

    private readonly TaskRunContext _context;
    private readonly StorageUri? _cacheUri;
    private readonly bool _restored;
    private readonly string? _workerPythonPath;

    private PythonDependencies(TaskRunContext context, string libraryDirectory, StorageUri? cacheUri, bool restored, IReadOnlyList<MetricEntry> metrics, string? workerPythonPath)
    {
        _context = context;
        _workerPythonPath = workerPythonPath;
        LibraryDirectory = libraryDirectory;
        _cacheUri = cacheUri;
        _restored = restored;
        Metrics = metrics;
    }

    public string LibraryDirectory { get; }

    public IReadOnlyList<MetricEntry> Metrics { get; }

    /// <summary>The rendered requirements, trimmed, empty lines dropped, sorted (the cache key must not depend on order).</summary>
    public static IReadOnlyList<string> Requirements(PropertyReader properties) =>
        [.. (properties.StringList("dependencies") ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Restores the cached packages or installs them; fails the task when pip fails.</summary>
    public static async Task<PythonDependencies> PrepareAsync(PythonDependencyRequest request, CancellationToken cancellationToken)
    {
        var (context, services, requirements) = (request.Context, request.Services, request.Requirements);
        var path = request.Environment.GetValueOrDefault("PATH") ?? services.WorkerEnvironment.GetValueOrDefault("PATH");
        var workerPythonPath = services.WorkerEnvironment.GetValueOrDefault("PYTHONPATH");
        var python = await services.Python.ResolveAsync(path ?? "", cancellationToken).ConfigureAwait(false)
            ?? throw new TaskFailedException("dependencies need Python on the worker: no python3 or python answered on PATH");
        var library = Path.Combine(request.WorkingDirectory, LibraryDirectoryName);
        var version = request.PythonVersion ?? await PythonVersion.OfAsync(services.ProcessRunner, python, request.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        var cacheUri = request.CacheEnabled && context.Files?.Storage is not null ? CacheUri(context, version, requirements) : null;
        if (cacheUri is not null && await TryRestoreAsync(context, cacheUri, library, cancellationToken).ConfigureAwait(false) is { } restoreMetric)
        {
            return new PythonDependencies(context, library, cacheUri, restored: true, [restoreMetric], workerPythonPath);
        }

        var clock = Stopwatch.StartNew();
        await PipInstaller.InstallAsync(new PipInstallRequest(services.ProcessRunner, context.Logger, python, requirements, library, request.WorkingDirectory, context.TempDirectory)
        {
            Environment = request.Environment,
        }, cancellationToken).ConfigureAwait(false);
        context.Logger.Log(TaskLogLevel.Info, $"Installed Python dependencies ({string.Join(", ", requirements)}) for Python {version} in {clock.Elapsed.TotalSeconds:F2} s");
        return new PythonDependencies(context, library, cacheUri, restored: false, [new MetricEntry("deps.install.duration", MetricType.Timer, clock.Elapsed.TotalSeconds, MetricEntry.NoTags)], workerPythonPath);
    }

    /// <summary>Puts the packages first on the task's <c>PYTHONPATH</c>; the path of the task's env, else the worker's, is kept after.</summary>
    public void PutFirstOnPythonPath(Dictionary<string, string> environment)
    {
        var existing = environment.TryGetValue("PYTHONPATH", out var own) ? own : _workerPythonPath;
        environment["PYTHONPATH"] = existing is { Length: > 0 } ? LibraryDirectory + Path.PathSeparator + existing : LibraryDirectory;
    }

    /// <summary>After a successful run: stores freshly installed packages for the next runs. A failure only warns.</summary>
    public async Task<IReadOnlyList<MetricEntry>> SaveCacheAsync(CancellationToken cancellationToken)
    {
        if (_restored || _cacheUri is not { } uri || _context.Files?.Storage is not { } storage || !Directory.Exists(LibraryDirectory))
        {
            return [];
        }

        var clock = Stopwatch.StartNew();
        var archive = Path.Combine(_context.TempDirectory, $"python-deps-{Guid.NewGuid():N}.zip");
        try
        {
            var files = Directory.EnumerateFiles(LibraryDirectory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                .Select(file => KeyValuePair.Create(Path.GetRelativePath(LibraryDirectory, file).Replace(Path.DirectorySeparatorChar, '/'), file))
                .OrderBy(file => file.Key, StringComparer.Ordinal);
            await using (var target = new FileStream(archive, FileMode.CreateNew))
            {
                await CacheArchive.WriteAsync(files, target, cancellationToken).ConfigureAwait(false);
            }

            await using (var content = File.OpenRead(archive))
            {
                await storage.PutAsync(uri, content, cancellationToken).ConfigureAwait(false);
            }

            return [new MetricEntry("deps.cache.upload.duration", MetricType.Timer, clock.Elapsed.TotalSeconds, MetricEntry.NoTags)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            _context.Logger.Log(TaskLogLevel.Warn, $"Python dependencies not cached at {uri}: {ex.Message}; the next run installs them again");
            return [];
        }
        finally
        {
            File.Delete(archive);
        }
    }

    /// <summary><c>/&lt;ns&gt;/&lt;flow&gt;/_cache/_python-dependencies/&lt;sha-256&gt;/lib.zip</c> (task ids cannot start with '_').</summary>
    private static StorageUri CacheUri(TaskRunContext context, string version, IReadOnlyList<string> requirements)
    {
        var text = $"#pyversion: {version}\n" + string.Join('\n', requirements);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return StoragePaths.Namespace(context.Flow.Namespace).Append(context.Flow.Id).Append("_cache").Append(CacheFolder).Append(key).Append("lib.zip");
    }

    private static async Task<MetricEntry?> TryRestoreAsync(TaskRunContext context, StorageUri uri, string library, CancellationToken cancellationToken)
    {
        var storage = context.Files!.Storage;
        if (await storage.GetInfoAsync(uri, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        var spill = Path.Combine(context.TempDirectory, $"python-deps-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var source = await storage.OpenReadAsync(uri, cancellationToken).ConfigureAwait(false))
            await using (var target = new FileStream(spill, FileMode.CreateNew))
            {
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }

            Directory.CreateDirectory(library);
            await using (var archive = File.OpenRead(spill))
            {
                await CacheArchive.ExtractAsync(archive, library, cancellationToken).ConfigureAwait(false);
            }

            context.Logger.Log(TaskLogLevel.Info, $"Python dependencies restored from the cache at {uri}");
            return new MetricEntry("deps.cache.download.duration", MetricType.Timer, clock.Elapsed.TotalSeconds, MetricEntry.NoTags);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException)
        {
            // A damaged cache costs an install, never the task.
            context.Logger.Log(TaskLogLevel.Warn, $"Python dependencies cache at {uri} could not be restored ({ex.Message}); installing instead");
            if (Directory.Exists(library))
            {
                Directory.Delete(library, recursive: true);
            }

            return null;
        }
        finally
        {
            File.Delete(spill);
        }
    }
}
