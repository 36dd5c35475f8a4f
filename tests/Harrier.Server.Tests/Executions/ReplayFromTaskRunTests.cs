using System.Net;
using System.Text.Json.Nodes;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>
/// Replay from a task run (Kestra's <c>POST /executions/{id}/replay?taskRunId=</c>): a new execution keeps copies of the
/// original's runs before that one, and runs it and what follows it again; its files are its own.
/// </summary>
public sealed class ReplayFromTaskRunTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private async Task<JsonObject> EndOfAsync(string id)
    {
        await using var follow = await SseClient.OpenAsync(Http, $"executions/{id}/follow");
        return (await follow.ReadToEndAsync(TimeSpan.FromSeconds(60))).Last().Json;
    }

    /// <summary>A shell task appending <paramref name="id"/> to <paramref name="marks"/>, as a list item at <paramref name="indent"/> spaces.</summary>
    private static string Mark(string marks, string id, int indent, string? dependsOn = null)
    {
        var pad = new string(' ', indent);
        var task = $"- id: {id}\n  type: io.kestra.plugin.scripts.shell.Commands\n  commands:\n    - echo \"{id}\" >> '{marks}'";
        if (dependsOn is not null)
        {
            // A Dag entry: the task under `task`, its dependencies beside it.
            task = $"- task:\n    {task[2..].Replace("\n", "\n  ", StringComparison.Ordinal)}\n  dependsOn: [{dependsOn}]";
        }

        return pad + task.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    private async Task<JsonObject> ReplayAsync(string executionId, string taskRunId)
    {
        using var response = await Http.PostAsync($"executions/{executionId}/replay?taskRunId={taskRunId}", null);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    private static string RunId(JsonObject execution, string taskId, string? value = null) =>
        execution["taskRunList"]!.AsArray()
            .First(r => r!["taskId"]!.GetValue<string>() == taskId && (value is null || r["value"]?.GetValue<string>() == value))!["id"]!.GetValue<string>();

    [Fact]
    public async Task ReplayFromAForEachIteration_RunsThatIterationAndWhatFollowsTheForEach_AndKeepsTheRest()
    {
        using var folder = new TempDirectory();
        var marks = folder.File("marks");
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($"""
            id: chain
            namespace: {ns}
            tasks:
            {Mark(marks, "first", 2)}
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: ["a", "b", "c"]
                tasks:
                  - id: item
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo "item {"{{"} taskrun.value {"}}"}" >> '{marks}'
            {Mark(marks, "last", 2)}
            """);
        var original = await Http.ExecuteAsync(ns, "chain");
        Assert.Equal("SUCCESS", original.State());
        File.WriteAllText(marks, "");

        var replay = await ReplayAsync(original.Id(), RunId(original, "item", "b"));

        Assert.NotEqual(original.Id(), replay.Id());
        Assert.Equal("RESTARTED", replay.State());
        var end = await EndOfAsync(replay.Id());
        Assert.Equal("SUCCESS", end.State());
        Assert.Equal(["item b", "last"], await File.ReadAllLinesAsync(marks));
        var runs = end["taskRunList"]!.AsArray();
        Assert.Equal(6, runs.Count);
        Assert.All(runs, r => Assert.Equal(replay.Id(), r!["executionId"]!.GetValue<string>()));
        Assert.DoesNotContain(runs, r => original["taskRunList"]!.AsArray().Any(o => o!["id"]!.GetValue<string>() == r!["id"]!.GetValue<string>()));
        Assert.Equal("SUCCESS", (await Http.GetJsonAsync($"executions/{original.Id()}")).State());
        // Kestra's lineage: one attempt more, the first execution named.
        Assert.Equal((2, original.Id()), (end["metadata"]!["attemptNumber"]!.GetValue<int>(), end["originalId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ReplayFromATaskInAParallel_KeepsItsSiblings_AndFromADagTask_RunsOnlyWhatDependsOnIt()
    {
        using var folder = new TempDirectory();
        var marks = folder.File("marks");
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($"""
            id: shapes
            namespace: {ns}
            tasks:
              - id: par
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
            {Mark(marks, "p1", 6)}
            {Mark(marks, "p2", 6)}
              - id: dag
                type: io.kestra.plugin.core.flow.Dag
                tasks:
            {Mark(marks, "d1", 6, dependsOn: "")}
            {Mark(marks, "d2", 6, dependsOn: "d1")}
            {Mark(marks, "d3", 6, dependsOn: "")}
            {Mark(marks, "d4", 6, dependsOn: "d2")}
            """);
        var original = await Http.ExecuteAsync(ns, "shapes");
        Assert.Equal("SUCCESS", original.State());

        File.WriteAllText(marks, "");
        var fromParallel = await EndOfAsync((await ReplayAsync(original.Id(), RunId(original, "p1"))).Id());
        var afterParallel = (await File.ReadAllLinesAsync(marks)).Order().ToList();
        File.WriteAllText(marks, "");
        var fromDag = await EndOfAsync((await ReplayAsync(original.Id(), RunId(original, "d2"))).Id());

        Assert.Equal(("SUCCESS", "SUCCESS"), (fromParallel.State(), fromDag.State()));
        Assert.Equal(["d1", "d2", "d3", "d4", "p1"], afterParallel);
        Assert.Equal(["d2", "d4"], (await File.ReadAllLinesAsync(marks)).Order().ToList());
    }

    [Fact]
    public async Task AReplayedTaskReadsTheFileAKeptTaskWrote_FromTheReplaysOwnCopy_EvenOnceTheOriginalIsDeleted()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$$"""
            id: files
            namespace: {{{ns}}}
            tasks:
              - id: write
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: ["out.txt"]
                commands:
                  - echo "written once" > out.txt
              - id: read
                type: io.kestra.plugin.core.log.Log
                message: "read {{ read(outputs.write.outputFiles['out.txt']) }}"
            """);
        var original = await Http.ExecuteAsync(ns, "files");
        Assert.Equal("SUCCESS", original.State());

        var replay = await ReplayAsync(original.Id(), RunId(original, "read"));
        using (var deleted = await Http.DeleteAsync($"executions/{original.Id()}"))
        {
            Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
        }

        var end = await EndOfAsync(replay.Id());
        Assert.Equal("SUCCESS", end.State());
        var uri = end.TaskRun("write")["outputs"]!["outputFiles"]!["out.txt"]!.GetValue<string>();
        Assert.Contains($"/executions/{replay.Id()}/tasks/write/", uri, StringComparison.Ordinal);
        Assert.Contains(await Http.GetArrayAsync($"logs/{replay.Id()}"), l => l!["message"]!.GetValue<string>().StartsWith("read written once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWholeReplayOfAnExecutionWithAFileInput_ReadsItsOwnCopyOfTheFile()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$$"""
            id: upload
            namespace: {{{ns}}}
            inputs:
              - id: data
                type: FILE
            tasks:
              - id: show
                type: io.kestra.plugin.core.log.Log
                message: "got {{ read(inputs.data) }}"
            """);
        var form = ApiCalls.Form();
        form.AddFile("data", "data.txt", "the upload");
        var original = await Http.ExecuteAsync(ns, "upload", inputs: form);
        Assert.Equal("SUCCESS", original.State());

        using var response = await Http.PostAsync($"executions/{original.Id()}/replay", null);
        var replay = await response.JsonAsync(HttpStatusCode.OK);
        var end = await EndOfAsync(replay.Id());

        Assert.Equal("SUCCESS", end.State());
        Assert.Contains($"/executions/{replay.Id()}/inputs/data/", end["inputs"]!["data"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(await Http.GetArrayAsync($"logs/{replay.Id()}"), l => l!["message"]!.GetValue<string>() == "got the upload");
        Assert.Equal((2, original.Id()), (end["metadata"]!["attemptNumber"]!.GetValue<int>(), end["originalId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ReplayWithARevision_RunsThatRevision_AndAnUnknownRevisionOrTaskRunIsRefusedWithTheReason()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($"id: rev\nnamespace: {ns}\ntasks:\n  - id: say\n    type: io.kestra.plugin.core.log.Log\n    message: one\n");
        var original = await Http.ExecuteAsync(ns, "rev");
        await Http.PutAsync($"flows/{ns}/rev", ApiCalls.Yaml($"id: rev\nnamespace: {ns}\ntasks:\n  - id: say\n    type: io.kestra.plugin.core.log.Log\n    message: two\n"));

        using var second = await Http.PostAsync($"executions/{original.Id()}/replay?revision=2&taskRunId={RunId(original, "say")}", null);
        using var missingRevision = await Http.PostAsync($"executions/{original.Id()}/replay?revision=9", null);
        using var missingRun = await Http.PostAsync($"executions/{original.Id()}/replay?taskRunId=nope", null);

        var end = await EndOfAsync((await second.JsonAsync(HttpStatusCode.OK)).Id());
        Assert.Equal(("SUCCESS", 2), (end.State(), end["flowRevision"]!.GetValue<int>()));
        Assert.Contains(await Http.GetArrayAsync($"logs/{end.Id()}"), l => l!["message"]!.GetValue<string>() == "two");
        Assert.Contains("no revision 9", (await missingRevision.JsonAsync(HttpStatusCode.NotFound)).Error().Message, StringComparison.Ordinal);
        Assert.Contains("has no task run 'nope'", (await missingRun.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayFromTheTaskThatFailed_RunsItAgainAsANewAttempt_WithoutTheErrorsBranchItRan_AndTheOriginalStaysFailed()
    {
        using var folder = new TempDirectory();
        var (marks, fixedFile) = (folder.File("marks"), folder.File("fixed"));
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($"""
            id: fails
            namespace: {ns}
            tasks:
            {Mark(marks, "before", 2)}
              - id: flaky
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo flaky >> '{marks}'
                  - test -e '{fixedFile}'
            {Mark(marks, "after", 2)}
            errors:
            {Mark(marks, "alert", 2)}
            """);
        var original = await Http.ExecuteAsync(ns, "fails");
        Assert.Equal("FAILED", original.State());
        File.WriteAllText(marks, "");
        await File.WriteAllTextAsync(fixedFile, "");

        var end = await EndOfAsync((await ReplayAsync(original.Id(), RunId(original, "flaky"))).Id());

        Assert.Equal("SUCCESS", end.State());
        Assert.Equal(["flaky", "after"], await File.ReadAllLinesAsync(marks));
        Assert.Equal(["FAILED", "SUCCESS"], end.TaskRun("flaky")["attempts"]!.AsArray().Select(a => a!["state"]!["current"]!.GetValue<string>()));
        Assert.DoesNotContain(end["taskRunList"]!.AsArray(), r => r!["taskId"]!.GetValue<string>() == "alert");
        Assert.Equal("FAILED", (await Http.GetJsonAsync($"executions/{original.Id()}")).State());
    }

    [Fact]
    public async Task ReplayFromATaskInsideAWorkingDirectory_RunsTheWholeWorkingDirectoryAgain_ItsTasksShareOneDirectory()
    {
        using var folder = new TempDirectory();
        var marks = folder.File("marks");
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($"""
            id: shared
            namespace: {ns}
            tasks:
              - id: dir
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: produce
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo produce >> '{marks}'
                      - echo made > made.txt
                  - id: consume
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - cat made.txt
                      - echo consume >> '{marks}'
            {Mark(marks, "after", 2)}
            """);
        var original = await Http.ExecuteAsync(ns, "shared");
        Assert.Equal("SUCCESS", original.State());
        File.WriteAllText(marks, "");

        var end = await EndOfAsync((await ReplayAsync(original.Id(), RunId(original, "consume"))).Id());

        Assert.Equal("SUCCESS", end.State());
        Assert.Equal(["produce", "consume", "after"], await File.ReadAllLinesAsync(marks));
    }
}
