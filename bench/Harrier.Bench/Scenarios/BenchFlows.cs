using System.Text;

namespace Harrier.Bench.Scenarios;

/// <summary>The YAML of the flows the scenarios run. Kept as text so a reader sees exactly what ran.</summary>
public static class BenchFlows
{
    public const string LogKind = "log";
    public const string ShellKind = "shell";
    public const string PythonKind = "python";
    public const string LinesKind = "lines";
    public const string NamespaceFilesKind = "nsfiles";
    public const string FilesKind = "files";
    public const string DockerKind = "docker";
    public const string CSharpKind = "csharp";
    public const string CSharpColdKind = "csharp-cold";
    public const string ForEachKind = "foreach";
    public const string ForEachAllKind = "foreach-all";

    /// <summary>The C# script of the C# scenarios (and of their floor, as app.cs).</summary>
    public const string CSharpScript = "Console.WriteLine(\"hello from C#\");";

    /// <summary>The image scripts/setup builds; the Docker scenario never pulls.</summary>
    public const string DockerImage = "harrier-test/busybox:1";

    public const string Namespace = "harrier.bench";

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
        // One task that gets every namespace file of harrier.bench (uploaded by the child before timing).
        NamespaceFilesKind => Sequential(1, _ => """
              - id: nsfiles
                type: io.kestra.plugin.scripts.shell.Commands
                namespaceFiles:
                  enabled: true
                commands:
                  - "true"
            """),
        // size bytes out of task a (outputFiles: into storage), into task b (inputFiles: out of storage).
        FilesKind => Sequential(1, _ => $$$"""
              - id: a
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles:
                  - big.bin
                commands:
                  - head -c {{{size}}} /dev/zero > big.bin
              - id: b
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  big.bin: "{{ outputs.a.outputFiles['big.bin'] }}"
                commands:
                  - wc -c big.bin
            """),
        DockerKind => Sequential(size, i => $"""
              - id: t{i}
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: {DockerImage}
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
                  pullPolicy: NEVER
                commands:
                  - "true"
            """),
        // The same script in every task: built once (by the warm-up), then started from Harrier's cache.
        CSharpKind => Sequential(size, i => $"""
              - id: t{i}
                type: io.kestra.plugin.scripts.dotnet.Script
                script: '{CSharpScript}'
            """),
        // A script never seen before in every task (a fresh comment each time the flow is made): every task builds.
        CSharpColdKind => Sequential(size, i => $"""
              - id: t{i}
                type: io.kestra.plugin.scripts.dotnet.Script
                script: |
                  // {Guid.NewGuid():N}
                  {CSharpScript}
            """),
        // One Log task per value: one iteration at a time (Kestra's default), or every iteration at once.
        ForEachKind => ForEach(size, 1),
        ForEachAllKind => ForEach(size, 0),
        _ => throw new ArgumentException($"Unknown flow kind '{kind}'; use log, shell, python, lines, nsfiles, files, docker, csharp, csharp-cold, foreach or foreach-all.", nameof(kind)),
    };

    private static string ForEach(int values, int concurrencyLimit) => $$$"""
        id: bench
        namespace: {{{Namespace}}}
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: "{{ range(1, {{{values}}}) }}"
            concurrencyLimit: {{{concurrencyLimit}}}
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "value {{ taskrun.value }}"
        """;

    private static string Sequential(int count, Func<int, string> task)
    {
        var yaml = new StringBuilder($"id: bench\nnamespace: {Namespace}\ntasks:\n");
        for (var i = 1; i <= count; i++)
        {
            yaml.Append(task(i)).Append('\n');
        }

        return yaml.ToString();
    }

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.TrimEnd('\n').Split('\n').Select(line => new string(' ', spaces) + line));
}
