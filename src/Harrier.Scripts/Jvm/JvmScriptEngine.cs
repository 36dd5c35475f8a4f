using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Jvm;

/// <summary>
/// One of Kestra's in-JVM script engines (Groovy, Jython, Nashorn) behind its <c>Eval</c> and <c>FileTransform</c>
/// tasks. Kestra evaluates these scripts inside its own JVM; Harrier runs the engine's interpreter as a child process
/// with a small prelude (a helper file) that reads the request, binds Kestra's variables and runs the script.
/// </summary>
public abstract class JvmScriptEngine
{
    /// <summary>Kestra's package name: groovy, jython, nashorn.</summary>
    public abstract string Name { get; }

    public abstract string DisplayName { get; }

    public abstract ToolRequirement Tool { get; }

    public string EvalType => $"io.kestra.plugin.scripts.{Name}.Eval";

    public string FileTransformType => $"io.kestra.plugin.scripts.{Name}.FileTransform";

    /// <summary>The argv that runs the prelude on <paramref name="requestPath"/>.</summary>
    /// <param name="tool">The resolved interpreter.</param>
    /// <param name="helpersRoot">Where the helper files are (the prelude is under <c>&lt;root&gt;/&lt;name&gt;/</c>).</param>
    public abstract IReadOnlyList<string> BuildArgv(string tool, string helpersRoot, string requestPath);
}
