namespace Harrier.Scripts.Languages;

/// <summary>Every script language Harrier knows, and lookup by Kestra task type name.</summary>
public static class ScriptLanguages
{
    public static IReadOnlyList<IScriptLanguage> All { get; } =
    [
        new ShellLanguage(),
        new PythonLanguage(),
        new NodeLanguage(),
        new RLanguage(),
        new JuliaLanguage(),
        new RubyLanguage(),
        new PowerShellLanguage(),
        new GoLanguage(),
        new DenoLanguage(),
        new BunLanguage(),
        new LuaLanguage(),
        new PerlLanguage(),
        new PhpLanguage(),
        new DotnetLanguage(),
        new GroovyLanguage(),
        new JbangLanguage(),
    ];

    public static IScriptLanguage ByName(string name) =>
        All.FirstOrDefault(l => l.Name == name) ?? throw new ArgumentException($"Unknown script language '{name}'.", nameof(name));

    /// <summary>Finds the language of a Script or Commands type name (exact, case-sensitive like Java class names).</summary>
    public static bool TryFindByTypeName(string typeName, out IScriptLanguage language, out bool isCommandsTask)
    {
        foreach (var candidate in All)
        {
            if (candidate.ScriptTypeName == typeName || candidate.CommandsTypeName == typeName)
            {
                language = candidate;
                isCommandsTask = candidate.CommandsTypeName == typeName;
                return true;
            }
        }

        language = null!;
        isCommandsTask = false;
        return false;
    }
}
