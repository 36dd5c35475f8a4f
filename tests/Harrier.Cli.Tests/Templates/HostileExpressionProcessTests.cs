using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Templates;

/// <summary>
/// Expressions built to crash or exhaust Harrier, through the real executable (a stack overflow would kill this test
/// process otherwise): each ends in a clear, positioned error and a normal exit code, never exit 134 and a stack trace.
/// </summary>
public sealed class HostileExpressionProcessTests : IDisposable
{
    private static readonly string DeepParentheses = "{{ " + new string('(', 4_000) + "1" + new string(')', 4_000) + " }}";
    private static readonly string DeepBrackets = "{{ " + new string('[', 10_000) + "1" + new string(']', 10_000) + " }}";

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task TemplateRender_OfThousandsOfNestedBrackets_FailsWithAPositionedError()
    {
        foreach (var template in new[] { DeepParentheses, DeepBrackets })
        {
            using var cli = CliProcess.Start(_scratch.Path, "template", "render", template);
            var exitCode = await cli.ExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.StartsWith("The expression nests deeper than 100 levels", cli.Error, StringComparison.Ordinal);
            Assert.Contains("at line 1, column ", cli.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", cli.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FlowValidate_OfADeeplyNestedExpression_ReportsFileLineAndColumn()
    {
        File.WriteAllText(_scratch.Combine("deep.yml"), $"""
            id: deep
            namespace: company.team
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{DeepParentheses}"
            """);

        using var cli = CliProcess.Start(_scratch.Path, "flow", "validate", "deep.yml");
        var exitCode = await cli.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Matches(@"^deep\.yml:6:\d+: tasks\[0\]\.message: invalid expression: The expression nests deeper than 100 levels", cli.Error);
        Assert.DoesNotContain("   at ", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhereATaskPrintsADeepExpressionAndTheNextRendersIt_FailsThatTask_AndHarrierLivesOn()
    {
        File.WriteAllText(_scratch.Combine("render.yml"), """
            id: render_attack
            namespace: company.team
            tasks:
              - id: gen
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - python3 -c "print('::{\"outputs\":{\"e\":\"' + chr(123) * 2 + '(' * 4000 + '1' + ')' * 4000 + chr(125) * 2 + '\"}}::')"
              - id: use
                type: io.kestra.plugin.core.log.Log
                message: "{{ render(outputs.gen.vars.e) }}"
            errors:
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: harrier is still alive
            """);

        using var cli = CliProcess.Start(_scratch.Path, "run", "render.yml", "--data-dir", _scratch.Combine("data"));
        var exitCode = await cli.ExitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(1, exitCode);
        var text = cli.Output + cli.Error;
        Assert.Contains("The expression nests deeper than 100 levels", text, StringComparison.Ordinal);
        Assert.Contains("harrier is still alive", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Stack overflow", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OfAHugeRangeAndAnEndlessNestedLoop_FailsEachTaskClearly()
    {
        File.WriteAllText(_scratch.Combine("loops.yml"), """
            id: loops
            namespace: company.team
            tasks:
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: huge_range
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ range(1, 100000000) | length }}"
                  - id: endless
                    type: io.kestra.plugin.core.log.Log
                    message: "{% for i in range(1, 100000) %}{% for j in range(1, 100000) %}x{% endfor %}{% endfor %}"
            """);

        using var cli = CliProcess.Start(_scratch.Path, "run", "loops.yml", "--data-dir", _scratch.Combine("data"));
        var exitCode = await cli.ExitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(1, exitCode);
        var text = cli.Output + cli.Error;
        Assert.Equal(2, text.Split("went past 1,000,000 loop iterations and range items").Length - 1);
    }

    [Fact]
    public async Task CtrlC_WhileATaskRendersForLong_KillsTheExecution_AndHarrierEndsWithIt()
    {
        // Under every limit but slow: 800,000 upper-casings of a 600 kB text would take minutes, so only the 30 s time
        // limit or a kill ends it.
        File.WriteAllText(_scratch.Combine("slow.yml"), """
            id: slow_render
            namespace: company.team
            tasks:
              - id: slow
                type: io.kestra.plugin.core.log.Log
                message: "{% set s = range(1, 100000) | join(',') %}{% for i in range(1, 800000) %}{% set t = s | upper %}{% endfor %}done"
            """);
        var data = _scratch.Combine("data");
        using var cli = CliProcess.Start(_scratch.Path, "run", "slow.yml", "--data-dir", data);
        Assert.True(await Eventually.TrueAsync(() => Flows.CliRun.Of("executions", "list", "--data-dir", data).Output.Contains("RUNNING", StringComparison.Ordinal), TimeSpan.FromSeconds(60)));
        await Task.Delay(500);

        cli.Signal(CliProcess.SigInt);
        var exitCode = await cli.ExitAsync(TimeSpan.FromSeconds(20));

        // The execution ended (KILLED): harrier run exits 1 as for any execution that did not succeed, not 130 after
        // giving up on a task that would not stop.
        Assert.Equal(1, exitCode);
        Assert.Contains("Task killed", cli.Output + cli.Error, StringComparison.Ordinal);
        var listed = Flows.CliRun.Of("executions", "list", "--data-dir", data).Output;
        Assert.Contains("KILLED", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("KILLING", listed, StringComparison.Ordinal);
    }
}
