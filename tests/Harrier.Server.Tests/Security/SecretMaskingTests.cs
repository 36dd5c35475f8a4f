using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Security;

/// <summary>SECRET inputs never appear in clear in an API answer nor in a log line, though the tasks see them.</summary>
public sealed class SecretMaskingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task SecretInputs_AreMaskedInExecutions_SearchResults_LogsAndFollowers()
    {
        const string secret = "hunter2-very-secret";
        var ns = ApiCalls.UniqueNamespace();
        await fixture.Http.DeployAsync($$$"""
            id: secretive
            namespace: {{{ns}}}
            inputs:
              - id: password
                type: SECRET
            tasks:
              - id: echo
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "the password is {{ inputs.password }}"
                  - test "{{ inputs.password }}" = "{{{secret}}}" && echo "the task saw it"
                  - echo '::{"outputs":{"copied":"got {{ inputs.password }}"}}::'
            outputs:
              - id: leaked
                type: STRING
                value: "{{ outputs.echo.vars.copied }}"
            """);

        var execution = await fixture.Http.ExecuteAsync(ns, "secretive", inputs: ApiCalls.Form(("password", secret)));

        Assert.Equal("SUCCESS", execution.State());
        var answers = new List<string>
        {
            execution.Json(),
            (await fixture.Http.GetJsonAsync($"executions/{execution.Id()}")).Json(),
            (await fixture.Http.GetJsonAsync($"executions/search?namespace={ns}")).Json(),
            (await fixture.Http.GetArrayAsync($"logs/{execution.Id()}")).Json(),
            await fixture.Http.GetStringAsync($"logs/{execution.Id()}/download"),
        };
        await using (var follow = await SseClient.OpenAsync(fixture.Http, $"logs/{execution.Id()}/follow"))
        {
            answers.Add(string.Join("\n", (await follow.ReadToEndAsync()).Select(e => e.Data)));
        }

        Assert.All(answers, answer => Assert.DoesNotContain(secret, answer, StringComparison.Ordinal));
        Assert.Contains("the task saw it", answers[3], StringComparison.Ordinal);
        Assert.Contains("the password is ******", answers[3], StringComparison.Ordinal);
        Assert.True(execution.TaskRun("echo")["outputs"]?["vars"]?["copied"]?.GetValue<string>() == "got ******", execution.Json());
        Assert.Equal("got ******", execution["outputs"]!["leaked"]!.GetValue<string>());
    }
}
