using System.Text.Json;
using Harrier.Cli.Tests.Running;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>
/// <c>retry.behavior: CREATE_NEW_EXECUTION</c> through <c>harrier run</c>: a failed task ends its execution RETRIED and a new
/// execution of the flow runs after the retry's delay, with the same inputs and labels, its attempt number one higher and
/// the first one's id as <c>originalId</c>, until one ends otherwise or the retry allows no more; the run reports the last.
/// </summary>
public sealed class NewExecutionRetryTests
{
    /// <summary>A flow whose task fails until it has run <paramref name="succeedOn"/> times (a counter file given as input).</summary>
    private static string Flaky(int succeedOn, string retry, bool onFlow = false)
    {
        var retryBlock = string.Join('\n', retry.Split('\n').Select(l => (onFlow ? "  " : "      ") + l));
        return $$$"""
            id: flaky
            namespace: tests.retry
            inputs:
              - id: counter
                type: STRING
            labels:
              team: data
            {{{(onFlow ? "retry:\n" + retryBlock : "")}}}
            tasks:
              - id: work
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - n=$(cat '{{ inputs.counter }}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '{{ inputs.counter }}'; echo "run $n"
                  - '[ "$n" -ge {{{succeedOn}}} ]'
            {{{(onFlow ? "" : "    retry:\n" + retryBlock)}}}
            """;
    }

    private const string Constant = "type: constant\ninterval: PT0.3S\nmaxAttempts: 5\nbehavior: CREATE_NEW_EXECUTION";

    /// <summary>Every execution of the data directory as <c>executions show --json</c> prints it, oldest first.</summary>
    private static List<JsonElement> Executions(FlowRuns runs)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, HarrierCli.Run(["executions", "list", "--json", "--data-dir", runs.DataDirectory], output, error));
        return [.. JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray()
            .Select(e => Show(runs, e.GetProperty("id").GetString()!))
            .OrderBy(e => e.GetProperty("metadata").GetProperty("attemptNumber").GetInt32())];
    }

    private static JsonElement Show(FlowRuns runs, string id)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, HarrierCli.Run(["executions", "show", id, "--json", "--data-dir", runs.DataDirectory], output, error));
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    private static int Attempt(JsonElement execution) => execution.GetProperty("metadata").GetProperty("attemptNumber").GetInt32();

    [Fact]
    public void ATaskFailingTwiceThenSucceeding_EndsInThreeExecutions_RetriedRetriedSuccess_Attempts123()
    {
        using var runs = new FlowRuns();
        var counter = Path.Combine(runs.DataDirectory, "..", "counter");

        var result = runs.Run(Flaky(3, Constant), "--input", $"counter={counter}");

        Assert.True(result.ExitCode == 0, result.ToString());
        var executions = Executions(runs);
        Assert.Equal(["RETRIED", "RETRIED", "SUCCESS"], executions.Select(e => e.GetProperty("state").GetString()));
        Assert.Equal([1, 2, 3], executions.Select(Attempt));
        var first = executions[0].GetProperty("id").GetString();
        Assert.All(executions, e => Assert.Equal(first, e.GetProperty("originalId").GetString()));
        Assert.All(executions, e => Assert.Equal(counter, e.GetProperty("inputs").GetProperty("counter").GetString()));
        Assert.All(executions, e => Assert.Contains(e.GetProperty("labels").EnumerateArray(), l => l.GetProperty("key").GetString() == "team" && l.GetProperty("value").GetString() == "data"));
        Assert.Equal(["RETRIED", "RETRIED", "SUCCESS"], executions.Select(e => e.GetProperty("taskRuns")[0].GetProperty("state").GetString()));
        // The run reports the last attempt, and each one started only after the retry's delay.
        Assert.Equal(executions[2].GetProperty("id").GetString(), result.Json.GetProperty("id").GetString());
        for (var i = 1; i < executions.Count; i++)
        {
            var previousEnd = executions[i - 1].GetProperty("endDate").GetDateTimeOffset();
            Assert.True(executions[i].GetProperty("startDate").GetDateTimeOffset() - previousEnd >= TimeSpan.FromMilliseconds(290), $"attempt {i + 1} started before the delay was over");
        }
    }

    [Fact]
    public void WhenMaxAttemptsIsReached_TheLastExecutionEndsFailed_AndNoMoreAreCreated()
    {
        using var runs = new FlowRuns();
        var counter = Path.Combine(runs.DataDirectory, "..", "counter");

        var result = runs.Run(Flaky(10, "type: constant\ninterval: PT0.1S\nmaxAttempts: 2\nbehavior: CREATE_NEW_EXECUTION"), "--input", $"counter={counter}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("FAILED", result.State);
        var executions = Executions(runs);
        Assert.Equal(["RETRIED", "FAILED"], executions.Select(e => e.GetProperty("state").GetString()));
        Assert.Equal([1, 2], executions.Select(Attempt));
        Assert.Equal("2", File.ReadAllText(counter).Trim());
    }

    [Fact]
    public void AFlowLevelRetry_CreatesTheNewExecutionForAnyFailedTask()
    {
        using var runs = new FlowRuns();
        var counter = Path.Combine(runs.DataDirectory, "..", "counter");

        var result = runs.Run(Flaky(2, Constant, onFlow: true), "--input", $"counter={counter}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, Attempt(result.Json));
        Assert.Equal(["RETRIED", "SUCCESS"], Executions(runs).Select(e => e.GetProperty("state").GetString()));
        // One attempt per execution: the worker does not retry the task itself.
        Assert.All(Executions(runs), e => Assert.Equal(1, e.GetProperty("taskRuns")[0].GetProperty("attempts").GetArrayLength()));
    }

    [Fact]
    public void ExecutionsShow_SaysWhichAttemptAnExecutionIs_AndWhichExecutionRetriedOne()
    {
        using var runs = new FlowRuns();
        var counter = Path.Combine(runs.DataDirectory, "..", "counter");
        runs.Run(Flaky(2, Constant), "--input", $"counter={counter}");
        var executions = Executions(runs);

        string Text(string id)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, HarrierCli.Run(["executions", "show", id, "--data-dir", runs.DataDirectory], output, error));
            return output.ToString();
        }

        var (first, second) = (executions[0].GetProperty("id").GetString()!, executions[1].GetProperty("id").GetString()!);
        Assert.Contains($"retried by execution {second} (attempt 2)", Text(first), StringComparison.Ordinal);
        Assert.Contains($"attempt 2; the first attempt is execution {first}", Text(second), StringComparison.Ordinal);
    }
}
