using Harrier.Core.Engine;
using Harrier.Core.Flows;
using Harrier.Core.Store;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Core;
using Harrier.Core.Tasks.Running;
using Harrier.Docker;
using Harrier.Persistence;
using Harrier.Persistence.Files;
using Harrier.Persistence.Sqlite;
using Harrier.Scripts.Tasks;

namespace Harrier.Cli.Running;

/// <summary>
/// The standalone composition: SQLite in the data directory, files in <c>&lt;data dir&gt;/storage</c>, the template engine, every task type this
/// build knows, executor and worker in this process.
/// </summary>
public sealed class HarrierHost : IAsyncDisposable
{
    private readonly DockerTaskRunner _docker;

    private HarrierHost(SqliteStore store, IFileStorage files, StandaloneEngine engine, DockerTaskRunner docker)
    {
        Store = store;
        Files = files;
        Engine = engine;
        _docker = docker;
    }

    public SqliteStore Store { get; }

    public IFileStorage Files { get; }

    public StandaloneEngine Engine { get; }

    /// <summary>The internal storage of a data directory (local disk, the embedded default).</summary>
    public static IFileStorage OpenFileStorage(string dataDirectory) => new LocalFileStorage(Path.Combine(dataDirectory, "storage"));

    public static FlowLoader CreateFlowLoader() => new(HarrierTaskTypes.Registry, ExpressionChecking.Checker);

    public static TaskImplementations CreateImplementations(ScriptTaskServices? scripts = null) =>
        new TaskImplementations().AddCoreTasks().AddScriptTasks(scripts ?? new ScriptTaskServices());

    /// <summary>Opens only the store (for commands that read executions without running any).</summary>
    public static Task<SqliteStore> OpenStoreAsync(string dataDirectory, CancellationToken cancellationToken) =>
        SqliteStore.OpenAsync(dataDirectory, TimeProvider.System, cancellationToken);

    public static Task<HarrierHost> StartAsync(string dataDirectory, EngineOptions options, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, options, new HostOptions(), cancellationToken);

    public static async Task<HarrierHost> StartAsync(string dataDirectory, EngineOptions options, HostOptions host, CancellationToken cancellationToken)
    {
        host.Validate();
        var dockerServer = new DockerServerOptions { VolumesEnabled = host.DockerVolumesEnabled };
        var docker = new DockerTaskRunner(dockerServer);
        var scripts = new ScriptTaskServices(containers: new DockerRunnerFactory(docker, dockerServer), dockerIsDefault: host.DefaultRunner == "docker");
        var store = await OpenStoreAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        var files = OpenFileStorage(dataDirectory);
        // Standalone: this process is the only writer, so running executions can be served from memory.
        var cache = new WriteThroughExecutionCache(store.Executions);
        var engine = new StandaloneEngine(new EngineServices
        {
            Store = cache,
            Commits = cache.Through(store.Commits),
            Logs = store.Logs,
            SecretCipher = SecretKeyFile.OpenCipher(dataDirectory),
            Queue = store.Jobs,
            Renderer = ExpressionChecking.Renderer,
            Registry = HarrierTaskTypes.Registry,
            Implementations = CreateImplementations(scripts),
            ExpressionChecker = ExpressionChecking.Checker,
            Options = options,
            Files = files,
        });
        await ContainerCleanup.RunAsync(dockerServer, store.Executions, Console.Error, cancellationToken).ConfigureAwait(false);
        engine.Start();
        return new HarrierHost(store, files, engine, docker);
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync().ConfigureAwait(false);
        await _docker.DisposeAsync().ConfigureAwait(false);
        await Store.DisposeAsync().ConfigureAwait(false);
    }
}
