using Harrier.Core.Executions;

namespace Harrier.Core.Tests.Executions;

public sealed class StatesTests
{
    [Theory]
    [InlineData("", "SUCCESS")]
    [InlineData("SUCCESS SUCCESS", "SUCCESS")]
    [InlineData("SKIPPED", "SUCCESS")]
    [InlineData("SUCCESS SKIPPED WARNING", "WARNING")]
    [InlineData("WARNING FAILED SUCCESS", "FAILED")]
    [InlineData("FAILED KILLED", "KILLED")]
    [InlineData("KILLED FAILED", "KILLED")]
    [InlineData("CANCELLED FAILED", "CANCELLED")]
    [InlineData("WARNING SKIPPED", "WARNING")]
    public void Worst_RollsUpFailuresThenWarnings(string states, string expected)
    {
        var parsed = states.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(States.Parse);

        Assert.Equal(expected, States.Worst(parsed).ToName());
    }

    [Theory]
    [InlineData(State.Success, true, false)]
    [InlineData(State.Warning, true, false)]
    [InlineData(State.Skipped, true, false)]
    [InlineData(State.Failed, true, true)]
    [InlineData(State.Killed, true, true)]
    [InlineData(State.Running, false, false)]
    [InlineData(State.Retrying, false, false)]
    [InlineData(State.Killing, false, false)]
    [InlineData(State.Created, false, false)]
    public void States_AreTerminalAndFailures_AsInKestra(State state, bool terminal, bool failure)
    {
        Assert.Equal(terminal, state.IsTerminal());
        Assert.Equal(failure, state.IsFailure());
    }
}
