using System.Collections;
using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Tests.Engine.Planning;

namespace Harrier.Core.Tests.Engine;

public sealed class EngineVariablesTests
{
    private static readonly EngineVariables Variables = new(
        new Dictionary<string, object?> { ["region"] = "eu" },
        new Dictionary<string, object?> { ["team"] = "data" });

    /// <summary>Runs a flow through the planner, giving every runnable the output value "taskId@value".</summary>
    private static PlannerSimulation Simulate(string flow)
    {
        var simulation = new PlannerSimulation(flow);
        for (var pass = 0; pass < 50 && !simulation.Pass().IsFinished; pass++)
        {
            foreach (var run in simulation.Runs.Where(r => r.State == State.Created && !simulation.Flow.FindTask(r.TaskId)!.IsFlowable).ToList())
            {
                simulation.Replace(run with
                {
                    State = State.Success,
                    Outputs = new Dictionary<string, object?> { ["value"] = $"{run.TaskId}@{run.Value}" },
                });
            }
        }

        return simulation;
    }

    private static object? At(object? map, params string[] path)
    {
        foreach (var key in path)
        {
            var dictionary = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(map);
            Assert.True(dictionary.ContainsKey(key), $"no '{key}' among {string.Join(", ", dictionary.Keys)}");
            map = dictionary[key];
        }

        return map;
    }

    [Fact]
    public void Outputs_OfAPlainTask_AreKeyedByTaskId()
    {
        var simulation = Simulate("tasks:\n  - {id: a, type: Return}");

        Assert.Equal("a@", At(EngineVariables.OutputsOf(simulation.Runs), "a", "value"));
    }

    [Fact]
    public void Outputs_InsideAForEach_AreKeyedByValue()
    {
        var simulation = Simulate("""
            tasks:
              - id: each
                type: ForEach
                values: [a, b]
                tasks:
                  - id: s
                    type: Sequential
                    tasks:
                      - {id: x, type: Return}
            """);

        var outputs = EngineVariables.OutputsOf(simulation.Runs);

        Assert.Equal("x@a", At(outputs, "x", "a", "value"));
        Assert.Equal("x@b", At(outputs, "x", "b", "value"));
    }

    [Fact]
    public void Outputs_InsideNestedForEaches_AreKeyedByOuterThenInnerValue()
    {
        var simulation = Simulate("""
            tasks:
              - id: outer
                type: ForEach
                values: [a, b]
                tasks:
                  - id: inner
                    type: ForEach
                    values: [x, y]
                    tasks:
                      - {id: t, type: Return}
            """);

        var outputs = EngineVariables.OutputsOf(simulation.Runs);

        Assert.Equal("t@x", At(outputs, "t", "a", "x", "value"));
        Assert.Equal("t@y", At(outputs, "t", "b", "y", "value"));
    }

    [Fact]
    public void Outputs_InsideNestedForEachesOverTheSameValues_KeepEveryCombination()
    {
        var simulation = Simulate("""
            tasks:
              - id: outer
                type: ForEach
                values: ["1", "2"]
                tasks:
                  - id: inner
                    type: ForEach
                    values: ["1", "2"]
                    tasks:
                      - {id: t, type: Return}
            """);

        var outputs = EngineVariables.OutputsOf(simulation.Runs);

        foreach (var outer in new[] { "1", "2" })
        {
            foreach (var inner in new[] { "1", "2" })
            {
                Assert.Equal($"t@{inner}", At(outputs, "t", outer, inner, "value"));
            }
        }
    }

    [Fact]
    public void Outputs_OfAForEachsFinallyTask_AreNotKeyedByAValue()
    {
        var simulation = Simulate("""
            tasks:
              - id: each
                type: ForEach
                values: [a]
                tasks:
                  - {id: x, type: Return}
                finally:
                  - {id: f, type: Return}
            """);

        Assert.Equal("f@", At(EngineVariables.OutputsOf(simulation.Runs), "f", "value"));
    }

    [Fact]
    public void ForTask_GivesTheParentChain_InnermostFirst()
    {
        var simulation = Simulate("""
            tasks:
              - id: outer
                type: ForEach
                values: [a]
                tasks:
                  - id: inner
                    type: ForEach
                    values: [x]
                    tasks:
                      - {id: t, type: Return}
            """);
        var t = simulation.Run("t[x]");

        var variables = Variables.ForTask(simulation.Flow, simulation.Execution, simulation.Runs, simulation.Flow.FindTask("t")!, t);

        Assert.Equal("x", At(variables, "taskrun", "value"));
        Assert.Equal("a", At(variables, "parent", "taskrun", "value"));
        var parents = Assert.IsAssignableFrom<IList>(variables["parents"]);
        Assert.Equal(2, parents.Count);
        Assert.Equal(simulation.Run("inner[a]").Id, At(parents[0], "taskrun", "id"));
        Assert.Equal(simulation.Run("outer").Id, At(parents[1], "taskrun", "id"));
        Assert.Null(At(parents[1], "taskrun", "value"));
    }

    [Fact]
    public void ForTask_WithoutAParent_HasNoParentVariables()
    {
        var simulation = Simulate("tasks:\n  - {id: a, type: Return}");

        var variables = Variables.ForTask(simulation.Flow, simulation.Execution, simulation.Runs, simulation.Flow.Tasks[0], simulation.Run("a"));

        Assert.False(variables.ContainsKey("parent"));
        Assert.False(variables.ContainsKey("parents"));
    }

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(1, 0L)]
    [InlineData(3, 2L)]
    public void TaskRun_AttemptsCount_StartsAtZero(int attempts, long expected)
    {
        var run = new TaskRun
        {
            Id = "r1",
            ExecutionId = "ex1",
            TaskId = "a",
            State = State.Running,
            CreatedAt = DateTimeOffset.UnixEpoch,
            Attempts = [.. Enumerable.Repeat(new TaskRunAttempt(State.Running, DateTimeOffset.UnixEpoch, null), attempts)],
        };

        Assert.Equal(expected, EngineVariables.TaskRunVariables(run)["attemptsCount"]);
    }

    [Fact]
    public void ForExecution_HasFlowExecutionInputsVarsLabelsEnvsAndGlobals()
    {
        var simulation = new PlannerSimulation("""
            labels:
              team: data
              env: prod
            variables:
              greeting: hello
            tasks:
              - {id: a, type: Return}
            """, new Dictionary<string, object?> { ["name"] = "World" });
        var execution = simulation.Execution with { Labels = simulation.Flow.Labels };

        var variables = Variables.ForExecution(simulation.Flow, execution, []);

        Assert.Equal("test", At(variables, "flow", "id"));
        Assert.Equal("company.team", At(variables, "flow", "namespace"));
        Assert.Equal("ex1", At(variables, "execution", "id"));
        Assert.Equal("World", At(variables, "inputs", "name"));
        Assert.Equal("hello", At(variables, "vars", "greeting"));
        Assert.Equal("prod", At(variables, "labels", "env"));
        Assert.Equal("eu", At(variables, "envs", "region"));
        Assert.Equal("data", At(variables, "globals", "team"));
    }

    [Fact]
    public void EnvsFrom_KeepsOnlyEnvPrefixedVariables_LowerCasedWithoutThePrefix()
    {
        var environment = new Hashtable
        {
            ["ENV_REGION"] = "eu",
            ["ENV_My_Bucket"] = "b1",
            ["ENV_"] = "nameless",
            ["PATH"] = "/bin",
            ["env_lower"] = "ignored",
        };

        var envs = EngineVariables.EnvsFrom(environment);

        Assert.Equal(new Dictionary<string, object?> { ["region"] = "eu", ["my_bucket"] = "b1" }, envs);
    }
}
