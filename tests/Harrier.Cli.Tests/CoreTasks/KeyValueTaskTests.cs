using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's KV tasks and <c>kv()</c> in real flows, on the data directory's store.</summary>
public sealed class KeyValueTaskTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SetGetKvFunctionGetKeysDelete_WorkTogether_KeepingTypes()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: kv_round_trip
            namespace: harrier.tests.kv
            tasks:
              - id: set_count
                type: io.kestra.plugin.core.kv.Set
                key: count
                value: "{{ 40 + 2 }}"
              - id: set_config
                type: io.kestra.plugin.core.kv.Set
                key: config
                value:
                  region: eu
                  sizes: [1, 2]
              - id: set_elsewhere
                type: io.kestra.plugin.core.kv.Set
                namespace: harrier.tests.other
                key: count
                value: other
              - id: get
                type: io.kestra.plugin.core.kv.Get
                key: count
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: "{{ kv('count') + 1 }} {{ kv('config').region }} {{ kv('count', 'harrier.tests.other') }} [{{ kv('missing', errorOnMissing=false) }}]"
              - id: keys
                type: io.kestra.plugin.core.kv.GetKeys
                prefix: co
              - id: delete
                type: io.kestra.plugin.core.kv.Delete
                key: count
              - id: delete_again
                type: io.kestra.plugin.core.kv.Delete
                key: count
              - id: get_missing
                type: io.kestra.plugin.core.kv.Get
                key: count
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(42, run.Run("get").GetProperty("outputs").GetProperty("value").GetInt64());
        Assert.Contains("43 eu other []", run.Messages("say"));
        Assert.Equal(["config", "count"], run.Run("keys").GetProperty("outputs").GetProperty("keys").EnumerateArray().Select(k => k.GetString()).Order());
        Assert.True(run.Run("delete").GetProperty("outputs").GetProperty("deleted").GetBoolean());
        Assert.False(run.Run("delete_again").GetProperty("outputs").GetProperty("deleted").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, run.Run("get_missing").GetProperty("outputs").GetProperty("value").ValueKind);
    }

    [Fact]
    public void KvAndErrorLogs_WorkInWhatTheExecutorEvaluates_AnIfsCondition_ARunIf_AndAForEachsValues()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: kv_in_planning
            namespace: harrier.tests.kv
            tasks:
              - id: set_flag
                type: io.kestra.plugin.core.kv.Set
                key: enabled
                value: true
              - id: set_regions
                type: io.kestra.plugin.core.kv.Set
                key: regions
                value: [eu, us]
              - id: branch
                type: io.kestra.plugin.core.flow.If
                condition: "{{ kv('enabled') }}"
                then:
                  - id: on
                    type: io.kestra.plugin.core.log.Log
                    message: flag on
                else:
                  - id: off
                    type: io.kestra.plugin.core.log.Log
                    message: flag off
              - id: skipped
                type: io.kestra.plugin.core.log.Log
                runIf: "{{ kv('missing', errorOnMissing=false) ?? false }}"
                message: never
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ kv('regions') }}"
                tasks:
                  - id: region
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
              - id: broken
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: planned failure
            errors:
              - id: report
                type: io.kestra.plugin.core.flow.If
                condition: "{{ errorLogs() | length > 0 }}"
                then:
                  - id: reported
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ errorLogs()[0].message }}"
            """);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["flag on"], run.Messages("on"));
        Assert.Empty(run.RunsOf("off"));
        Assert.Equal("SKIPPED", run.Run("skipped").GetProperty("state").GetString());
        Assert.Equal(["eu", "us"], run.Messages("region").Order());
        Assert.Contains(run.Messages("reported"), m => m.Contains("planned failure", StringComparison.Ordinal));
    }

    [Fact]
    public void OverwriteFalse_OnAnExistingKey_FailsTheTask_AndKeepsTheValue()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: kv_no_overwrite
            namespace: harrier.tests.kv2
            tasks:
              - id: first
                type: io.kestra.plugin.core.kv.Set
                key: token
                value: one
              - id: second
                type: io.kestra.plugin.core.kv.Set
                key: token
                value: two
                overwrite: false
            errors:
              - id: report
                type: io.kestra.plugin.core.log.Log
                message: "kept {{ kv('token') }}"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Equal("FAILED", run.StateOf("second"));
        Assert.Contains(run.Messages("second"), m => m.Contains("already exists", StringComparison.Ordinal));
        Assert.Contains("kept one", run.Messages("report"));
    }

    [Fact]
    public void GetWithErrorOnMissing_AndKvOfAMissingKey_FailNamingTheKey()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: kv_missing
            namespace: harrier.tests.kv3
            tasks:
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: get
                    type: io.kestra.plugin.core.kv.Get
                    key: nothing
                    errorOnMissing: true
                  - id: say
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ kv('nothing') }}"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Messages("get"), m => m.Contains("no key 'nothing'", StringComparison.Ordinal));
        Assert.Contains(run.Messages("say"), m => m.Contains("no key 'nothing'", StringComparison.Ordinal));
    }
}
