using Harrier.Core.Tests.Engine.Planning;

namespace Harrier.Core.Tests.Engine.Flowables;

/// <summary>AllowFailure: its children fail, its errors run, it ends WARNING and the flow goes on.</summary>
public sealed class AllowFailurePlanningTests
{
    private const string Flow = """
        tasks:
          - id: allow
            type: AllowFailure
            tasks:
              - {id: a, type: Return}
              - {id: b, type: Return}
            errors:
              - {id: e, type: Return}
          - {id: after, type: Return}
        """;

    [Fact]
    public void AFailure_RunsErrors_EndsWarning_AndTheFlowGoesOn() =>
        FlowableTable.Run(new(Flow, "a=FAILED", "allow a | e | after", "allow=WARNING a=FAILED e=SUCCESS after=SUCCESS", "WARNING"));

    [Fact]
    public void WithoutFailure_ItIsASequence() =>
        FlowableTable.Run(new(Flow, "", "allow a | b | after", "allow=SUCCESS a=SUCCESS b=SUCCESS after=SUCCESS", "SUCCESS"));
}
