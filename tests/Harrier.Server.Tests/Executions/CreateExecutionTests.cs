using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary><c>POST /executions/{ns}/{id}</c>: inputs from multipart forms (FILE inputs as parts), ?wait=true, labels, and refusals that store nothing.</summary>
public sealed class CreateExecutionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string InputsFlow(string ns) => $$$"""
        id: inputs
        namespace: {{{ns}}}
        inputs:
          - id: count
            type: INT
          - id: name
            type: STRING
            defaults: World
          - id: report
            type: FILE
            required: false
        tasks:
          - id: show
            type: io.kestra.plugin.core.log.Log
            message: "{{ inputs.count + 1 }} {{ inputs.name }}"
          - id: read
            type: io.kestra.plugin.scripts.shell.Commands
            runIf: "{{ inputs.report != null }}"
            inputFiles:
              data.csv: "{{ inputs.report }}"
            commands:
              - cat data.csv
        """;

    private async Task<long> ExecutionCountAsync(string ns) =>
        (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>();

    [Fact]
    public async Task PostExecution_WithWait_AnswersWhenItEnds_WithItsTaskRunsInKestrasShape()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));

        var execution = await Http.ExecuteAsync(ns, "hello");

        Assert.Equal("SUCCESS", execution.State());
        Assert.Equal(["CREATED", "RUNNING", "SUCCESS"], execution["state"]!["histories"]!.AsArray().Select(h => h!["state"]!.GetValue<string>()));
        Assert.NotNull(execution["state"]!["endDate"]);
        var run = execution.TaskRun("greet");
        Assert.Equal("SUCCESS", run["state"]!["current"]!.GetValue<string>());
        Assert.Equal("SUCCESS", Assert.Single(run["attempts"]!.AsArray())!["state"]!["current"]!.GetValue<string>());
        Assert.Equal(1, execution["flowRevision"]!.GetValue<int>());
        Assert.EndsWith($"/executions/{ns}/hello/{execution.Id()}", execution["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(execution.Id(), execution["labels"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "system.correlationId")!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostExecution_WithoutWait_AnswersAtOnce_AndTheExecutionEndsLater()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));

        var created = await Http.ExecuteAsync(ns, "hello", wait: false);

        Assert.Equal("CREATED", created.State());
        await using var follow = await SseClient.OpenAsync(Http, $"executions/{created.Id()}/follow");
        var last = (await follow.ReadToEndAsync()).Last();
        Assert.Equal(("end", "SUCCESS"), (last.Id, last.Json.State()));
    }

    [Fact]
    public async Task PostExecution_TypesFormFieldsAsInputs_AndStoresFileParts_ForTheTasks()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(InputsFlow(ns));
        using var form = ApiCalls.Form(("count", "41"));
        form.AddFile("report", "data.csv", "a,b\n1,2\n");

        var execution = await Http.ExecuteAsync(ns, "inputs", inputs: form);

        Assert.Equal("SUCCESS", execution.State());
        Assert.Equal(41, execution["inputs"]!["count"]!.GetValue<long>());
        Assert.Equal("World", execution["inputs"]!["name"]!.GetValue<string>());
        var uri = execution["inputs"]!["report"]!.GetValue<string>();
        Assert.StartsWith($"harrier:///{ns.Replace('.', '/')}/inputs/executions/{execution.Id()}/inputs/report/data.csv", uri, StringComparison.Ordinal);
        var logs = await Http.GetArrayAsync($"logs/{execution.Id()}");
        Assert.Contains(logs, l => l!["message"]!.GetValue<string>() == "42 World");
        Assert.Contains(logs, l => l!["message"]!.GetValue<string>() == "1,2");
    }

    [Fact]
    public async Task PostExecution_WithInvalidInputs_Returns422WithOneMessagePerInput_AndStoresNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(InputsFlow(ns));
        using var form = ApiCalls.Form(("count", "many"), ("colour", "red"), ("report", "harrier:///somewhere/else.csv"));

        using var response = await Http.PostAsync($"executions/{ns}/inputs", form);

        var body = await response.JsonAsync(HttpStatusCode.UnprocessableEntity);
        var (message, errors) = body.Error();
        Assert.StartsWith("Invalid entity: ", message, StringComparison.Ordinal);
        // 'colour' is not an input of the flow: ignored, as Kestra ignores it.
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("input 'count' (INT): ", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("input 'report' (FILE): send the file as a multipart file part", StringComparison.Ordinal));
        Assert.Contains(body["_embedded"]!["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "inputs.count");
        Assert.Equal(0, await ExecutionCountAsync(ns));
    }

    [Fact]
    public async Task PostExecution_WithAMissingRequiredInput_SaysWhichFormFieldToSend()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(InputsFlow(ns));

        using var response = await Http.PostAsync($"executions/{ns}/inputs", null);

        var error = Assert.Single((await response.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Errors);
        Assert.Equal("input 'count' (INT) is required; give it as the form field 'count'", error);
        Assert.Equal(0, await ExecutionCountAsync(ns));
    }

    [Fact]
    public async Task PostExecution_OfAnUnknownFlow_Returns404_AndOfADisabledFlow_Returns409()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns, "off") + "\ndisabled: true\n");

        using var unknown = await Http.PostAsync($"executions/{ns}/nope", null);
        using var disabled = await Http.PostAsync($"executions/{ns}/off", null);

        Assert.Contains("no flow", (await unknown.JsonAsync(HttpStatusCode.NotFound)).Error().Message, StringComparison.Ordinal);
        Assert.Contains("disabled", (await disabled.JsonAsync(HttpStatusCode.Conflict)).Error().Message, StringComparison.Ordinal);
        Assert.Equal(0, await ExecutionCountAsync(ns));
    }

    [Fact]
    public async Task PostExecution_WithGarbageMultipart_Returns422_AndWithAnotherBody_Returns415_StoringNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns));
        using var garbage = new ByteArrayContent(Encoding.UTF8.GetBytes("--xyz\r\nthis is not a part\r\n"));
        garbage.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        using var json = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json");

        using var garbled = await Http.PostAsync($"executions/{ns}/hello", garbage);
        using var unsupported = await Http.PostAsync($"executions/{ns}/hello", json);

        Assert.Contains("multipart", (await garbled.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", (await unsupported.JsonAsync(HttpStatusCode.UnsupportedMediaType)).Error().Message, StringComparison.Ordinal);
        Assert.Equal(0, await ExecutionCountAsync(ns));
    }

    [Fact]
    public async Task PostExecution_WithLabels_KeepsThem_AndRefusesSystemOnes()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(TestFlows.OneLog(ns) + "\nlabels:\n  team: data\n");

        var labelled = await Http.ExecuteAsync(ns, "hello?labels=env:prod&labels=team:ops".Replace("?", "?wait=true&", StringComparison.Ordinal), wait: false);
        using var system = await Http.PostAsync($"executions/{ns}/hello?labels=system.readOnly:true", null);

        var labels = labelled["labels"]!.AsArray().ToDictionary(l => l!["key"]!.GetValue<string>(), l => l!["value"]!.GetValue<string>());
        Assert.Equal(("ops", "prod"), (labels["team"], labels["env"]));
        Assert.Contains("reserved", (await system.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error().Message, StringComparison.Ordinal);
    }
}
