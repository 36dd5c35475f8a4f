namespace Harrier.Scripts.Helpers;

/// <summary>
/// Puts Harrier's helper library of every language on its interpreter's path, by environment
/// variables added to a task's environment: Python (PYTHONPATH: <c>import harrier</c>,
/// <c>from kestra import Kestra</c>), Node (NODE_PATH: <c>require('harrier')</c>,
/// <c>require('@kestra-io/libs')</c>), R (R_PROFILE_USER, chaining to the user's profile), Ruby
/// (RUBYLIB), PowerShell (PSModulePath), Julia (JULIA_LOAD_PATH), Perl (PERL5LIB), PHP
/// (PHP_INI_SCAN_DIR → include_path), Lua (LUA_PATH), Groovy (CLASSPATH: <c>import harrier.Harrier</c>) and shell
/// (<c>. "$HARRIER_HELPERS_SH"</c>).
/// </summary>
/// <remarks>Existing values are kept after Harrier's entry, so a user's own paths still work.</remarks>
public sealed class HelperEnvironment
{
    public const string ShellHelperVariable = "HARRIER_HELPERS_SH";
    public const string OriginalRProfileVariable = "HARRIER_R_PROFILE_USER_ORIGINAL";

    private readonly Lazy<string> _root;

    public HelperEnvironment(HelperEnvironmentOptions? options = null)
    {
        var directory = options?.Directory;
        // PublicationOnly: a refused folder (planted by another user) is not remembered, so removing it is enough to go on.
        _root = new Lazy<string>(() => HelperFiles.Extract(directory), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The folder holding the helper files (written on first use).</summary>
    public string RootDirectory => _root.Value;

    /// <summary>
    /// The variables to add to a task's environment, given the environment it would otherwise have
    /// (the worker's, when inherited, plus the task's <c>env</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> BuildVariables(IReadOnlyDictionary<string, string> baseEnvironment) =>
        BuildVariables(baseEnvironment, RootDirectory);

    /// <summary>The variables for helpers found under <paramref name="root"/> (as the task's process sees that path).</summary>
    public static IReadOnlyDictionary<string, string> BuildVariables(IReadOnlyDictionary<string, string> baseEnvironment, string root)
    {
        string Dir(string name) => Path.Combine(root, name);
        string? Existing(string name) => baseEnvironment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        string Prepend(string name, string entry, char separator, string? whenEmpty = null) =>
            Existing(name) is { } current ? entry + separator + current : entry + (whenEmpty ?? string.Empty);

        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HARRIER_HELPERS"] = root,
            [ShellHelperVariable] = Path.Combine(Dir("shell"), "harrier.sh"),
            ["PYTHONPATH"] = Prepend("PYTHONPATH", Dir("python"), ':'),
            ["NODE_PATH"] = Prepend("NODE_PATH", Dir("node"), ':'),
            ["RUBYLIB"] = Prepend("RUBYLIB", Dir("ruby"), ':'),
            ["PERL5LIB"] = Prepend("PERL5LIB", Dir("perl"), ':'),
            ["PSModulePath"] = Prepend("PSModulePath", Dir("powershell"), ':'),
            // A trailing ':' (or ';;' for Lua) keeps the interpreter's default search path after ours.
            ["JULIA_LOAD_PATH"] = Prepend("JULIA_LOAD_PATH", Dir("julia"), ':', ":"),
            ["LUA_PATH"] = Prepend("LUA_PATH", Path.Combine(Dir("lua"), "?.lua"), ';', ";;"),
            // A leading ':' keeps PHP's compiled-in scan directory (the distribution's extensions).
            ["PHP_INI_SCAN_DIR"] = (Existing("PHP_INI_SCAN_DIR") ?? string.Empty) + ":" + Path.Combine(Dir("php"), "conf.d"),
            ["HARRIER_PHP_HELPERS"] = Dir("php"),
            ["R_PROFILE_USER"] = Path.Combine(Dir("r"), "harrier-profile.R"),
            // Groovy compiles sources it finds on the class path; Java ignores a folder of .groovy files.
            ["CLASSPATH"] = Prepend("CLASSPATH", Dir("groovy"), ':'),
        };
        if (Existing("R_PROFILE_USER") is { } profile && profile != variables["R_PROFILE_USER"])
        {
            variables[OriginalRProfileVariable] = profile;
        }

        return variables;
    }
}
