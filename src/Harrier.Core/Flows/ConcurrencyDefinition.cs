namespace Harrier.Core.Flows;

/// <summary>Flow concurrency: at most <see cref="Limit"/> running executions; <see cref="Behavior"/> QUEUE, CANCEL or FAIL.</summary>
public sealed record ConcurrencyDefinition(int Limit, string Behavior);
