using Harrier.Bench.Server;

namespace Harrier.Bench.Distributed;

/// <summary>
/// Harrier as separate processes on one PostgreSQL database, as the distributed scenarios run it: a webserver (the API
/// the load goes through), an executor, and worker processes added when a scenario wants them — each a real
/// <c>harrier server ROLE</c>, sharing one data directory for storage. Disposing stops every process (SIGTERM).
/// </summary>
public sealed class RoleSet : IDisposable
{
    private readonly string _harrierPath;
    private readonly string _dataDirectory;
    private readonly string _config;
    private readonly List<BenchServer> _workers = [];

    private RoleSet(string harrierPath, string dataDirectory, string config, BenchServer web, BenchServer executor)
    {
        _harrierPath = harrierPath;
        _dataDirectory = dataDirectory;
        _config = config;
        Web = web;
        Executor = executor;
    }

    public BenchServer Web { get; }

    public BenchServer Executor { get; }

    public IReadOnlyList<BenchServer> Workers => _workers;

    /// <summary>A webserver and an executor on a fresh database, and <paramref name="workers"/> workers of <paramref name="slots"/> slots.</summary>
    public static async Task<RoleSet> StartAsync(string harrierPath, string folder, int workers, int slots)
    {
        var config = await BenchPostgres.ConfigAsync(folder);
        var data = Path.Combine(folder, "data");
        var web = await BenchServer.StartAsync(harrierPath, data, role: "webserver", config: config);
        BenchServer? executor = null;
        try
        {
            executor = await BenchServer.StartAsync(harrierPath, data, role: "executor", config: config);
            var set = new RoleSet(harrierPath, data, config, web, executor);
            try
            {
                await set.AddWorkersAsync(workers, slots);
                return set;
            }
            catch
            {
                set.Dispose();
                throw;
            }
        }
        catch when (executor is null)
        {
            web.Dispose();
            throw;
        }
    }

    /// <summary>Starts <paramref name="count"/> more worker processes (in parallel, as a deployment scales out).</summary>
    public async Task AddWorkersAsync(int count, int slots)
    {
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => BenchServer.StartAsync(_harrierPath, _dataDirectory, slots, "worker", _config)));
        _workers.AddRange(started);
    }

    /// <summary>The largest peak RSS of the set's processes, in KiB.</summary>
    public long PeakRssKb() => new[] { Web, Executor }.Concat(_workers).Max(p => p.MemoryKb().Peak);

    public void Dispose()
    {
        Parallel.ForEach(new[] { Web, Executor }.Concat(_workers), p => p.Dispose());
    }
}
