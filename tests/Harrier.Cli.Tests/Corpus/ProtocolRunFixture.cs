using System.Text;
using System.Text.Json;
using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Corpus;

/// <summary>
/// One <c>harrier run</c> of a flow with a task per case of <c>tests/corpus/protocol</c>: each prints a good outputs line
/// (<c>kept: 1</c>) and then the case's line, read from its file so no quoting or templating touches it.
/// </summary>
public sealed class ProtocolRunFixture : IDisposable
{
    private readonly ScratchDirectory _scratch = new("harrier-corpus-protocol-");

    public ProtocolRunFixture()
    {
        var flow = new StringBuilder("id: protocol_corpus\nnamespace: company.team\ntasks:\n");
        foreach (var name in CorpusFolder.Cases("protocol", "*.line"))
        {
            flow.Append($"  - id: {TaskId(name)}\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n")
                .Append("      - echo '::{\"outputs\":{\"kept\":1}}::'\n")
                .Append($"      - tail -n +2 '{Path.Combine(CorpusFolder.Folder("protocol"), name)}'\n");
        }

        var path = _scratch.Combine("protocol.yml");
        File.WriteAllText(path, flow.ToString());
        Run = CliRun.Of("run", path, "--json", "--logs", "--data-dir", _scratch.Combine("data"));
        Execution = Run.Output.TrimStart().StartsWith('{') ? JsonDocument.Parse(Run.Output).RootElement.Clone() : default;
    }

    internal CliRun Run { get; }

    public JsonElement Execution { get; }

    public static string TaskId(string caseName) => "p_" + Path.GetFileNameWithoutExtension(caseName);

    public void Dispose() => _scratch.Dispose();
}
