using Harrier.Core.Engine;
using Harrier.Core.Executions;

namespace Harrier.Core.Tests.Engine;

public sealed class TaskStatePolicyTests
{
    [Theory]
    [InlineData("FAILED", false, false, "FAILED")]
    [InlineData("FAILED", true, false, "WARNING")]
    [InlineData("FAILED", false, true, "FAILED")]
    [InlineData("FAILED", true, true, "SUCCESS")]
    [InlineData("WARNING", false, false, "WARNING")]
    [InlineData("WARNING", false, true, "SUCCESS")]
    [InlineData("WARNING", true, false, "WARNING")]
    [InlineData("SUCCESS", true, true, "SUCCESS")]
    [InlineData("KILLED", true, true, "KILLED")]
    [InlineData("SKIPPED", true, true, "SKIPPED")]
    public void Finalize_AppliesAllowFailureThenAllowWarning(string state, bool allowFailure, bool allowWarning, string expected)
    {
        var task = TestFlows.Load($"tasks:\n  - {{id: a, type: Return, allowFailure: {allowFailure.ToString().ToLowerInvariant()}, allowWarning: {allowWarning.ToString().ToLowerInvariant()}}}").Tasks[0];

        Assert.Equal(expected, TaskStatePolicy.Finalize(States.Parse(state), task).ToName());
    }
}
