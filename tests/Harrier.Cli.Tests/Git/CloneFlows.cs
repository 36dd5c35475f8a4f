namespace Harrier.Cli.Tests.Git;

/// <summary>Flow texts for clone tests: a WorkingDirectory with a Clone and a shell child that inspects the result.</summary>
internal static class CloneFlows
{
    /// <summary>
    /// A WorkingDirectory whose Clone has <paramref name="cloneProperties"/> (YAML lines at clone-property
    /// indentation) and, when given, a shell Commands child <c>inspect</c> running <paramref name="inspect"/>.
    /// </summary>
    public static string Clone(string cloneProperties, params string[] inspect)
    {
        var yaml = $"""
            id: clone_test
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: clone
                    type: io.kestra.plugin.git.Clone
            {Indent(cloneProperties, 8)}
            """;
        if (inspect.Length > 0)
        {
            yaml += "\n" + $"""
                      - id: inspect
                        type: io.kestra.plugin.scripts.shell.Commands
                        commands:
                {string.Join('\n', inspect.Select(c => "              - " + Quote(c)))}
                """;
        }

        return yaml + "\n";
    }

    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Indent(string lines, int spaces) =>
        string.Join('\n', lines.Trim('\n').Split('\n').Select(l => new string(' ', spaces) + l));
}
