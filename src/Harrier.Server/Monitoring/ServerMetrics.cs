using Harrier.Core.Executions;
using Harrier.Core.Store.Search;
using Harrier.Server.Hosting;
using Prometheus;

namespace Harrier.Server.Monitoring;

/// <summary>
/// Prometheus metrics of a server, in its own registry (several servers may share a process in tests):
/// <c>harrier_executions{state}</c> and <c>harrier_queue_jobs{status}</c> read from the store at each scrape,
/// <c>harrier_log_lines_total</c> counted as lines are stored, <c>harrier_planning_passes_total</c> of this process's executor, <c>harrier_executions_created_total</c> by the API, and
/// <c>harrier_task_run_duration_seconds{state}</c> observed at each scrape for the executions that ended since the last one,
/// <c>harrier_workers{group}</c> (live worker processes of every role, read from the registry at each scrape).
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    /// <summary>An execution's end date is set just before its commit: ends are read this long after they happen, so none is missed.</summary>
    private static readonly TimeSpan EndLag = TimeSpan.FromSeconds(2);

    private readonly HarrierHost _host;
    private readonly TimeProvider _time;
    private readonly Gauge _executions;
    private readonly Gauge _jobs;
    private readonly Gauge _workers;
    private readonly HashSet<string> _groupsSeen = [];
    private readonly Counter _logLines;
    private readonly Counter _planningPasses;
    private readonly Histogram _taskDurations;
    private readonly SemaphoreSlim _collecting = new(1, 1);
    private DateTimeOffset _endsReadUntil;

    public ServerMetrics(HarrierHost host, TimeProvider time)
    {
        _host = host;
        _time = time;
        _endsReadUntil = time.GetUtcNow() - EndLag;
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _executions = factory.CreateGauge("harrier_executions", "Executions in the store, by state.", "state");
        _jobs = factory.CreateGauge("harrier_queue_jobs", "Worker jobs in the queue: waiting to be claimed, or leased (running).", "status");
        _workers = factory.CreateGauge("harrier_workers", "Live worker processes (registered, alive) by worker group; \"\" is the default group.", "group");
        _logLines = factory.CreateCounter("harrier_log_lines_total", "Task log lines stored by this server.");
        _planningPasses = factory.CreateCounter("harrier_planning_passes_total", "Planning passes committed by this process's executor (0 without the executor role).");
        ExecutionsCreated = factory.CreateCounter("harrier_executions_created_total", "Executions created through the API.");
        _taskDurations = factory.CreateHistogram("harrier_task_run_duration_seconds", "Durations of finished task runs (first attempt start to end), by final state.",
            new HistogramConfiguration { LabelNames = ["state"], Buckets = Histogram.ExponentialBuckets(0.001, 4, 12) });
        host.Engine.Logs.Stored += OnStored;
        Registry.AddBeforeCollectCallback(CollectAsync);
    }

    public CollectorRegistry Registry { get; }

    public Counter ExecutionsCreated { get; }

    public void Dispose()
    {
        _host.Engine.Logs.Stored -= OnStored;
        _collecting.Dispose();
    }

    private void OnStored(IReadOnlyList<LogEntry> entries) => _logLines.Inc(entries.Count);

    private async Task CollectAsync(CancellationToken cancellationToken)
    {
        await _collecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _planningPasses.IncTo(_host.Engine.Services.Activity.PlanningPasses);
            var counts = await _host.Store.ExecutionSearch.CountByStateAsync(cancellationToken).ConfigureAwait(false);
            foreach (var state in Enum.GetValues<State>())
            {
                _executions.WithLabels(state.ToName()).Set(counts.GetValueOrDefault(state));
            }

            var depth = await _host.Store.QueueStatistics.GetDepthAsync(cancellationToken).ConfigureAwait(false);
            _jobs.WithLabels("waiting").Set(depth.Waiting);
            _jobs.WithLabels("leased").Set(depth.Leased);
            await CountWorkersAsync(cancellationToken).ConfigureAwait(false);
            await ObserveEndedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _collecting.Release();
        }
    }

    /// <summary>Live processes that run a worker, by group; a group whose last worker went away reads 0.</summary>
    private async Task CountWorkersAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var timeout = _host.Engine.Services.Options.LeaseDuration;
        var live = (await _host.Store.Processes.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => p.Kind is "server" or "worker" && p.IsAliveAt(now, timeout))
            .GroupBy(p => p.WorkerGroup ?? "")
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _groupsSeen.UnionWith(live.Keys);
        foreach (var group in _groupsSeen)
        {
            _workers.WithLabels(group).Set(live.GetValueOrDefault(group));
        }
    }

    private async Task ObserveEndedAsync(CancellationToken cancellationToken)
    {
        var until = _time.GetUtcNow() - EndLag;
        var filters = new[]
        {
            new SearchFilter("endDate", FilterOperation.GreaterThan, _endsReadUntil.UtcDateTime.ToString("O")),
            new SearchFilter("endDate", FilterOperation.LessThanOrEqualTo, until.UtcDateTime.ToString("O")),
        };
        for (var page = 1; ; page++)
        {
            var ended = await _host.Store.ExecutionSearch.SearchAsync(new SearchQuery { Filters = filters, Page = page, Size = 1000 }, cancellationToken).ConfigureAwait(false);
            foreach (var execution in ended.Results)
            {
                foreach (var run in await _host.Store.Executions.GetTaskRunsAsync(execution.Id, cancellationToken).ConfigureAwait(false))
                {
                    if (run.State.IsTerminal() && run.Attempts.Count > 0 && run.EndDate is { } end)
                    {
                        _taskDurations.WithLabels(run.State.ToName()).Observe(Math.Max(0, (end - run.Attempts[0].StartDate).TotalSeconds));
                    }
                }
            }

            if (ended.Results.Count < 1000)
            {
                break;
            }
        }

        _endsReadUntil = until;
    }
}
