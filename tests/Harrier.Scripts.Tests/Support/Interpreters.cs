namespace Harrier.Scripts.Tests.Support;

/// <summary>
/// Finds a real interpreter for a test. A missing one fails the test with how to install it: CI runs
/// scripts/setup, so a skip would only hide a broken setup.
/// </summary>
internal static class Interpreters
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Folders scripts/setup installs into, searched after PATH.</summary>
    public static IReadOnlyList<string> ToolFolders { get; } =
    [
        System.IO.Path.Combine(RepositoryRoot, ".tools", "bin"),
        System.IO.Path.Combine(RepositoryRoot, ".tools", "pwsh"),
        System.IO.Path.Combine(RepositoryRoot, ".tools", "npm", "node_modules", ".bin"),
        "/usr/lib/go/bin",
    ];

    /// <summary>PATH for child processes: the test's PATH plus the tool folders.</summary>
    public static string SearchPath { get; } =
        string.Join(':', ToolFolders.Prepend(Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"));

    public static string Require(string name)
    {
        foreach (var folder in SearchPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{name}' is not installed on this machine. Run scripts/setup (it installs every script interpreter the tests use, see scripts/setup.d/20-languages.sh), then re-run the tests.");
        return name;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Harrier.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Harrier.slnx not found above the test binaries.");
    }
}
