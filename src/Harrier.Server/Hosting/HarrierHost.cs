using Harrier.Core.Engine;
using Harrier.Core.Engine.Recovery;
using Harrier.Core.Flows;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Core;
using Harrier.Core.Tasks.KeyValues;
using Harrier.Core.Tasks.Running;
using Harrier.Docker;
using Harrier.Persistence;
using Harrier.Persistence.Files;
using Harrier.Persistence.Postgres;
using Harrier.Persistence.Sqlite;
using Harrier.Scripts.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harrier.Server.Hosting;

/// <summary>
/// The one composition root of a Harrier process (the CLI, the server and the bench host the engine through it): SQLite
/// in the data directory (or the PostgreSQL database of <see cref="HostOptions.Database"/>), files in <c>&lt;data dir&gt;/storage</c>, the template engine, every task type this build knows,
/// executor and worker in this process. Before the engine starts, it sweeps what dead Harrier processes of this machine
/// left behind (their tasks' processes and containers, scratch folders, partial uploads).
/// </summary>
public sealed class HarrierHost : IAsyncDisposable
{
    private readonly DockerTaskRunner _docker;
    private readonly DockerServerOptions _dockerServer;
    private readonly LocalFileStorage _files;

    private HarrierHost(IStore store, LocalFileStorage files, StandaloneEngine engine, DockerTaskRunner docker, DockerServerOptions dockerServer, SweepReport sweep)
    {
        Store = store;
        Files = files;
        Engine = engine;
        _docker = docker;
        _dockerServer = dockerServer;
        _files = files;
        Sweep = sweep;
    }

    public IStore Store { get; }

    public IFileStorage Files { get; }

    public StandaloneEngine Engine { get; }

    /// <summary>What the start-up sweep removed (empty on a clean machine).</summary>
    public SweepReport Sweep { get; }

    /// <summary>Interrupted executions: recovery over this host's store (finding them, adopting them).</summary>
    public ExecutionRecovery Recovery => new(Store.Ownership, Store.Processes, TimeProvider.System, Engine.Services.Options.LeaseDuration);

    /// <summary>The internal storage of a data directory (local disk, the embedded default).</summary>
    public static LocalFileStorage OpenFileStorage(string dataDirectory) => new(Path.Combine(dataDirectory, "storage"));

    public static FlowLoader CreateFlowLoader() => new(HarrierTaskTypes.Registry, ExpressionChecking.Checker);

    /// <summary>The flow document an execution runs (the revision it started with, whatever is deployed now); null when it no longer loads.</summary>
    public Task<Core.Flows.FlowDefinition?> LoadFlowOfAsync(Core.Executions.Execution execution, CancellationToken cancellationToken) =>
        LoadFlowOfAsync(Store, execution, cancellationToken);

    private static async Task<Core.Flows.FlowDefinition?> LoadFlowOfAsync(IStore store, Core.Executions.Execution execution, CancellationToken cancellationToken)
    {
        var source = execution.FlowSourceId is { } sourceId ? await store.Executions.GetFlowSourceAsync(sourceId, cancellationToken).ConfigureAwait(false) : execution.FlowSource;
        return CreateFlowLoader().Load(source ?? "", execution.FlowFile).Flow is { } flow ? flow with { Revision = execution.FlowRevision } : null;
    }

    /// <summary>
    /// Every task implementation; the KV and Labels tasks write to the store they are given, PurgeExecutions deletes files
    /// (and PurgeLogs log lines through the store) from <paramref name="files"/> and the state tasks keep theirs there (none without it).
    /// </summary>
    public static TaskImplementations CreateImplementations(IStore store, ScriptTaskServices? scripts = null, Core.Storage.IFileStorage? files = null) =>
        new TaskImplementations().AddCoreTasks().AddKeyValueTasks(store.KeyValues)
            .Add(Core.Tasks.Executions.LabelsTask.Type, () => new Core.Tasks.Executions.LabelsTask(store.Executions))
            .Add(Scripts.Logs.LogFetchType.Type, () => new Scripts.Logs.LogFetchTask(store.Logs, store.Executions))
            .Add(Core.Tasks.Executions.ResumeTask.Type, () => new Core.Tasks.Executions.ResumeTask(store.Executions, store.Resumes, (e, ct) => LoadFlowOfAsync(store, e, ct)))
            .Add(Core.Tasks.Executions.CountTask.Type, () => new Core.Tasks.Executions.CountTask(store.ExecutionSearch))
            .Add(Core.Tasks.FlowStates.StateTaskTypes.Set, () => new Core.Tasks.FlowStates.StateSetTask(files))
            .Add(Core.Tasks.FlowStates.StateTaskTypes.Get, () => new Core.Tasks.FlowStates.StateGetTask(files))
            .Add(Core.Tasks.FlowStates.StateTaskTypes.Delete, () => new Core.Tasks.FlowStates.StateDeleteTask(files))
            .Add(Core.Tasks.Executions.PurgeExecutionsTask.Type, () => new Core.Tasks.Executions.PurgeExecutionsTask(store.ExecutionSearch, store.Executions, store.Deletions, store.Logs, files))
            .Add(Core.Tasks.Executions.PurgeLogsTask.Type, () => new Core.Tasks.Executions.PurgeLogsTask(store.LogPurges))
            .Add(Core.Tasks.Triggers.ToggleTask.Type, () => new Core.Tasks.Triggers.ToggleTask(store.Triggers))
            .AddScriptTasks(scripts ?? new ScriptTaskServices());

    /// <summary>Opens only the store (for commands that read executions without running any).</summary>
    public static Task<SqliteStore> OpenStoreAsync(string dataDirectory, CancellationToken cancellationToken) =>
        SqliteStore.OpenAsync(dataDirectory, TimeProvider.System, cancellationToken);

    /// <summary>Opens the store <paramref name="database"/> names: SQLite in the data directory, or PostgreSQL at its url.</summary>
    public static async Task<IStore> OpenStoreAsync(string dataDirectory, DatabaseSettings database, CancellationToken cancellationToken) =>
        database.IsPostgres
            ? await PostgresStore.OpenAsync(new PostgresOptions { Url = database.Url! }, TimeProvider.System, cancellationToken).ConfigureAwait(false)
            : await OpenStoreAsync(dataDirectory, cancellationToken).ConfigureAwait(false);

    public static Task<HarrierHost> StartAsync(string dataDirectory, EngineOptions options, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, options, new HostOptions(), cancellationToken);

    public static async Task<HarrierHost> StartAsync(string dataDirectory, EngineOptions options, HostOptions host, CancellationToken cancellationToken, ILoggerFactory? loggers = null)
    {
        host.Validate();
        var dockerServer = new DockerServerOptions { VolumesEnabled = host.DockerVolumesEnabled };
        var docker = new DockerTaskRunner(dockerServer);
        var scripts = new ScriptTaskServices(containers: new DockerRunnerFactory(docker, dockerServer), dockerIsDefault: host.DefaultRunner == "docker");
        var store = await OpenStoreAsync(dataDirectory, host.Database, cancellationToken).ConfigureAwait(false);
        var files = OpenFileStorage(dataDirectory);
        SweepReport sweep;
        try
        {
            sweep = await SweepAsync(files, options, dockerServer, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var engine = new StandaloneEngine(new EngineServices
        {
            Store = store.Executions,
            Commits = store.Commits,
            Planning = store.Planning,
            Kills = store.Kills,
            Processes = store.Processes,
            Ownership = store.Ownership,
            Notifications = store.Notifications,
            Logs = store.Logs,
            SecretCipher = SecretKeyFile.OpenCipher(dataDirectory),
            Queue = store.Jobs,
            Renderer = ExpressionChecking.Renderer,
            Registry = HarrierTaskTypes.Registry,
            Implementations = CreateImplementations(store, scripts, files),
            KeyValues = store.KeyValues,
            Flows = host.Flows ?? new StoredFlowRepository(store.Flows),
            ExpressionChecker = ExpressionChecking.Checker,
            Options = options,
            Files = files,
            Loggers = loggers ?? NullLoggerFactory.Instance,
        });
        await engine.StartAsync(cancellationToken).ConfigureAwait(false);
        return new HarrierHost(store, files, engine, docker, dockerServer, sweep);
    }

    /// <summary>
    /// Sweeps again what dead Harrier processes of this machine left behind (a long-running server does it before adopting
    /// the executions of a process that died after the server started).
    /// </summary>
    public Task<SweepReport> SweepLeftoversAsync(CancellationToken cancellationToken) =>
        SweepAsync(_files, Engine.Services.Options, _dockerServer, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync().ConfigureAwait(false);
        await _docker.DisposeAsync().ConfigureAwait(false);
        await Store.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<SweepReport> SweepAsync(LocalFileStorage files, EngineOptions options, DockerServerOptions docker, CancellationToken cancellationToken)
    {
        var partials = files.RemoveAbandonedPartials();
        var report = await new LeftoverSweeper([new DockerAttemptReaper(docker)]).SweepAsync(options.TempDirectory, cancellationToken).ConfigureAwait(false);
        return report with { RemovedFolders = [.. report.RemovedFolders, .. partials] };
    }
}
