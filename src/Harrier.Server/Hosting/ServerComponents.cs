using Harrier.Server.Monitoring;

namespace Harrier.Server.Hosting;

/// <summary>The parts of a running server that its endpoints are given.</summary>
internal sealed record ServerComponents(HarrierHost Host, ServerContext Context, ServerMetrics Metrics, Scheduling.ScheduleLoop Scheduler, Scheduling.TriggerExecutions TriggerExecutions);
