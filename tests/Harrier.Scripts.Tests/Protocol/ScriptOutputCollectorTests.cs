using Harrier.Core.Logs;
using Harrier.Core.Metrics;
using Harrier.Scripts.Protocol;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Protocol;

public sealed class ScriptOutputCollectorTests
{
    private readonly RecordingLogSink _logs = new();
    private readonly ScriptOutputCollector _collector;

    public ScriptOutputCollectorTests()
    {
        _collector = new ScriptOutputCollector(_logs);
    }

    [Fact]
    public void Outputs_ConvertJsonToPlainValues_IntegersAsLongAndOtherNumbersAsDouble()
    {
        _collector.OnStdout("""::{"outputs":{"test":"value","int":2,"bool":true,"float":3.65,"list":[1,"a",null],"map":{"k":1.0}}}::""");

        var vars = _collector.Outputs;
        Assert.Equal("value", vars["test"]);
        Assert.Equal(2L, vars["int"]);
        Assert.Equal(true, vars["bool"]);
        Assert.Equal(3.65, vars["float"]);
        Assert.Equal(new List<object?> { 1L, "a", null }, vars["list"]);
        Assert.Equal(1.0, Assert.IsType<Dictionary<string, object?>>(vars["map"])["k"]);
        Assert.Equal(["test", "int", "bool", "float", "list", "map"], vars.Keys);
    }

    [Fact]
    public void Outputs_KeepNullValuesAsPresentKeys()
    {
        // §12.1 #6
        _collector.OnStdout("""::{"outputs": {"extract":null}}::""");

        Assert.True(_collector.Outputs.ContainsKey("extract"));
        Assert.Null(_collector.Outputs["extract"]);
        Assert.Equal(1, _collector.StdOutLineCount);
    }

    [Fact]
    public void Outputs_MergeShallowly_LaterKeysWinAndNestedObjectsAreReplaced()
    {
        _collector.OnStdout("""::{"outputs":{"a":1,"nested":{"x":1,"y":2}}}::""");
        _collector.OnStderr("""::{"outputs":{"b":2,"nested":{"z":3}}}::""");
        _collector.OnStdout("""::{"outputs":{"a":"again"}}::""");

        Assert.Equal("again", _collector.Outputs["a"]);
        Assert.Equal(2L, _collector.Outputs["b"]);
        Assert.Equal(["z"], Assert.IsType<Dictionary<string, object?>>(_collector.Outputs["nested"]).Keys);
    }

    [Fact]
    public void ProtocolLines_AreCountedButNeverLogged()
    {
        _collector.OnStdout("""::{"outputs":{"a":1}}::""");
        _collector.OnStderr("""::{"outputs":{"b":1}}::""");

        Assert.Equal(1, _collector.StdOutLineCount);
        Assert.Equal(1, _collector.StdErrLineCount);
        Assert.Empty(_logs.Lines);
    }

    [Fact]
    public void Metrics_AreParsedWithTags_CounterTimerAndGauge()
    {
        _collector.OnStdout("""::{"metrics":[{"name":"count","type":"counter","value":1,"tags":{"tag1":"i","tag2":"win","n":3,"none":null}}]}::""");
        _collector.OnStdout("""::{"metrics":[{"name":"time","type":"timer","value":2.12,"tags":{"tag1":"i"}},{"name":"g","type":"gauge","value":"7.5"}]}::""");

        var count = _collector.Metrics[0];
        Assert.Equal(new MetricEntry("count", MetricType.Counter, 1.0, count.Tags), count);
        Assert.Equal(new Dictionary<string, string> { ["tag1"] = "i", ["tag2"] = "win", ["n"] = "3" }, count.Tags);
        Assert.Equal(MetricType.Timer, _collector.Metrics[1].Type);
        Assert.Equal(2.12, _collector.Metrics[1].Value);
        Assert.Equal(("g", MetricType.Gauge, 7.5), (_collector.Metrics[2].Name, _collector.Metrics[2].Type, _collector.Metrics[2].Value));
        Assert.Empty(_collector.Metrics[2].Tags);
    }

    [Theory]
    [InlineData("PT2.12S", 2.12)]
    [InlineData("PT1M30S", 90)]
    [InlineData("P1DT1H", 90000)]
    [InlineData("3", 3)]
    public void Timer_AcceptsIso8601DurationsAndNumericStrings(string value, double seconds)
    {
        _collector.OnStdout($$"""::{"metrics":[{"name":"t","type":"timer","value":"{{value}}"}]}::""");

        Assert.Equal(seconds, Assert.Single(_collector.Metrics).Value, 6);
    }

    [Fact]
    public void Logs_AreReEmittedAtTheirOwnLevel()
    {
        _collector.OnStdout("""::{"logs":[{"level":"DEBUG","message":"dbg"},{"level":"INFO","message":"hi"},{"level":"warn","message":"w"}]}::""");

        Assert.Equal([(TaskLogLevel.Debug, "dbg"), (TaskLogLevel.Info, "hi"), (TaskLogLevel.Warn, "w")], _logs.Lines);
    }

    [Theory]
    [InlineData("""::{"outputs":{"a":1}""")]
    [InlineData("""::{"outputs":{"a":}}::""")]
    [InlineData("""::{"outputs":[1,2]}::""")]
    [InlineData("""::{"metrics":[{"name":"m","type":"histogram","value":1}]}::""")]
    [InlineData("""::{"metrics":[{"name":"m","type":"timer","value":"soon"}]}::""")]
    [InlineData("""::{"logs":[{"level":"WARNING","message":"x"}]}::""")]
    public void MalformedProtocolLines_AreReportedAtWarn_AndApplyNothing(string line)
    {
        _collector.OnStdout("""::{"outputs":{"kept":true}}::""");

        _collector.OnStdout(line);

        Assert.Equal(2, _collector.StdOutLineCount);
        Assert.Equal(["kept"], _collector.Outputs.Keys);
        Assert.Empty(_collector.Metrics);
        if (line.EndsWith("}::", StringComparison.Ordinal))
        {
            var (level, message) = Assert.Single(_logs.Lines);
            Assert.Equal(TaskLogLevel.Warn, level);
            Assert.StartsWith("Ignored an invalid outputs line", message, StringComparison.Ordinal);
        }
        else
        {
            // Not a protocol line at all (no closing delimiter): plain text at INFO.
            Assert.Equal((TaskLogLevel.Info, line), Assert.Single(_logs.Lines));
        }
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("[1, {\"deep\": 2e999}]")]
    public void AnOutputNumberBeyondADouble_IsReportedAtWarn_InsteadOfBecomingNull(string value)
    {
        _collector.OnStdout("::{\"outputs\":{\"big\":" + value + "}}::");

        Assert.Empty(_collector.Outputs);
        var (level, message) = Assert.Single(_logs.Lines);
        Assert.Equal(TaskLogLevel.Warn, level);
        Assert.Contains("is out of range (a double holds at most ±1.8e308); send it as a string", message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinesWithAPrefixOrLeadingSpace_AreNotProtocolLines()
    {
        _collector.OnStdout(""" ::{"outputs":{"a":1}}::""");
        _collector.OnStdout("""Trace: ::{"outputs":{"a":1}}::""");

        Assert.Empty(_collector.Outputs);
        Assert.Equal(2, _logs.Lines.Count);
    }

    [Fact]
    public void A5MegabyteOutputsLine_IsParsed()
    {
        var big = new string('x', 5_000_000);
        _collector.OnStdout("::{\"outputs\":{\"big\":\"" + big + "\"}}::");

        Assert.Equal(big, _collector.Outputs["big"]);
    }

    [Fact]
    public void MalformedHugeLine_IsQuotedShortInTheWarning()
    {
        _collector.OnStdout("::{" + new string('x', 1_000_000) + "}::");

        var (_, message) = Assert.Single(_logs.Lines);
        Assert.True(message.Length < 2_000);
    }

    [Fact]
    public void OrdinaryLines_StdoutIsInfoAndStderrIsErrorByDefault()
    {
        _collector.OnStdout("out");
        _collector.OnStderr("err");
        _collector.OnStdout("");

        Assert.Equal([(TaskLogLevel.Info, "out"), (TaskLogLevel.Error, "err"), (TaskLogLevel.Info, "")], _logs.Lines);
    }

    [Fact]
    public void StderrLevel_IsConfigurable()
    {
        var collector = new ScriptOutputCollector(_logs) { StderrLevel = TaskLogLevel.Warn };

        collector.OnStderr("err");

        Assert.Equal((TaskLogLevel.Warn, "err"), Assert.Single(_logs.Lines));
    }

    [Fact]
    public void Markers_SwitchStdoutToDebug_AreSwallowedAndNotCounted()
    {
        // §6.3, §12.5 #45
        _collector.OnStdout(ScriptOutputCollector.DebugMarker);
        _collector.OnStdout("installing");
        _collector.OnStderr("pip warning");
        _collector.OnStdout(ScriptOutputCollector.InfoMarker);
        _collector.OnStdout("result");

        Assert.Equal([(TaskLogLevel.Debug, "installing"), (TaskLogLevel.Error, "pip warning"), (TaskLogLevel.Info, "result")], _logs.Lines);
        Assert.Equal(2, _collector.StdOutLineCount);
        Assert.Equal(1, _collector.StdErrLineCount);
    }
}
