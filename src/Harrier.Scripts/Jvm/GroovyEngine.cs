using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Jvm;

/// <summary>
/// Groovy Eval/FileTransform: <c>groovy -cp &lt;helpers&gt;/groovy HarrierEval.groovy request.json</c>. The helper folder on
/// the class path also holds Groovy sources of Kestra's <c>Counter</c> and <c>Timer</c> metric classes, so scripts
/// that import them compile unchanged.
/// </summary>
public sealed class GroovyEngine : JvmScriptEngine
{
    public override string Name => "groovy";

    public override string DisplayName => "Groovy";

    public override ToolRequirement Tool { get; } = new("groovy", "install Groovy (apt-get install groovy default-jre-headless)");

    public override IReadOnlyList<string> BuildArgv(string tool, string helpersRoot, string requestPath)
    {
        var folder = Path.Combine(helpersRoot, "groovy");
        return [tool, "-cp", folder, Path.Combine(folder, "HarrierEval.groovy"), requestPath];
    }
}
