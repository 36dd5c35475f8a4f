using System.Text.RegularExpressions;

namespace Harrier.Cli.Tests.Flows;

/// <summary>
/// Every file under Flows/Broken is rejected with the expected number of errors, one of them at the expected
/// line and column with a distinctive message; through the loader and through <c>harrier flow validate</c>.
/// </summary>
public sealed partial class BrokenFlowTests
{
    /// <summary>file, line, column, fragment of "path: message", total number of errors.</summary>
    public static TheoryData<string, int, int, string, int> Cases => new()
    {
        // YAML syntax and document shape
        { "truncated-quote.yml", 6, 14, "invalid YAML: While scanning a quoted scalar, found unexpected end of stream", 1 },
        { "truncated-flow-sequence.yml", 4, 51, "invalid YAML: While parsing a node, did not find expected node content", 1 },
        { "tabs.yml", 4, 1, "found invalid tab as indentation; YAML does not allow tabs for indentation, use spaces", 1 },
        { "duplicate-top-level-key.yml", 7, 1, "duplicate key 'id' (first written at line 1)", 1 },
        { "duplicate-task-key.yml", 7, 5, "duplicate key 'message' (first written at line 6)", 1 },
        { "empty.yml", 1, 1, "the document is empty; a flow needs at least 'id', 'namespace' and 'tasks'", 1 },
        { "comments-only.yml", 1, 1, "the document is empty", 1 },
        { "list-root.yml", 1, 1, "a flow must be a map with 'id', 'namespace' and 'tasks', found a list", 1 },
        { "scalar-root.yml", 1, 1, "a flow must be a map with 'id', 'namespace' and 'tasks', found a string", 1 },
        { "multiple-documents.yml", 7, 1, "the file holds more than one YAML document (---)", 1 },
        { "unknown-alias.yml", 6, 14, "unknown alias '*greeting'; define the anchor '&greeting'", 1 },
        { "complex-key.yml", 3, 3, "a map key must be a plain text, not a list", 1 },
        { "merge-key-not-map.yml", 5, 9, "a merge key (<<) takes a map or a list of maps", 1 },
        { "invalid-utf8.yml", 6, 18, "the file is not UTF-8 text", 1 },

        // required properties
        { "missing-id.yml", 1, 1, "id: must not be null: the property 'id' is required", 1 },
        { "missing-namespace.yml", 1, 1, "namespace: must not be null: the property 'namespace' is required", 1 },
        { "missing-tasks.yml", 1, 1, "tasks: must not be null: the property 'tasks' is required", 1 },
        { "empty-tasks.yml", 3, 8, "tasks: The 'tasks' property cannot be empty", 1 },
        { "null-tasks.yml", 3, 7, "tasks: must not be empty: give at least one task", 1 },
        { "task-missing-id.yml", 4, 5, "tasks[0].id: must not be null: the property 'id' is required", 1 },
        { "task-missing-type.yml", 4, 5, "tasks[0].type: must not be null: every task needs a 'type'", 1 },
        { "task-missing-id-and-type.yml", 4, 5, "tasks[0].id: must not be null: every task needs an 'id'", 2 },
        { "script-missing.yml", 4, 5, "tasks[0].script: must not be null: the property 'script' is required", 1 },
        { "commands-empty.yml", 6, 15, "tasks[0].commands: must hold at least 1 item", 1 },
        { "if-without-then.yml", 4, 5, "tasks[0].then: must not be null: the property 'then' is required", 1 },
        { "output-missing-value.yml", 8, 5, "outputs[0].value: must not be null: the property 'value' is required", 1 },
        { "trigger-schedule-without-cron.yml", 8, 5, "triggers[0].cron: must not be null: the property 'cron' is required", 1 },
        { "http-trigger-without-uri.yml", 8, 5, "triggers[0].uri: must not be null: the property 'uri' is required", 1 },
        { "concurrency-without-limit.yml", 4, 3, "concurrency.limit: must not be null", 1 },
        { "retry-constant-missing-interval.yml", 9, 7, "tasks[0].retry.interval: must not be null: a constant retry needs 'interval'", 1 },
        { "retry-random-missing-intervals.yml", 8, 7, "tasks[0].retry.minInterval: must not be null: a random retry needs 'minInterval'", 2 },
        { "input-array-without-item-type.yml", 4, 5, "inputs[0].itemType: must not be null", 1 },

        // unknown names, with suggestions
        { "unknown-top-level-key.yml", 7, 1, "variabels: unknown property 'variabels'; did you mean 'variables'?", 1 },
        { "script-trigger-unknown-property.yml", 10, 5, "triggers[0].exitCondtion: unknown property 'exitCondtion'; did you mean 'exitCondition'?", 1 },
        { "unknown-task-property.yml", 6, 5, "tasks[0].mesage: unknown property 'mesage'; did you mean 'message'?", 2 },
        { "unknown-type.yml", 5, 11, "tasks[0].type: unknown type 'io.kestra.plugin.core.log.Logg'; did you mean 'io.kestra.plugin.core.log.Log'?", 1 },
        { "unknown-short-type.yml", 5, 11, "tasks[0].type: unknown type 'python.Scirpt'; did you mean 'python.Script'?", 1 },
        { "ambiguous-short-type.yml", 5, 11, "type 'Script' is ambiguous: it could be 'io.kestra.plugin.scripts.shell.Script' or 'io.kestra.plugin.scripts.python.Script'", 1 },
        { "task-runner-unknown-type.yml", 9, 13, "tasks[0].taskRunner.type: unknown type 'io.kestra.plugin.scripts.runner.docker.Dockr'; did you mean 'io.kestra.plugin.scripts.runner.docker.Docker'?", 1 },
        { "input-unknown-type.yml", 5, 11, "inputs[0].type: unknown input type 'STRNG'; did you mean 'STRING'?", 1 },
        { "runner-as-task.yml", 5, 11, "'io.kestra.plugin.scripts.runner.docker.Docker' is a task runner, not a task; put it under a script task's 'taskRunner'", 1 },
        { "trigger-as-task.yml", 5, 11, "'io.kestra.plugin.core.trigger.Schedule' is a trigger, not a task; put it under 'triggers'", 1 },

        // wrong value types
        { "commands-as-map.yml", 7, 7, "tasks[0].commands: must be a list of texts, found a map", 1 },
        { "env-value-list.yml", 10, 9, "tasks[0].env.A: must be a text, found a list", 1 },
        { "timeout-not-duration.yml", 6, 14, "tasks[0].timeout: '5 minutes' is not an ISO-8601 duration", 1 },
        { "timeout-weeks.yml", 7, 14, "tasks[0].timeout: 'P1W' is not an ISO-8601 duration", 1 },
        { "failfast-quoted-yes.yml", 6, 15, "tasks[0].failFast: must be true or false, found 'yes'", 1 },
        { "failfast-plain-yes.yml", 8, 15, "tasks[0].failFast: must be true or false, found 'yes'", 1 },
        { "description-as-map.yml", 4, 3, "description: must be a text, found a map", 1 },
        { "input-files-as-list.yml", 7, 7, "tasks[0].inputFiles: must be a map of file name to content, or a text holding a JSON object; found a list", 1 },
        { "tasks-as-map.yml", 4, 3, "tasks: must be a list of tasks (each item starting with '- id:'), found a map", 1 },
        { "task-item-scalar.yml", 4, 5, "tasks[0]: a task must be a map with at least 'id' and 'type', found a string", 1 },
        { "plugin-defaults-values-not-map.yml", 5, 13, "pluginDefaults[0].values: must be a map, found a string", 1 },
        { "labels-invalid-list-item.yml", 6, 5, "labels[1]: a label in a list must be a map with 'key' and 'value' texts", 1 },

        // enums
        { "target-os-mac.yml", 6, 15, "tasks[0].targetOS: 'MAC' is not one of LINUX, WINDOWS, AUTO", 1 },
        { "log-level-invalid.yml", 7, 15, "tasks[0].logLevel: 'VERBOSE' is not one of TRACE, DEBUG, INFO, WARN, ERROR", 1 },
        { "docker-pull-policy-invalid.yml", 9, 19, "tasks[0].taskRunner.pullPolicy: 'SOMETIMES' is not one of IF_NOT_PRESENT, ALWAYS, NEVER", 1 },
        { "retry-unknown-type.yml", 8, 13, "tasks[0].retry.type: 'linear' is not one of constant, exponential, random", 1 },
        { "retry-zero-attempts.yml", 10, 20, "tasks[0].retry.maxAttempts: must be at least 1", 1 },
        { "plugin-default-invalid-value.yml", 6, 17, "tasks[0].targetOS: 'MAC' is not one of LINUX, WINDOWS, AUTO", 1 },

        // ids
        { "task-id-with-space.yml", 4, 9, "tasks[0].id: 'say hello' is not a valid task id", 1 },
        { "flow-id-with-slash.yml", 1, 5, "id: 'my/flow' is not a valid id", 1 },
        { "namespace-double-dot.yml", 2, 12, "namespace: 'company..team' is not a valid namespace", 1 },
        { "duplicate-id-nested.yml", 13, 17, "tasks[1].tasks[0].tasks[0].id: duplicate task id 'step' (first used at line 4)", 1 },
        { "duplicate-id-errors-finally.yml", 12, 9, "finally[0].id: duplicate task id 'cleanup' (first used at line 8)", 1 },
        { "input-duplicate-ids.yml", 6, 9, "inputs[1].id: duplicate input id 'name' (first declared at line 4)", 1 },

        // WorkingDirectory (spec §9.2, Kestra's exact messages)
        { "working-directory-parallel-child.yml", 8, 15, "tasks[0].tasks[0].type: Only runnable tasks are allowed as children of a WorkingDirectory task", 1 },
        { "nested-working-directory.yml", 8, 15, "tasks[0].tasks[0].type: Only runnable tasks are allowed as children of a WorkingDirectory task", 1 },
        { "working-directory-worker-group-child.yml", 9, 9, "tasks[0].tasks[0].workerGroup: Cannot set a Worker Group in any WorkingDirectory sub-tasks, it is only supported at the WorkingDirectory level", 1 },
        { "working-directory-empty-tasks.yml", 6, 12, "tasks[0].tasks: The 'tasks' property cannot be empty", 1 },

        // several errors at once
        // flowables whose shape a property declaration cannot express
        { "dag-cycle.yml", 8, 20, "tasks[0].tasks[0].dependsOn: the dependencies form a cycle: fetch -> publish -> transform -> fetch", 1 },
        { "dag-unknown-dependency.yml", 9, 28, "tasks[0].tasks[1].dependsOn[1]: 'transfrom' is not a task of this Dag; dependsOn names ids among: fetch, publish", 1 },
        { "dag-item-without-task.yml", 8, 9, "tasks[0].tasks[1].task: must not be null: each Dag item needs a 'task'", 1 },
        { "subflow-outputs-not-a-map.yml", 9, 7, "tasks[0].outputs: must be a map, found a list", 1 },
        { "foreachitem-missing-required.yml", 4, 5, "tasks[0].items: must not be null: the property 'items' is required", 3 },
        { "foreachitem-unknown-batch-field.yml", 10, 7, "tasks[0].batch.rowz: unknown property 'rowz'; did you mean 'rows'?", 1 },
        { "foreachitem-schedule-date.yml", 9, 19, "tasks[0].scheduleDate: a ForEachItem's 'scheduleDate' is not supported by Harrier", 1 },
        { "switch-cases-not-map.yml", 8, 7, "tasks[0].cases: must be a map whose keys are the values to match", 1 },

        { "several-errors.yml", 15, 19, "tasks[2].allowFailure: must be true or false, found 'maybe'", 6 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loader_RejectsTheFlow_WithTheErrorAtItsLineAndColumn(string file, int line, int column, string fragment, int count)
    {
        var path = FlowTestFiles.Broken(file);

        var result = FlowTestFiles.Loader.LoadFile(path);

        Assert.Null(result.Flow);
        Assert.False(result.IsValid);
        var all = string.Join('\n', result.Diagnostics);
        Assert.True(count == result.Diagnostics.Count, $"expected {count} errors, got:\n{all}");
        Assert.All(result.Diagnostics, d => Assert.Equal(path, d.File));
        Assert.True(
            result.Diagnostics.Any(d => d.Position.Line == line && d.Position.Column == column && d.ToString().Contains(fragment, StringComparison.Ordinal)),
            $"no error at {line}:{column} containing \"{fragment}\"; got:\n{all}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValidateCommand_ExitsOneAndPrintsEachErrorAsFileLineColumn(string file, int line, int column, string fragment, int count)
    {
        var path = FlowTestFiles.Broken(file);

        var run = CliRun.Of("flow", "validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        var lines = run.ErrorLines;
        Assert.Equal(count + 1, lines.Count);
        Assert.Equal("1 of 1 flow invalid", lines[^1]);
        Assert.All(lines.SkipLast(1), l => Assert.Matches(ErrorLine(), l));
        Assert.All(lines.SkipLast(1), l => Assert.StartsWith(path + ":", l));
        Assert.Contains(lines, l => l.StartsWith($"{path}:{line}:{column}: ", StringComparison.Ordinal) && l.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBrokenFile_HasARow()
    {
        var files = Directory.EnumerateFiles(Path.GetDirectoryName(FlowTestFiles.Broken("x"))!, "*.yml").Select(f => Path.GetFileName(f)).Order().ToList();
        var rows = Cases.Select(row => (string)row[0]).Order().ToList();

        Assert.True(rows.Count >= 40, $"only {rows.Count} rows");
        Assert.Equal(files, rows);
    }

    [Fact]
    public void SeveralErrors_AreAllReportedInLineOrder()
    {
        var result = FlowTestFiles.Loader.LoadFile(FlowTestFiles.Broken("several-errors.yml"));

        Assert.Equal(
            [
                (1, 5, "id"),
                (5, 11, "tasks[0].type"),
                (8, 10, "tasks[1].env"),
                (9, 14, "tasks[1].timeout"),
                (12, 9, "tasks[2].id"),
                (15, 19, "tasks[2].allowFailure"),
            ],
            result.Diagnostics.Select(d => (d.Position.Line, d.Position.Column, d.Path)));
    }

    [GeneratedRegex(@"^.+\.yml:\d+:\d+: .+$")]
    private static partial Regex ErrorLine();
}
