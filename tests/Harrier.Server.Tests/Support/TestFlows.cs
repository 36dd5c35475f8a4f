namespace Harrier.Server.Tests.Support;

/// <summary>Flow documents the tests deploy, each in the namespace the test gives.</summary>
public static class TestFlows
{
    public static string OneLog(string ns, string id = "hello", string message = "Hello from the server") => $"""
        id: {id}
        namespace: {ns}
        tasks:
          - id: greet
            type: io.kestra.plugin.core.log.Log
            message: "{message}"
        """;

    public static string Failing(string ns, string id = "failing") => $"""
        id: {id}
        namespace: {ns}
        tasks:
          - id: fail
            type: io.kestra.plugin.scripts.shell.Commands
            commands: ["exit 3"]
        """;

    /// <summary>A task that waits until <paramref name="release"/> exists (the test decides when it ends).</summary>
    public static string WaitsFor(string ns, string release, string id = "waiting") => $"""
        id: {id}
        namespace: {ns}
        tasks:
          - id: wait
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo started
              - while [ ! -e '{release}' ]; do sleep 0.05; done
              - echo released
        """;
}
