using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Harrier.Server.Configuration;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Triggers;

/// <summary>A deployed flow's Webhook trigger, called over real HTTP: the key, the variables it gives, its conditions, wait.</summary>
public sealed class WebhookTriggerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string Hooked(string ns, string extra = "", string trigger = "") => $$$"""
        id: hooked
        namespace: {{{ns}}}
        inputs:
          - id: who
            type: STRING
            defaults: nobody
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: k3y-{{{ns.Length}}}
            inputs:
              who: "{{ trigger.body.user ?? 'anonymous' }}"
        {{{trigger}}}
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: "hello {{ inputs.who }}"
        {{{extra}}}
        """;

    private static string Key(string ns) => $"k3y-{ns.Length}";

    [Fact]
    public async Task APostWithTheKey_StartsTheFlow_WithBodyHeadersAndParametersAsTriggerVariables()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hooked(ns));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"executions/webhook/{ns}/hooked/{Key(ns)}?env=prod&env=dev")
        {
            Content = new StringContent("""{"user": "ada", "count": 3}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Event", "push");

        var created = await (await Http.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
        var execution = await fixture.Server.Server.Host.Engine.WaitAsync(created.Id(), CancellationToken.None);
        var stored = await Http.GetJsonAsync($"executions/{created.Id()}");

        Assert.Equal("SUCCESS", stored.State());
        Assert.Equal("ada", stored["inputs"]!["who"]!.GetValue<string>());
        var trigger = stored["trigger"]!;
        Assert.Equal("hook", trigger["id"]!.GetValue<string>());
        Assert.Equal("io.kestra.plugin.core.trigger.Webhook", trigger["type"]!.GetValue<string>());
        Assert.Equal(3, trigger["variables"]!["body"]!["count"]!.GetValue<long>());
        Assert.Equal(["push"], trigger["variables"]!["headers"]!["X-Event"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["prod", "dev"], trigger["variables"]!["parameters"]!["env"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(ns, created["namespace"]!.GetValue<string>());
        Assert.Contains("/ui/executions/", created["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Core.Executions.State.Success, execution.State);
    }

    [Fact]
    public async Task TextAndEmptyBodies_AreKeptAsTextOrLeftOut_OnGetAndPut()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hooked(ns));

        var put = await (await Http.PutAsync($"executions/webhook/{ns}/hooked/{Key(ns)}", new StringContent("not { json", Encoding.UTF8, "text/plain"))).JsonAsync(HttpStatusCode.OK);
        var get = await (await Http.GetAsync($"executions/webhook/{ns}/hooked/{Key(ns)}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("not { json", put["trigger"]!["variables"]!["body"]!.GetValue<string>());
        Assert.Null(get["trigger"]!["variables"]!["body"]);
        Assert.NotNull(get["trigger"]!["variables"]!["headers"]);
    }

    [Fact]
    public async Task AWrongKeyOrFlow_Is404_AndStartsNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hooked(ns));

        var wrongKey = await Http.PostAsync($"executions/webhook/{ns}/hooked/not-the-key", new StringContent("{}"));
        var wrongFlow = await Http.PostAsync($"executions/webhook/{ns}/nosuchflow/{Key(ns)}", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongFlow.StatusCode);
        Assert.DoesNotContain(Key(ns), await wrongKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task ConditionsThatDoNotHold_Answer204_AndStartNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hooked(ns, trigger: """
                conditions:
                  - type: io.kestra.plugin.core.condition.Expression
                    expression: "{{ trigger.body.user == 'ada' }}"
            """));

        var refused = await Http.PostAsync($"executions/webhook/{ns}/hooked/{Key(ns)}", new StringContent("""{"user": "bob"}""", Encoding.UTF8, "application/json"));
        var accepted = await Http.PostAsync($"executions/webhook/{ns}/hooked/{Key(ns)}", new StringContent("""{"user": "ada"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task WaitWithReturnOutputs_AnswersTheFlowOutputs_OnceTheExecutionEnded()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hooked(ns, trigger: """
                wait: true
                returnOutputs: true
            """, extra: """
            outputs:
              - id: greeting
                type: STRING
                value: "hi {{ inputs.who }}"
            """));

        var response = await Http.PostAsync($"executions/webhook/{ns}/hooked/{Key(ns)}", new StringContent("""{"user": "lin"}""", Encoding.UTF8, "application/json"));

        var outputs = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("hi lin", outputs["greeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADisabledWebhook_Is404()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hooked(ns, trigger: "    disabled: true"));

        var response = await Http.PostAsync($"executions/webhook/{ns}/hooked/{Key(ns)}", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413_AndStartsNothing()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Hooked(ns));

        var response = await Http.PostAsync($"executions/webhook/{ns}/hooked/{Key(ns)}", new ByteArrayContent(new byte[Api.Webhooks.WebhookVariables.MaxBodyBytes + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, (await Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task WithBasicAuthOn_AWebhookNeedsOnlyItsKey()
    {
        await using var server = await TestServer.StartAsync(o => o with { BasicAuth = new BasicAuthOptions("admin", "s3cret-pass") });
        var ns = ApiCalls.UniqueNamespace();
        await server.Http.DeployAsync(Hooked(ns));
        using var anonymous = new HttpClient { BaseAddress = server.Http.BaseAddress };

        var hook = await anonymous.PostAsync($"executions/webhook/{ns}/hooked/{Key(ns)}", new StringContent("{}"));
        var search = await anonymous.GetAsync("executions/search");

        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);
    }
}
