namespace Harrier.Cli.Tests.Files;

/// <summary>
/// <c>nsfile://</c> and <c>namespaceFiles</c> reach namespace files only: never another execution's files through a
/// namespace that names a folder among executions, never outside through '..'. Another namespace's files stay
/// readable, as in Kestra's open-source edition.
/// </summary>
public sealed class NamespaceIsolationFlowTests : IDisposable
{
    private readonly FlowSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void NsfileUri_NamingAnExecutionsFolderAsANamespace_IsRefused_AndTheOtherExecutionsFileIsNotRead()
    {
        var producer = _sandbox.Run("""
            id: producer
            namespace: company.team
            tasks:
              - id: gen
                type: io.kestra.plugin.scripts.shell.Commands
                outputFiles: ["_files/secret.txt"]
                commands:
                  - mkdir _files && printf 'top-secret' > _files/secret.txt
            """);
        var stored = producer.OutputFiles("gen")["_files/secret.txt"];
        // harrier:///company/team/producer/executions/<id>/tasks/gen/<run>/_files/secret.txt, read as a "namespace".
        var segments = stored["harrier:///".Length..].Split('/');
        var fakeNamespace = string.Join('.', segments[..^2]);

        var thief = _sandbox.Run($$$"""
            id: thief
            namespace: company.team
            tasks:
              - id: steal
                type: io.kestra.plugin.core.log.Log
                message: "{{ read('nsfile://{{{fakeNamespace}}}/secret.txt') }}"
            """);

        Assert.Equal("FAILED", thief.State);
        Assert.Contains($"'{fakeNamespace}' is not a valid namespace: its files would lie among the executions of flow 'producer' of namespace 'company.team'", thief.AllLogs, StringComparison.Ordinal);
        Assert.DoesNotContain("top-secret", thief.AllLogs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nsfile://../company/team/x.txt", "'..' is not a valid namespace")]
    [InlineData("nsfile:///../x.txt", "'.' and '..' are not allowed in storage paths")]
    [InlineData("nsfile:///%2E%2E/x.txt", "'.' and '..' are not allowed in storage paths")]
    [InlineData("nsfile://company..team/x.txt", "'company..team' is not a valid namespace")]
    public void NsfileUri_WithTraversal_IsRefusedWithAClearError(string uri, string expected)
    {
        var run = _sandbox.Run($$$"""
            id: traversal
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: "{{ read('{{{uri}}}') }}"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(expected, run.AllLogs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("company.team.executions.abc")]
    [InlineData("/")]
    public void NamespaceFilesNamespaces_NotANamespace_FailTheTask(string ns)
    {
        var run = _sandbox.Run($$"""
            id: bad_namespaces
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.scripts.shell.Commands
                namespaceFiles:
                  namespaces: ["{{ns}}"]
                commands:
                  - echo never
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains($"namespaceFiles.namespaces: '{ns}' is not a valid namespace", run.AllLogs, StringComparison.Ordinal);
        Assert.DoesNotContain("never", run.Logs("t", "INFO"));
    }

    [Theory]
    [InlineData("put")]
    [InlineData("list")]
    [InlineData("get")]
    public void NsfilesCommand_OnNotANamespace_ExitsTwo_AndStoresNothing(string verb)
    {
        var file = _sandbox.WriteFile("up/a.txt", "a");
        _sandbox.Cli("nsfiles", "put", "company.team", file);
        var before = StoredFiles();
        string[] args = verb switch
        {
            "put" => ["nsfiles", "put", "..", file],
            "list" => ["nsfiles", "list", ".."],
            _ => ["nsfiles", "get", "..", "a.txt"],
        };

        var run = _sandbox.Cli(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'..' is not a valid namespace", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public void AnotherNamespacesFiles_AreReadable_AsInKestrasOpenSourceEdition()
    {
        _sandbox.Cli("nsfiles", "put", "company.shared", _sandbox.WriteFile("shared/greeting.txt", "hello from shared"));

        var run = _sandbox.Run("""
            id: reader
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: "{{ read('nsfile://company.shared/greeting.txt') }}"
            """);

        Assert.Equal("SUCCESS", run.State);
        Assert.Contains("hello from shared", run.Logs("t"));
    }

    private List<string> StoredFiles()
    {
        var root = Path.Combine(_sandbox.DataDir, "storage", "files");
        return Directory.Exists(root) ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order()] : [];
    }
}
