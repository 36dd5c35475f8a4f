using System.Diagnostics;
using System.Text;

namespace Harrier.TestKit.Git;

/// <summary>
/// Finds and runs the executables the git fixtures need. A missing tool fails the test with the command that
/// installs it (never a skip: CI runs scripts/setup, so a missing tool is a broken machine, not an option).
/// </summary>
public static class ExternalTool
{
    public const string InstallHint = "run scripts/setup (scripts/setup.d/40-git-servers.sh), or: apt-get install -y git openssh-server openssh-client";

    /// <summary>The absolute path of <paramref name="name"/> on PATH (or the absolute path given), or a failed test.</summary>
    public static string Require(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : throw new InvalidOperationException($"{name} is missing; {InstallHint}");
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"'{name}' is not on PATH; {InstallHint}");
    }

    /// <summary>Runs a tool to its end (bounded) and returns its trimmed stdout; a non-zero exit throws with stderr.</summary>
    public static string Run(string tool, string? workingDirectory, params string[] arguments) =>
        Run(tool, workingDirectory, null, arguments);

    public static string Run(string tool, string? workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within 60 s");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {stderr}");
        }

        return stdout.ToString().Trim();
    }
}
