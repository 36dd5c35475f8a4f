using System.Net;
using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary><c>POST /executions/{id}/resume</c>: Harrier has no Pause task yet, so no execution is ever paused (409).</summary>
public sealed class ResumeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Resume_OfAnExecutionThatIsNotPaused_Returns409_AndOfAnUnknownOne_Returns404()
    {
        var ns = ApiCalls.UniqueNamespace();
        await fixture.Http.DeployAsync(TestFlows.OneLog(ns));
        var done = await fixture.Http.ExecuteAsync(ns, "hello");

        using var resume = await fixture.Http.PostAsync($"executions/{done.Id()}/resume", null);
        using var unknown = await fixture.Http.PostAsync("executions/nope/resume", null);

        Assert.Contains("not PAUSED", (await resume.JsonAsync(HttpStatusCode.Conflict)).Error().Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
