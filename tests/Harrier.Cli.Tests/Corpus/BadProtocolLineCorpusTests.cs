using System.Text.Json;

namespace Harrier.Cli.Tests.Corpus;

/// <summary>
/// Every line of <c>tests/corpus/protocol</c> is ignored with one WARN saying why: the task still succeeds, keeps the
/// outputs it had and records no metric — all or nothing, as in Kestra.
/// </summary>
public sealed class BadProtocolLineCorpusTests(ProtocolRunFixture fixture) : IClassFixture<ProtocolRunFixture>
{
    public static TheoryData<string> Lines => CorpusFolder.TheoryOf("protocol", "*.line");

    [Theory]
    [MemberData(nameof(Lines))]
    public void BadProtocolLine_IsIgnoredWithAWarning_AndChangesNoOutputNorMetric(string name)
    {
        Assert.True(fixture.Execution.ValueKind == JsonValueKind.Object, fixture.Run.Output + fixture.Run.Error);
        var taskId = ProtocolRunFixture.TaskId(name);
        var run = fixture.Execution.GetProperty("taskRuns").EnumerateArray().Single(t => t.GetProperty("taskId").GetString() == taskId);
        var logs = fixture.Execution.GetProperty("logs").EnumerateArray()
            .Where(l => l.GetProperty("taskId").GetString() == taskId)
            .Select(l => (Level: l.GetProperty("level").GetString()!, Message: l.GetProperty("message").GetString()!)).ToList();

        Assert.Equal("SUCCESS", run.GetProperty("state").GetString());
        Assert.Equal("""{"kept":1}""", run.GetProperty("outputs").GetProperty("vars").GetRawText());
        Assert.Equal(0, run.GetProperty("metrics").GetArrayLength());
        var warning = Assert.Single(logs, l => l.Level == "WARN").Message;
        Assert.StartsWith(CorpusFolder.Field(Path.Combine(CorpusFolder.Folder("protocol"), name), "expect"), warning, StringComparison.Ordinal);
        Assert.True(warning.Length < 1000, $"the warning quotes the whole line ({warning.Length} characters)");
        Assert.DoesNotContain(logs, l => l.Level == "ERROR");
        CorpusFolder.AssertClear(warning, name);
    }
}
