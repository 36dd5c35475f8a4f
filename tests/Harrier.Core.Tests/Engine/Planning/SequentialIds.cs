namespace Harrier.Core.Tests.Engine.Planning;

/// <summary>Deterministic task run ids: r1, r2, … in creation order.</summary>
internal sealed class SequentialIds
{
    private int _next;

    public string Next() => $"r{++_next}";
}
