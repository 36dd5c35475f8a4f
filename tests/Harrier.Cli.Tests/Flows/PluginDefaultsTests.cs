using Harrier.Core.Yaml;

namespace Harrier.Cli.Tests.Flows;

/// <summary>pluginDefaults are merged into tasks before validation (spec §11.1).</summary>
public sealed class PluginDefaultsTests
{
    private const string Head = "id: defaults\nnamespace: company.team\n";

    [Fact]
    public void PrefixType_AppliesToEveryScriptTaskButNotToOthers()
    {
        var flow = FlowTestFiles.LoadValid(File.ReadAllText(FlowTestFiles.Valid("docker-plugin-defaults.yml")));

        var runner = Assert.IsType<YMapping>(flow.Tasks[0].Property("taskRunner"));
        Assert.Equal("io.kestra.plugin.scripts.runner.docker.Docker", runner["type"]!.ToPlain());
        Assert.Equal(1.5, ((YMapping)runner["cpu"]!)["cpus"]!.ToPlain());
        Assert.Equal("ubuntu:24.04", flow.Tasks[0].Property("containerImage")!.ToPlain());
        Assert.NotNull(flow.Tasks[1].Property("taskRunner"));
        Assert.Null(flow.Tasks[2].Property("taskRunner"));
        Assert.Null(flow.Tasks[2].Property("containerImage"));
    }

    [Fact]
    public void Defaults_SupplyARequiredProperty()
    {
        var flow = FlowTestFiles.LoadValid(File.ReadAllText(FlowTestFiles.Valid("docker-plugin-defaults.yml")));

        var script = Assert.IsType<YScalar>(flow.Tasks[1].Property("script"));
        Assert.Equal("print(\"from the defaults\")", script.Value);
        Assert.Equal(new SourcePosition(30, 15), script.Position);
    }

    [Fact]
    public void ForcedDefaults_WinOverTheTasksOwnValue()
    {
        var flow = FlowTestFiles.LoadValid(File.ReadAllText(FlowTestFiles.Valid("docker-plugin-defaults.yml")));

        Assert.Equal("python:3.13-slim", flow.Tasks[1].Property("containerImage")!.ToPlain());
    }

    [Fact]
    public void TheTasksOwnValue_WinsOverDefaultsThatAreNotForced()
    {
        var flow = FlowTestFiles.LoadValid(Head + """
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: mine
            pluginDefaults:
              - type: io.kestra.plugin.core.log.Log
                values:
                  message: default
                  level: WARN
            """);

        Assert.Equal("mine", flow.Tasks[0].Property("message")!.ToPlain());
        Assert.Equal("WARN", flow.Tasks[0].Property("level")!.ToPlain());
    }

    [Fact]
    public void NestedMaps_MergeKeyByKey()
    {
        var flow = FlowTestFiles.LoadValid(Head + """
            tasks:
              - id: run
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [ls]
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
                  pullPolicy: NEVER
            pluginDefaults:
              - type: io.kestra.plugin.scripts.shell.Commands
                values:
                  taskRunner:
                    type: io.kestra.plugin.scripts.runner.docker.Docker
                    pullPolicy: ALWAYS
                    networkMode: host
            """);

        var runner = (YMapping)flow.Tasks[0].Property("taskRunner")!;
        Assert.Equal(("NEVER", "host"), (runner["pullPolicy"]!.ToPlain(), runner["networkMode"]!.ToPlain()));
    }

    [Fact]
    public void ShortTypeName_InDefaults_IsResolved()
    {
        var flow = FlowTestFiles.LoadValid(Head + """
            tasks:
              - id: py
                type: io.kestra.plugin.scripts.python.Script
            pluginDefaults:
              - type: python.Script
                values:
                  script: print(1)
            """);

        Assert.Equal("print(1)", flow.Tasks[0].Property("script")!.ToPlain());
    }

    [Fact]
    public void TaskDefaults_IsAcceptedAsTheLegacyName()
    {
        var flow = FlowTestFiles.LoadValid(Head + """
            tasks:
              - id: py
                type: io.kestra.plugin.scripts.python.Script
            taskDefaults:
              - type: io.kestra.plugin.scripts.python.Script
                values:
                  script: print(2)
            """);

        Assert.Equal("print(2)", flow.Tasks[0].Property("script")!.ToPlain());
    }

    [Fact]
    public void WithoutTheDefault_TheSameFlowMissesItsScript()
    {
        var result = FlowTestFiles.Loader.Load(Head + "tasks:\n  - id: py\n    type: io.kestra.plugin.scripts.python.Script\n", "f.yml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("f.yml:4:5: tasks[0].script: must not be null: the property 'script' is required", diagnostic.ToString());
    }

    [Fact]
    public void AnInvalidDefault_IsReportedWhereTheDefaultIsWritten()
    {
        var result = FlowTestFiles.Loader.Load(Head + """
            tasks:
              - id: run
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [ls]
              - id: again
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [ls]
            pluginDefaults:
              - type: io.kestra.plugin.scripts.shell.Commands
                values:
                  timeout: later
            """, "f.yml");

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(new SourcePosition(13, 16), d.Position));
        Assert.Equal(["tasks[0].timeout", "tasks[1].timeout"], result.Diagnostics.Select(d => d.Path));
    }
}
