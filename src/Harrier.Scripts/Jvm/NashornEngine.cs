using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Jvm;

/// <summary>
/// Nashorn (JavaScript on the JVM) Eval/FileTransform: <c>jjs -scripting &lt;helpers&gt;/nashorn/harrier-eval.js -- request.json</c>.
/// <c>jjs</c> ships with JDK 8–14 (Nashorn left the JDK in 15); Debian 12's Java 17 has none.
/// </summary>
public sealed class NashornEngine : JvmScriptEngine
{
    public override string Name => "nashorn";

    public override string DisplayName => "Nashorn";

    public override ToolRequirement Tool { get; } = new("jjs", "install a JDK that ships Nashorn's jjs (JDK 8 to 14), or the standalone Nashorn with a jjs launcher, so that 'jjs' is on PATH");

    public override IReadOnlyList<string> BuildArgv(string tool, string helpersRoot, string requestPath) =>
        [tool, "-scripting", Path.Combine(helpersRoot, "nashorn", "harrier-eval.js"), "--", requestPath];
}
