using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Jvm;

/// <summary>Jython Eval/FileTransform: <c>jython &lt;helpers&gt;/jython/harrier_eval.py request.json</c> (Jython 2.7: Python 2 syntax, Java classes importable).</summary>
public sealed class JythonEngine : JvmScriptEngine
{
    public override string Name => "jython";

    public override string DisplayName => "Jython";

    public override ToolRequirement Tool { get; } = new("jython", "install Jython (apt-get install jython)");

    public override IReadOnlyList<string> BuildArgv(string tool, string helpersRoot, string requestPath) =>
        [tool, Path.Combine(helpersRoot, "jython", "harrier_eval.py"), requestPath];
}
