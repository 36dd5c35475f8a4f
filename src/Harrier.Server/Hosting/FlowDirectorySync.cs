using Harrier.Core.Store.Flows;
using Harrier.Server.Api.Flows;
using Microsoft.Extensions.Logging;

namespace Harrier.Server.Hosting;

/// <summary>
/// <c>--flows DIR</c>: every <c>*.yml</c>/<c>*.yaml</c> below the folder is deployed at start, then the folder is watched:
/// a changed file is deployed again (a new revision when its text changed), a removed file deletes its flow. A file that
/// does not validate is reported with <c>FILE:LINE:COL</c> and changes nothing; the other files still deploy.
/// </summary>
/// <remarks>
/// Watcher events only trigger a rescan (debounced), which compares files by size and write time: editors save in many
/// ways (rename, truncate and write) and a rescan sees the result whatever the events were.
/// </remarks>
public sealed partial class FlowDirectorySync : IAsyncDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly string _directory;
    private readonly FlowCatalog _catalog;
    private readonly ILogger _logger;
    private readonly Dictionary<string, (long Size, DateTime Written, string Namespace, string Id)> _known = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private FileSystemWatcher? _watcher;
    private Task _loop = Task.CompletedTask;

    public FlowDirectorySync(string directory, FlowCatalog catalog, ILogger logger)
    {
        _directory = Path.GetFullPath(directory);
        _catalog = catalog;
        _logger = logger;
    }

    /// <summary>Scans once (the result says what happened), then keeps watching.</summary>
    public async Task<FlowSyncReport> StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            throw new Configuration.ServerConfigException($"--flows {_directory}: there is no such folder");
        }

        var report = await ScanAsync(cancellationToken).ConfigureAwait(false);
        _watcher = new FileSystemWatcher(_directory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName };
        _watcher.Changed += (_, _) => Signal();
        _watcher.Created += (_, _) => Signal();
        _watcher.Deleted += (_, _) => Signal();
        _watcher.Renamed += (_, _) => Signal();
        _watcher.EnableRaisingEvents = true;
        _loop = Task.Run(() => WatchAsync(_stop.Token), CancellationToken.None);
        return report;
    }

    /// <summary>Raised after every rescan that watching triggered (tests wait on it for a change to be picked up).</summary>
    public event Action<FlowSyncReport>? Scanned;

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _changed.Dispose();
    }

    private void Signal()
    {
        try
        {
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
        catch (Exception ex) when (ex is SemaphoreFullException or ObjectDisposedException)
        {
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(Debounce, cancellationToken).ConfigureAwait(false);
            try
            {
                Scanned?.Invoke(await ScanAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                LogScanFailed(_logger, _directory, ex.Message);
            }
        }
    }

    private async Task<FlowSyncReport> ScanAsync(CancellationToken cancellationToken)
    {
        var report = new FlowSyncReport();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            seen.Add(file);
            var info = new FileInfo(file);
            if (_known.TryGetValue(file, out var known) && known.Size == info.Length && known.Written == info.LastWriteTimeUtc)
            {
                continue;
            }

            await DeployAsync(file, info, report, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (file, known) in _known.Where(k => !seen.Contains(k.Key)).ToList())
        {
            _known.Remove(file);
            // Another file may now hold the same flow (it was moved): only a flow no file declares any more is deleted.
            if (_known.Values.Any(k => k.Namespace == known.Namespace && k.Id == known.Id))
            {
                continue;
            }

            if (await _catalog.Store.DeleteAsync(known.Namespace, known.Id, cancellationToken).ConfigureAwait(false))
            {
                report.Deleted.Add($"{known.Namespace}.{known.Id}");
                LogDeleted(_logger, known.Namespace, known.Id, file);
            }
        }

        return report;
    }

    private async Task DeployAsync(string file, FileInfo info, FlowSyncReport report, CancellationToken cancellationToken)
    {
        string source;
        try
        {
            source = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Being written; the write's own event brings a rescan.
            return;
        }

        var loaded = _catalog.Loader.Load(source, file);
        if (loaded.Flow is not { } flow)
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                report.Invalid.Add(diagnostic.ToString());
                LogInvalid(_logger, diagnostic.ToString());
            }

            // Remembered, so an unchanged invalid file is not reported again at every rescan.
            _known[file] = (info.Length, info.LastWriteTimeUtc, _known.GetValueOrDefault(file).Namespace ?? "", _known.GetValueOrDefault(file).Id ?? "");
            return;
        }

        var saved = await _catalog.SaveAsync(flow, source, FlowSaveMode.Upsert, cancellationToken).ConfigureAwait(false);
        _known[file] = (info.Length, info.LastWriteTimeUtc, flow.Namespace, flow.Id);
        if (saved.Status is FlowSaveStatus.Created or FlowSaveStatus.Updated)
        {
            report.Deployed.Add($"{flow.Namespace}.{flow.Id}");
            LogDeployed(_logger, flow.Namespace, flow.Id, saved.Flow!.Revision, file);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployed flow {Namespace}.{Id} revision {Revision} from {File}")]
    private static partial void LogDeployed(ILogger logger, string @namespace, string id, int revision, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted flow {Namespace}.{Id}: its file {File} is gone")]
    private static partial void LogDeleted(ILogger logger, string @namespace, string id, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not deployed: {Diagnostic}")]
    private static partial void LogInvalid(ILogger logger, string diagnostic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scanning {Directory} failed, the next change tries again: {Reason}")]
    private static partial void LogScanFailed(ILogger logger, string directory, string reason);
}
