namespace Harrier.Scripts.Jvm;

/// <summary>Every in-JVM script engine of Kestra's script plugins.</summary>
public static class JvmScriptEngines
{
    public static IReadOnlyList<JvmScriptEngine> All { get; } = [new GroovyEngine(), new JythonEngine(), new NashornEngine()];
}
