namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// A flow mixing sequential, parallel, ForEach and script tasks, each of whose runs appends one line to a marks file,
/// so a test can count how many times each step really ran. The <c>long</c> step writes its shell's pid first, so a test
/// can check that an interrupted one did not survive.
/// </summary>
internal static class CrashFlow
{
    /// <summary>The line each step appends, once per run; every one of them once in an uninterrupted execution.</summary>
    public static readonly string[] Steps = ["first", "p1", "p2", "p3", "item a", "item b", "item c", "item d", "py", "long"];

    public static string Yaml(string marks) => $$$"""
        id: crash
        namespace: tests.crash
        tasks:
          - id: first
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo first >> {{{marks}}}/marks
          - id: fan
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: p1
                type: io.kestra.plugin.scripts.shell.Commands
                commands: ["sleep 0.2; echo p1 >> {{{marks}}}/marks"]
              - id: p2
                type: io.kestra.plugin.scripts.shell.Commands
                commands: ["sleep 0.3; echo p2 >> {{{marks}}}/marks"]
              - id: p3
                type: io.kestra.plugin.scripts.shell.Commands
                commands: ["echo p3 >> {{{marks}}}/marks"]
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [a, b, c, d]
            concurrencyLimit: 2
            tasks:
              - id: item
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - sleep 0.15; echo "item {{ taskrun.value }}" >> {{{marks}}}/marks
          - id: py
            type: io.kestra.plugin.scripts.python.Script
            script: |
              import time
              time.sleep(0.2)
              print("python step")
              with open("{{{marks}}}/marks", "a") as marks:
                  marks.write("py\n")
          - id: long
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo $$ > {{{marks}}}/long-{{ taskrun.attemptsCount }}.pid; sleep 1.2; echo long >> {{{marks}}}/marks
          - id: last
            type: io.kestra.plugin.core.log.Log
            message: all steps ran
        """;
}
