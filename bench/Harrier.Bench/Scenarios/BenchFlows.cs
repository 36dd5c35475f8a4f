using System.Text;

namespace Harrier.Bench.Scenarios;

/// <summary>The YAML of the flows the scenarios run. Kept as text so a reader sees exactly what ran.</summary>
public static class BenchFlows
{
    public const string LogKind = "log";
    public const string ShellKind = "shell";
    public const string PythonKind = "python";
    public const string LinesKind = "lines";

    public static string Create(string kind, int size) => kind switch
    {
        LogKind => Sequential(size, i => $"""
              - id: t{i}
                type: io.kestra.plugin.core.log.Log
                message: task {i} of {size}
            """),
        ShellKind => Sequential(size, i => $"""
              - id: t{i}
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - "true"
            """),
        PythonKind => Sequential(size, i => $"""
              - id: t{i}
                type: io.kestra.plugin.scripts.python.Script
                script: |
            {Indent(PythonWork.Script(i), 6)}
            """),
        LinesKind => Sequential(1, _ => $"""
              - id: print
                type: io.kestra.plugin.scripts.python.Script
                script: |
            {Indent(PythonWork.PrintLines(size), 6)}
            """),
        _ => throw new ArgumentException($"Unknown flow kind '{kind}'; use log, shell, python or lines.", nameof(kind)),
    };

    private static string Sequential(int count, Func<int, string> task)
    {
        var yaml = new StringBuilder("id: bench\nnamespace: harrier.bench\ntasks:\n");
        for (var i = 1; i <= count; i++)
        {
            yaml.Append(task(i)).Append('\n');
        }

        return yaml.ToString();
    }

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.TrimEnd('\n').Split('\n').Select(line => new string(' ', spaces) + line));
}
