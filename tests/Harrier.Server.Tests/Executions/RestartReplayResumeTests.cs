using System.Net;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>Restart (failed tasks again as new attempts, successful ones kept), replay (a new execution), resume (a paused execution goes on with its onResume inputs; 409 when it is not paused).</summary>
public sealed class RestartReplayResumeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string Flaky(string ns, string marks, string fixedFile) => $$$"""
        id: flaky
        namespace: {{{ns}}}
        tasks:
          - id: first
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo first >> '{{{marks}}}'
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b", "c"]
            tasks:
              - id: item
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "item {{ taskrun.value }}" >> '{{{marks}}}'
                  - test "{{ taskrun.value }}" != b || test -e '{{{fixedFile}}}'
          - id: last
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo last >> '{{{marks}}}'
        """;

    private async Task<System.Text.Json.Nodes.JsonObject> EndOfAsync(string id)
    {
        await using var follow = await SseClient.OpenAsync(Http, $"executions/{id}/follow");
        return (await follow.ReadToEndAsync(TimeSpan.FromSeconds(60))).Last().Json;
    }

    [Fact]
    public async Task Restart_OfAFailedExecution_RunsTheFailedTaskAgainAsANewAttempt_KeepsTheSuccessfulOnes_AndGoesOn()
    {
        using var folder = new TempDirectory();
        var (marks, fixedFile) = (folder.File("marks"), folder.File("fixed"));
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Flaky(ns, marks, fixedFile));
        var failed = await Http.ExecuteAsync(ns, "flaky");
        Assert.Equal("FAILED", failed.State());
        await File.WriteAllTextAsync(fixedFile, "");

        using var restart = await Http.PostAsync($"executions/{failed.Id()}/restart", null);

        Assert.Equal("RESTARTED", (await restart.JsonAsync(HttpStatusCode.OK)).State());
        var end = await EndOfAsync(failed.Id());
        Assert.Equal("SUCCESS", end.State());
        Assert.Equal(["first", "item a", "item b", "item b", "item c", "last"], await File.ReadAllLinesAsync(marks));
        var items = end["taskRunList"]!.AsArray().Where(r => r!["taskId"]!.GetValue<string>() == "item")
            .ToDictionary(r => r!["value"]!.GetValue<string>(), r => r!["attempts"]!.AsArray().Select(a => a!["state"]!["current"]!.GetValue<string>()).ToList());
        Assert.Equal(["SUCCESS"], items["a"]);
        Assert.Equal(["FAILED", "SUCCESS"], items["b"]);
        Assert.Equal(["SUCCESS"], items["c"]);
        Assert.Single(end.TaskRun("first")["attempts"]!.AsArray());
    }

    [Fact]
    public async Task Restart_OfASuccessfulOrUnknownExecution_IsRefused()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        var done = await Http.ExecuteAsync(ns, "hello");

        using var success = await Http.PostAsync($"executions/{done.Id()}/restart", null);
        using var unknown = await Http.PostAsync("executions/nope/restart", null);

        Assert.Contains("only a FAILED or KILLED", (await success.JsonAsync(HttpStatusCode.Conflict)).Error().Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Replay_StartsANewExecutionOfTheSameRevisionWithTheSameInputs()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$$"""
            id: echo
            namespace: {{{ns}}}
            inputs:
              - id: word
                type: STRING
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: "said {{ inputs.word }}"
            """);
        var original = await Http.ExecuteAsync(ns, "echo", inputs: ApiCalls.Form(("word", "again")));
        await Http.PutAsync($"flows/{ns}/echo", ApiCalls.Yaml($"id: echo\nnamespace: {ns}\ntasks:\n  - id: other\n    type: io.kestra.plugin.core.log.Log\n    message: changed\n"));

        using var replay = await Http.PostAsync($"executions/{original.Id()}/replay", null);
        using var fromTask = await Http.PostAsync($"executions/{original.Id()}/replay?taskRunId=x", null);

        var created = await replay.JsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(original.Id(), created.Id());
        var end = await EndOfAsync(created.Id());
        Assert.Equal(("SUCCESS", 1, "again"), (end.State(), end["flowRevision"]!.GetValue<int>(), end["inputs"]!["word"]!.GetValue<string>()));
        Assert.Contains(await Http.GetArrayAsync($"logs/{created.Id()}"), l => l!["message"]!.GetValue<string>() == "said again");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fromTask.StatusCode);
    }

    [Fact]
    public async Task Resume_OfAnExecutionThatIsNotPaused_Returns409_AndOfAnUnknownOne_Returns404()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        var done = await Http.ExecuteAsync(ns, "hello");

        using var resume = await Http.PostAsync($"executions/{done.Id()}/resume", null);
        using var unknown = await Http.PostAsync("executions/nope/resume", null);

        Assert.Contains("not PAUSED", (await resume.JsonAsync(HttpStatusCode.Conflict)).Error().Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Resume_OfAPausedExecution_GoesOnWithTheTypedOnResumeInputs_AfterRefusingAnInvalidValue()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$$"""
            id: approval
            namespace: {{{ns}}}
            tasks:
              - id: approve
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: approved
                    type: BOOLEAN
                  - id: note
                    type: STRING
                    defaults: none
              - id: after
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.approve.onResume.approved }} / {{ outputs.approve.onResume.note }}"
            """);
        var id = (await Http.ExecuteAsync(ns, "approval", wait: false)).Id();
        await PollAsync(() => Http.GetJsonAsync($"executions/{id}"), e => e.State() == "PAUSED");

        using var invalid = await Http.PostAsync($"executions/{id}/resume", ApiCalls.Form(("approved", "perhaps")));
        Assert.Contains("'perhaps' is not true or false", (await invalid.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
        Assert.Equal("PAUSED", (await Http.GetJsonAsync($"executions/{id}")).State());

        using var resume = await Http.PostAsync($"executions/{id}/resume", ApiCalls.Form(("approved", "true")));
        Assert.Equal(HttpStatusCode.NoContent, resume.StatusCode);
        var ended = await EndOfAsync(id);

        Assert.Equal("SUCCESS", ended.State());
        Assert.Equal("true / none", ended.TaskRun("after")["outputs"]!["value"]!.GetValue<string>());
        Assert.True(ended.TaskRun("approve")["outputs"]!["onResume"]!["approved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Resume_NamesTheInvalidFieldInItsPath_AndTakesAFileInputAsAFilePart()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$$"""
            id: upload
            namespace: {{{ns}}}
            tasks:
              - id: approve
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: copies
                    type: INT
                    min: 1
                  - id: memo
                    type: FILE
            """);
        var id = (await Http.ExecuteAsync(ns, "upload", wait: false)).Id();
        await PollAsync(() => Http.GetJsonAsync($"executions/{id}"), e => e.State() == "PAUSED");

        using var invalidForm = ApiCalls.Form(("copies", "0"));
        invalidForm.AddFile("memo", "memo.txt", "the memo");
        using var invalid = await Http.PostAsync($"executions/{id}/resume", invalidForm);
        var problem = (await invalid.JsonAsync(HttpStatusCode.UnprocessableEntity))["_embedded"]!["errors"]!.AsArray().Single()!;
        Assert.Equal("inputs.copies", problem["path"]!.GetValue<string>());

        using var form = ApiCalls.Form(("copies", "2"));
        form.AddFile("memo", "memo.txt", "the memo");
        using var resume = await Http.PostAsync($"executions/{id}/resume", form);
        Assert.Equal(HttpStatusCode.NoContent, resume.StatusCode);
        var ended = await EndOfAsync(id);

        Assert.Equal("SUCCESS", ended.State());
        var memo = ended.TaskRun("approve")["outputs"]!["onResume"]!["memo"]!.GetValue<string>();
        Assert.EndsWith("/memo.txt", memo, StringComparison.Ordinal);
        using var file = await Http.GetAsync($"executions/{id}/file?path={Uri.EscapeDataString(memo)}");
        Assert.Equal("the memo", await file.Content.ReadAsStringAsync());
    }

    private static async Task PollAsync(Func<Task<System.Text.Json.Nodes.JsonObject>> read, Func<System.Text.Json.Nodes.JsonObject, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!until(await read()))
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(50);
        }
    }
}
