using System.Text.Json;
using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Docker;

/// <summary>
/// Script tasks on the Docker runner through <c>harrier run</c>, against the real dockerd and the locally
/// built <c>harrier-test/busybox:1</c> image that scripts/setup provides (these tests fail, not skip, without them).
/// </summary>
public sealed class DockerFlowTests : IDisposable
{
    private const string Image = "harrier-test/busybox:1";
    private readonly string _directory = Directory.CreateTempSubdirectory("harrier-docker-flow-").FullName;

    [Fact]
    public void DockerRunnerTask_PublishesOutputsAndOutputFiles_ThatTheNextProcessTaskReads()
    {
        var run = Run("""
            id: docker
            namespace: tests.docker
            tasks:
              - id: inside
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: harrier-test/busybox:1
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
                  pullPolicy: NEVER
                outputFiles: [out.txt]
                commands:
                  - echo "from the container" > out.txt
                  - echo '::{"outputs":{"host":"'$(hostname)'"}}::'
              - id: outside
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  got.txt: "{{ outputs.inside.outputFiles['out.txt'] }}"
                commands:
                  - cat got.txt
            """);

        Assert.Equal(0, run.ExitCode);
        var inside = TaskRun(run, "inside");
        Assert.NotEqual(Environment.MachineName, inside.GetProperty("outputs").GetProperty("vars").GetProperty("host").GetString());
        Assert.StartsWith("harrier:///", inside.GetProperty("outputs").GetProperty("outputFiles").GetProperty("out.txt").GetString(), StringComparison.Ordinal);
        Assert.Contains(Logs(run), l => l.TaskId == "outside" && l.Message == "from the container");
    }

    [Fact]
    public void LegacyBashWithRunnerDocker_RunsInTheDockerOptionsImage_AndUploadsItsNamedOutputFile()
    {
        var run = Run("""
            id: legacy-docker
            namespace: tests.docker
            tasks:
              - id: legacy
                type: io.kestra.core.tasks.scripts.Bash
                runner: DOCKER
                dockerOptions:
                  image: harrier-test/busybox:1
                  pullPolicy: NEVER
                outputFiles: [first]
                commands:
                  - echo "in a container" > {{ outputFiles.first }}
                  - echo '::{"outputs":{"host":"'$(hostname)'"}}::'
            """);

        Assert.Equal(0, run.ExitCode);
        var legacy = TaskRun(run, "legacy");
        Assert.NotEqual(Environment.MachineName, legacy.GetProperty("outputs").GetProperty("vars").GetProperty("host").GetString());
        Assert.StartsWith("harrier:///", legacy.GetProperty("outputs").GetProperty("outputFiles").GetProperty("first").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRunnerDocker_RunsTasksWithoutTaskRunnerInContainers()
    {
        var run = Run("""
            id: default-docker
            namespace: tests.docker
            tasks:
              - id: plain
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: harrier-test/busybox:1
                commands:
                  - echo '::{"outputs":{"host":"'$(hostname)'"}}::'
            """, "--default-runner", "docker");

        Assert.Equal(0, run.ExitCode);
        Assert.NotEqual(Environment.MachineName, TaskRun(run, "plain").GetProperty("outputs").GetProperty("vars").GetProperty("host").GetString());
    }

    [Fact]
    public void Volumes_AreRefusedWithAHowToEnable_UnlessTheServerAllowsThem()
    {
        const string flow = """
            id: volumes
            namespace: tests.docker
            tasks:
              - id: mounted
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: harrier-test/busybox:1
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
                  pullPolicy: NEVER
                  volumes: ["/etc:/host-etc:ro"]
                commands:
                  - test -f /host-etc/hostname && echo mounted
            """;

        var refused = Run(flow);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(Logs(refused), l => l.Message.Contains("--allow-docker-volumes", StringComparison.Ordinal));

        var allowed = Run(flow, "--allow-docker-volumes");
        Assert.True(allowed.ExitCode == 0, allowed.Output + allowed.Error);
        Assert.Contains(Logs(allowed), l => l.Message == "mounted");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("VOLUME")]
    [InlineData("MOUNT")]
    public void ShellHelper_WorksInsideTheContainer_AndIsNeitherCollectedNorLeftBehind(string strategy)
    {
        var run = Run($$"""
            id: helpers
            namespace: tests.docker
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: inside
                    type: io.kestra.plugin.scripts.shell.Commands
                    containerImage: harrier-test/busybox:1
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      pullPolicy: NEVER
                      fileHandlingStrategy: {{strategy}}
                    inputFiles:
                      given.txt: "a file, so helpers come along"
                    outputFiles: ["**"]
                    commands:
                      - . "$HARRIER_HELPERS_SH"
                      - harrier_output answer 42
                      - echo data > result.txt
                  - id: after
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - test ! -e .harrier-helpers && echo "no helpers left"
            """);

        Assert.Equal(0, run.ExitCode);
        var inside = TaskRun(run, "inside").GetProperty("outputs");
        Assert.Equal("42", inside.GetProperty("vars").GetProperty("answer").GetString());
        Assert.Equal(["given.txt", "result.txt"], inside.GetProperty("outputFiles").EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains(Logs(run), l => l.TaskId == "after" && l.Message == "no helpers left");
    }

    private CliRun Run(string flow, params string[] extra)
    {
        var file = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".yml");
        File.WriteAllText(file, flow);
        var run = CliRun.Of(["run", file, "--json", "--logs", "--data-dir", Path.Combine(_directory, "data"), .. extra]);
        Assert.False(string.IsNullOrWhiteSpace(run.Output), $"no JSON (is dockerd running and {Image} built? run scripts/setup): {run.Error}");
        return run;
    }

    private static JsonElement TaskRun(CliRun run, string taskId) =>
        JsonDocument.Parse(run.Output).RootElement.GetProperty("taskRuns").EnumerateArray().Single(t => t.GetProperty("taskId").GetString() == taskId);

    private static List<(string? TaskId, string Message)> Logs(CliRun run) =>
        [.. JsonDocument.Parse(run.Output).RootElement.GetProperty("logs").EnumerateArray()
            .Select(l => (l.GetProperty("taskId").GetString(), l.GetProperty("message").GetString()!))];
}
