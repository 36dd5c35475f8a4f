using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Triggers;

/// <summary>The <c>trigger.Toggle</c> task on a real server: it disables and enables a registered trigger, as the API does.</summary>
public sealed class ToggleTaskTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    private static string Scheduled(string ns) => $$$"""
        id: scheduled
        namespace: {{{ns}}}
        triggers:
          - id: hourly
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 * * * *"
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: hello
        """;

    private static string Toggler(string ns, bool enabled, string trigger = "hourly") => $$$"""
        id: {{{Id(enabled)}}}
        namespace: {{{ns}}}
        tasks:
          - id: toggle
            type: io.kestra.plugin.core.trigger.Toggle
            flowId: scheduled
            trigger: {{{trigger}}}
            enabled: {{{(enabled ? "true" : "false")}}}
        """;

    private static string Id(bool enabled) => enabled ? "switch_on" : "switch_off";

    private async Task<bool> DisabledAsync(string ns)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var results = (await Http.GetJsonAsync($"triggers/{ns}/scheduled"))["results"]!.AsArray();
            if (results.Count > 0 || DateTime.UtcNow > deadline)
            {
                return Assert.Single(results)!["disabled"]!.GetValue<bool>();
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Toggle_DisablesAndEnablesATriggerOfAnotherFlowOfTheNamespace()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Scheduled(ns));
        Assert.False(await DisabledAsync(ns));

        await Http.DeployAsync(Toggler(ns, enabled: false));
        var off = await Http.ExecuteAsync(ns, Id(enabled: false));
        var whileOff = await DisabledAsync(ns);
        await Http.DeployAsync(Toggler(ns, enabled: true));
        var on = await Http.ExecuteAsync(ns, Id(enabled: true));

        Assert.Equal("SUCCESS", off["state"]!["current"]!.GetValue<string>());
        Assert.True(whileOff);
        Assert.Equal("SUCCESS", on["state"]!["current"]!.GetValue<string>());
        Assert.False(await DisabledAsync(ns));
    }

    [Fact]
    public async Task Toggle_OfATriggerThatIsNotRegistered_FailsNamingIt()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync(Scheduled(ns));
        await DisabledAsync(ns);
        await Http.DeployAsync(Toggler(ns, enabled: false, trigger: "nightly"));

        var execution = await Http.ExecuteAsync(ns, Id(enabled: false));
        var logs = await Http.GetArrayAsync($"logs/{execution["id"]!.GetValue<string>()}");

        Assert.Equal("FAILED", execution["state"]!["current"]!.GetValue<string>());
        Assert.Contains(logs, l => l!["message"]!.GetValue<string>().Contains($"no trigger 'nightly' registered for the flow {ns}.scheduled", StringComparison.Ordinal));
        Assert.False(await DisabledAsync(ns));
    }
}
