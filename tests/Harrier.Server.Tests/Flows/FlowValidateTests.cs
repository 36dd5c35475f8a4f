using System.Net;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Processes;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Flows;

/// <summary><c>POST /flows/validate</c>: one result per document, with the problems <c>harrier flow validate</c> prints.</summary>
public sealed class FlowValidateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Broken = "id: broken\nnamespace: company.team\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    mesage: hi\n";

    [Fact]
    public async Task Validate_ReturnsOneResultPerDocument_NullConstraintsForValidOnes()
    {
        var body = TestFlows.OneLog("company.team") + "\n---\n" + Broken;

        using var response = await fixture.Http.PostAsync("flows/validate", ApiCalls.Yaml(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal((0, "hello", "company.team"), (results[0]!["index"]!.GetValue<int>(), results[0]!["flow"]!.GetValue<string>(), results[0]!["namespace"]!.GetValue<string>()));
        Assert.Null(results[0]!["constraints"]);
        Assert.Equal(("broken", 1), (results[1]!["flow"]!.GetValue<string>(), results[1]!["index"]!.GetValue<int>()));
        Assert.Contains("\n6:5: tasks[0].mesage: ", results[1]!["constraints"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiMessages_AreTheLinesOfHarrierFlowValidate_WithoutTheFileName()
    {
        using var folder = new TempDirectory();
        var file = folder.File("broken.yml");
        await File.WriteAllTextAsync(file, Broken);
        var (exit, cli) = await HarrierProcess.RunAsync(folder.Path, TimeSpan.FromSeconds(60), "flow", "validate", file);

        using var response = await fixture.Http.PostFlowAsync(Broken);

        var (_, errors) = (await response.JsonAsync(HttpStatusCode.UnprocessableEntity)).Error();
        Assert.Equal(1, exit);
        var lines = cli.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith(file, StringComparison.Ordinal)).ToList();
        Assert.Equal(lines.Select(l => l[(file.Length + 1)..]), errors);
    }
}
