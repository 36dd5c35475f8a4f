using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Types;
using Harrier.Core.Yaml;

namespace Harrier.Cli.Tests.Flows;

/// <summary>Valid flows load into typed records that carry the written values and their positions.</summary>
public sealed class ValidFlowRecordTests
{
    private static FlowDefinition Load(string file) => FlowTestFiles.LoadValid(File.ReadAllText(FlowTestFiles.Valid(file)), file);

    [Fact]
    public void CommonTaskProperties_AreTyped()
    {
        var flaky = Load("common-task-properties.yml").Tasks[0];

        Assert.Equal("flaky", flaky.Id);
        Assert.Equal("io.kestra.plugin.scripts.shell.Commands", flaky.Type);
        Assert.Equal("tasks[0]", flaky.Path);
        Assert.Equal(new SourcePosition(5, 5), flaky.Position);
        Assert.Equal("Fails sometimes.", flaky.Description);
        Assert.Equal("PT30S", flaky.TimeoutText);
        Assert.Equal(TimeSpan.FromSeconds(30), flaky.Timeout);
        Assert.False(flaky.Disabled);
        Assert.True(flaky.AllowFailure);
        Assert.True(flaky.AllowWarning);
        Assert.Equal("{{ true }}", flaky.RunIf);
        Assert.Equal(TaskLogLevel.Warn, flaky.LogLevel);
        Assert.Equal("linux", flaky.WorkerGroup);
        Assert.False(flaky.IsFlowable);
        Assert.Equal(new Dictionary<string, object?> { ["NAME"] = "value", ["COUNT"] = "3" }, flaky.Property("env")!.ToPlain());
    }

    [Fact]
    public void ConstantRetry_TakesMaxAttemptsFromTheMaxAttemptAlias()
    {
        var retry = Load("common-task-properties.yml").Tasks[0].Retry!;

        Assert.Equal(RetryKind.Constant, retry.Kind);
        Assert.Equal(4, retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), retry.Interval);
        Assert.Equal(TimeSpan.FromMinutes(5), retry.MaxDuration);
        Assert.True(retry.WarningOnRetry);
        Assert.Equal("RETRY_FAILED_TASK", retry.Behavior);
    }

    [Fact]
    public void ExponentialAndRandomRetries_AreTyped()
    {
        var flow = Load("common-task-properties.yml");
        var exponential = flow.Tasks[1].Retry!;
        var random = flow.Tasks[2].Retry!;

        Assert.Equal((RetryKind.Exponential, 5, 3.0), (exponential.Kind, exponential.MaxAttempts, exponential.DelayFactor));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), (exponential.Interval, exponential.MaxInterval));
        Assert.Equal((RetryKind.Random, 2, 2.0), (random.Kind, random.MaxAttempts, random.DelayFactor));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), (random.MinInterval, random.MaxInterval));
        Assert.True(flow.Tasks[2].Disabled);
        Assert.Equal(TimeSpan.FromDays(6) + TimeSpan.FromHours(4), flow.Tasks[2].Timeout);
        Assert.Null(flow.Tasks[1].Timeout);
        Assert.Null(flow.Tasks[1].LogLevel);
    }

    [Fact]
    public void EveryTopLevelKey_IsRead()
    {
        var flow = Load("every-top-level-key.yml");

        Assert.Equal(("everything", "company.team.data"), (flow.Id, flow.Namespace));
        Assert.Equal("Every top-level key of a flow document.\n", flow.Description);
        Assert.Equal([new FlowLabel("team", "data"), new FlowLabel("env", "prod")], flow.Labels);
        Assert.Equal("hello", flow.Variables["greeting"]);
        Assert.Equal(new Dictionary<string, object?> { ["rows"] = 100L }, flow.Variables["limits"]);
        var input = Assert.Single(flow.Inputs);
        Assert.Equal(("name", "STRING", "World", true, true), (input.Id, input.Type, input.Defaults, input.HasDefaults, input.Required));
        Assert.Equal(new SourcePosition(15, 5), input.Position);
        Assert.Equal(["hello", "compute"], flow.Tasks.Select(t => t.Id));
        Assert.Equal(22, flow.Tasks[1].Position.Line);
        Assert.Equal("on_error", Assert.Single(flow.Errors).Id);
        Assert.Equal("errors[0]", flow.Errors[0].Path);
        Assert.Equal("always", Assert.Single(flow.Finally).Id);
        var output = Assert.Single(flow.Outputs);
        Assert.Equal(("n", "INT", "{{ outputs.compute.vars.n }}"), (output.Id, output.Type, output.Value.ToPlain()));
        Assert.Equal(new SourcePosition(34, 5), output.Position);
        Assert.Equal(
            [("hourly", "io.kestra.plugin.core.trigger.Schedule"), ("hook", "io.kestra.plugin.core.trigger.Webhook")],
            flow.Triggers.Select(t => (t.Id, t.Type)));
        Assert.Equal((RetryKind.Constant, 2, "CREATE_NEW_EXECUTION"), (flow.Retry!.Kind, flow.Retry.MaxAttempts, flow.Retry.Behavior));
        Assert.False(flow.Disabled);
        Assert.Equal(new ConcurrencyDefinition(2, "CANCEL"), flow.Concurrency);
        Assert.Equal(["hello", "compute", "on_error", "always"], flow.AllTasks().Select(t => t.Id));
    }

    [Fact]
    public void PluginDefaults_ReachTasksInErrorsAndFinallyToo()
    {
        var flow = Load("every-top-level-key.yml");

        Assert.All(flow.AllTasks().Where(t => t.Type == CoreTaskTypes.Log), t => Assert.Equal("DEBUG", t.Property("level")!.ToPlain()));
        Assert.Null(flow.Tasks[1].Property("level"));
    }

    [Fact]
    public void LegacyAndShortTypeNames_ResolveToTheCanonicalType()
    {
        var flow = Load("legacy-and-short-names.yml");

        Assert.Equal([new FlowLabel("team", "data"), new FlowLabel("tier", "1")], flow.Labels);
        Assert.Equal(
            [
                ("legacy_log", CoreTaskTypes.Log),
                ("worker", CoreTaskTypes.WorkingDirectory),
                ("short_python", "io.kestra.plugin.scripts.python.Script"),
                ("short_shell", "io.kestra.plugin.scripts.shell.Commands"),
                ("legacy_wd", CoreTaskTypes.WorkingDirectory),
                ("short_log", CoreTaskTypes.Log),
                ("core_short", CoreTaskTypes.Log),
                ("legacy_docker", "io.kestra.plugin.scripts.shell.Commands"),
            ],
            flow.AllTasks().Select(t => (t.Id, t.Type)));
        Assert.Equal("echo one command as a single text", flow.FindTask("short_shell")!.Property("commands")!.ToPlain());
    }

    [Fact]
    public void If_KeepsItsBranchesAsNamedChildLists()
    {
        var decide = Load("if-branches.yml").Tasks[0];

        Assert.True(decide.IsFlowable);
        Assert.Equal(["py", "after_py"], decide.Children["then"].Select(t => t.Id));
        Assert.Equal("skipped", Assert.Single(decide.ChildList("else")).Id);
        Assert.Equal("branch_failed", Assert.Single(decide.ChildList("errors")).Id);
        Assert.Empty(decide.ChildList("finally"));
        Assert.Equal(new SourcePosition(18, 9), decide.Children["then"][1].Position);
        Assert.Equal("tasks[0].then[1]", decide.Children["then"][1].Path);
        Assert.Equal("tasks[0].else[0]", decide.ChildList("else")[0].Path);
        Assert.Equal("{{ inputs.run_python }}", decide.Property("condition")!.ToPlain());
    }

    [Fact]
    public void ForEach_AcceptsAListOrAJsonTextAsValues()
    {
        var flow = Load("foreach.yml");

        Assert.Equal(new List<object?> { "a", "b", "c" }, flow.Tasks[0].Property("values")!.ToPlain());
        Assert.Equal(2L, flow.Tasks[0].Property("concurrencyLimit")!.ToPlain());
        Assert.Equal("[\"x\", \"y\"]", flow.Tasks[1].Property("values")!.ToPlain());
        Assert.Equal(["echo"], flow.Tasks[0].ChildList("tasks").Select(t => t.Id));
    }

    [Fact]
    public void WorkingDirectory_HoldsRunnableChildrenAndItsOwnProperties()
    {
        var wd = Load("working-directory-git-clone.yml").Tasks[0];

        Assert.Equal(CoreTaskTypes.WorkingDirectory, wd.Type);
        Assert.Equal("gpu", wd.WorkerGroup);
        Assert.Equal(["io.kestra.plugin.git.Clone", "io.kestra.plugin.scripts.python.Commands"], wd.ChildList("tasks").Select(t => t.Type));
        Assert.All(wd.ChildList("tasks"), t => Assert.Equal(TaskKind.Runnable, t.Descriptor.Kind));
        Assert.Equal(1L, wd.ChildList("tasks")[0].Property("depth")!.ToPlain());
        Assert.Equal(new List<object?> { "*.parquet" }, wd.Property("outputFiles")!.ToPlain());
        Assert.Equal("P1D", ((YMapping)wd.Property("cache")!)["ttl"]!.ToPlain());
    }

    [Fact]
    public void Parallel_NestsSequentialAndEveryLanguage()
    {
        var parallel = Load("parallel.yml").Tasks[0];

        Assert.Equal(["node", "r", "ruby", "pwsh", "seq"], parallel.ChildList("tasks").Select(t => t.Id));
        Assert.Equal(["wait", "value"], parallel.ChildList("tasks")[4].ChildList("tasks").Select(t => t.Id));
        Assert.Equal(8, parallel.DescendantsAndSelf().Count());
    }

    [Fact]
    public void Inputs_OfEveryTypeKeepTheirFields()
    {
        var inputs = Load("inputs-every-type.yml").Inputs;

        Assert.Equal(
            ["STRING", "INT", "FLOAT", "BOOL", "BOOLEAN", "SELECT", "MULTISELECT", "ENUM", "DATETIME", "DATE", "TIME", "DURATION", "FILE", "JSON", "YAML", "URI", "SECRET", "ARRAY", "EMAIL", "STRING"],
            inputs.Select(i => i.Type));
        Assert.Equal("^[a-z]+$", inputs[0].Field("validator"));
        Assert.Equal("A text", inputs[0].DisplayName);
        Assert.Equal((1L, 10L, 3L), (inputs[1].Field("min"), inputs[1].Field("max"), inputs[1].Defaults));
        Assert.Equal(0.5, inputs[2].Defaults);
        Assert.Equal(false, inputs[3].Defaults);
        Assert.True(inputs[3].HasDefaults);
        Assert.False(inputs[4].Required);
        Assert.False(inputs[4].HasDefaults);
        Assert.Equal(new List<object?> { "ann", "bob" }, inputs[17].Defaults);
        Assert.Equal("STRING", inputs[17].Field("itemType"));
        Assert.Equal("nested.value", inputs[19].Id);
    }

    [Fact]
    public void MergeKeys_LetATaskReuseAnother()
    {
        var flow = Load("anchors-and-merge-keys.yml");

        Assert.Equal(["first", "second"], flow.Tasks.Select(t => t.Id));
        Assert.Equal("second", flow.Tasks[1].Property("message")!.ToPlain());
        Assert.Equal(TimeSpan.FromSeconds(10), flow.Tasks[1].Timeout);
        Assert.Equal(new SourcePosition(10, 5), flow.Tasks[1].Position);
    }
}
