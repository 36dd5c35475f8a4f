using Harrier.Core.Engine;
using Harrier.Core.Flows;
using Harrier.Core.Store;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Core;
using Harrier.Core.Tasks.Running;
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
    private HarrierHost(SqliteStore store, IFileStorage files, StandaloneEngine engine)
    {
        Store = store;
        Files = files;
        Engine = engine;
    }

    public SqliteStore Store { get; }

    public IFileStorage Files { get; }

    public StandaloneEngine Engine { get; }

    /// <summary>The internal storage of a data directory (local disk, the embedded default).</summary>
    public static IFileStorage OpenFileStorage(string dataDirectory) => new LocalFileStorage(Path.Combine(dataDirectory, "storage"));

    public static FlowLoader CreateFlowLoader() => new(HarrierTaskTypes.Registry, ExpressionChecking.Checker);

    private static readonly ScriptTaskServices ScriptServices = new();

    public static TaskImplementations CreateImplementations() => new TaskImplementations().AddCoreTasks().AddScriptTasks(ScriptServices);

    /// <summary>Opens only the store (for commands that read executions without running any).</summary>
    public static Task<SqliteStore> OpenStoreAsync(string dataDirectory, CancellationToken cancellationToken) =>
        SqliteStore.OpenAsync(Path.Combine(dataDirectory), TimeProvider.System, cancellationToken);

    public static async Task<HarrierHost> StartAsync(string dataDirectory, EngineOptions options, CancellationToken cancellationToken)
    {
        var store = await OpenStoreAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        var files = OpenFileStorage(dataDirectory);
        var engine = new StandaloneEngine(new EngineServices
        {
            // Standalone: this process is the only writer, so running executions can be served from memory.
            Store = new WriteThroughExecutionCache(store.Executions),
            Logs = store.Logs,
            Queue = store.Jobs,
            Renderer = ExpressionChecking.Renderer,
            Registry = HarrierTaskTypes.Registry,
            Implementations = CreateImplementations(),
            ExpressionChecker = ExpressionChecking.Checker,
            Options = options,
            Files = files,
        });
        engine.Start();
        return new HarrierHost(store, files, engine);
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync().ConfigureAwait(false);
        await Store.DisposeAsync().ConfigureAwait(false);
    }
}
