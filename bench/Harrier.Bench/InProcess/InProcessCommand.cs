using System.Diagnostics;
using System.Text.Json;
using Harrier.Bench.Scenarios;
using Harrier.Server.Hosting;
using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Bench.InProcess;

/// <summary>
/// <c>Harrier.Bench inproc …</c>: a child process that hosts Harrier exactly as <c>harrier run</c> does
/// (<see cref="HarrierHost"/>: SQLite, every task type), warms it up with a small execution of the same
/// flow, then times the real one. Timing starts at submit, so .NET start-up (scenario "startup") is not
/// counted twice; running as a child gives each repetition a fresh process and the parent an exact peak
/// RSS through wait4.
/// </summary>
public static class InProcessCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var request = InProcessRequest.Parse(args);
        var dataDirectory = Directory.CreateTempSubdirectory("harrier-bench-data-").FullName;
        try
        {
            var options = request.Workers is { } workers ? new EngineOptions { WorkerSlots = workers } : new EngineOptions();
            await using var host = await HarrierHost.StartAsync(dataDirectory, options, cancellationToken);
            var report = request.Mode switch
            {
                InProcessRequest.Sequential => await SequentialAsync(host, request, cancellationToken),
                InProcessRequest.Throughput => await ThroughputAsync(host, request, cancellationToken),
                _ => throw new ArgumentException($"Unknown mode '{request.Mode}'."),
            };
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
            return report.State == State.Success.ToName() ? 0 : 1;
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<InProcessReport> SequentialAsync(HarrierHost host, InProcessRequest request, CancellationToken cancellationToken)
    {
        if (request.Kind == BenchFlows.NamespaceFilesKind)
        {
            // Each child has a fresh data directory: upload the files (untimed), as `harrier nsfiles put` would.
            await NamespaceFileTree.UploadAsync(host.Files, BenchFlows.Namespace, request.Size, cancellationToken);
        }

        // Warm-up on a small flow of the same kind: JIT, SQLite statements, the interpreter's page cache.
        await RunAllAsync(host, Load(request.Kind, Math.Min(request.Size, 3)), 1, cancellationToken);
        return await RunAllAsync(host, Load(request.Kind, request.Size), 1, cancellationToken);
    }

    private static async Task<InProcessReport> ThroughputAsync(HarrierHost host, InProcessRequest request, CancellationToken cancellationToken)
    {
        var flow = Load(request.Kind, 1);
        await RunAllAsync(host, flow, Math.Min(request.Size, 4), cancellationToken);
        return await RunAllAsync(host, flow, request.Size, cancellationToken);
    }

    /// <summary>Submits <paramref name="count"/> executions at once and waits for all of them.</summary>
    private static async Task<InProcessReport> RunAllAsync(HarrierHost host, FlowDefinition flow, int count, CancellationToken cancellationToken)
    {
        var inputs = new Dictionary<string, object?>();
        var stopwatch = Stopwatch.StartNew();
        var submitted = new List<Execution>(count);
        for (var i = 0; i < count; i++)
        {
            submitted.Add(await host.Engine.SubmitAsync(flow, inputs, cancellationToken));
        }

        var finals = await Task.WhenAll(submitted.Select(e => host.Engine.WaitAsync(e.Id, cancellationToken)));
        stopwatch.Stop();
        long lines = 0;
        foreach (var execution in finals)
        {
            lines += await host.Store.Logs.CountAsync(execution.Id, cancellationToken);
        }

        var worst = finals.FirstOrDefault(e => e.State != State.Success) ?? finals[0];
        return new InProcessReport(stopwatch.Elapsed.TotalMilliseconds, worst.State.ToName(), lines);
    }

    private static FlowDefinition Load(string kind, int size)
    {
        var loaded = HarrierHost.CreateFlowLoader().Load(BenchFlows.Create(kind, size), "bench.yml");
        return loaded.Flow ?? throw new InvalidOperationException(
            "The benchmark flow does not load:\n" + string.Join('\n', loaded.Diagnostics));
    }
}
