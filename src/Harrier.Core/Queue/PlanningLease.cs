namespace Harrier.Core.Queue;

/// <summary>
/// An executor's claim on planning one execution: while it holds, no other executor plans it. <see cref="WakeCount"/>
/// is the number of wake-ups seen at the claim: the commit compares it to tell whether something happened during the
/// pass. <see cref="Epoch"/> fences the commit as for jobs.
/// </summary>
public sealed record PlanningLease(string ExecutionId, string ExecutorId, long Epoch, long WakeCount, DateTimeOffset ExpiresAt);
