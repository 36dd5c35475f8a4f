using System.Diagnostics;

namespace Harrier.TestKit.Users;

/// <summary>
/// A real second local user (<c>harrier-probe</c>, created with useradd on first use) for tests of what another user of
/// the machine can do: commands run as it through util-linux <c>setpriv</c>. The tests run as root (CI and these
/// machines do); without root they fail saying so.
/// </summary>
public sealed class SecondUser
{
    public const string Name = "harrier-probe";

    private static readonly Lazy<SecondUser> Instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private SecondUser(uint uid, uint gid)
    {
        Uid = uid;
        Gid = gid;
    }

    public uint Uid { get; }

    public uint Gid { get; }

    public static SecondUser Get() => Instance.Value;

    /// <summary>The effective user id of this (test) process, from /proc.</summary>
    public static uint CurrentUid { get; } = uint.Parse(
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2],
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="script"/> with <c>/bin/sh -c</c> as this user (no supplementary groups); returns its exit code and output.</summary>
    public (int ExitCode, string Output) Run(string script, string? workingDirectory = null)
    {
        var (exitCode, output) = Exec("/usr/bin/setpriv", workingDirectory, $"--reuid={Uid}", $"--regid={Gid}", "--clear-groups", "--", "/bin/sh", "-c", script);
        return (exitCode, output);
    }

    /// <summary>As <see cref="Run"/>, failing the test when the command fails.</summary>
    public string MustRun(string script)
    {
        var (exitCode, output) = Run(script);
        return exitCode == 0 ? output : throw new InvalidOperationException($"as {Name}: '{script}' exited {exitCode}: {output}");
    }

    private static SecondUser Create()
    {
        if (CurrentUid != 0)
        {
            throw new InvalidOperationException($"these tests need root, to create and act as a second user ({Name}); run them as root (CI does)");
        }

        if (!File.Exists("/usr/bin/setpriv") || !File.Exists("/usr/sbin/useradd"))
        {
            throw new InvalidOperationException("setpriv and useradd are needed (apt-get install -y util-linux passwd)");
        }

        if (Exec("/usr/bin/id", null, "-u", Name).ExitCode != 0)
        {
            // Another test process may create it at the same moment: only the outcome matters.
            Exec("/usr/sbin/useradd", null, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", Name);
        }

        var uid = Exec("/usr/bin/id", null, "-u", Name);
        var gid = Exec("/usr/bin/id", null, "-g", Name);
        return uid.ExitCode == 0 && gid.ExitCode == 0
            ? new SecondUser(uint.Parse(uid.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture), uint.Parse(gid.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture))
            : throw new InvalidOperationException($"could not create the user {Name}: {uid.Output}");
    }

    private static (int ExitCode, string Output) Exec(string program, string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.GetAwaiter().GetResult());
    }
}
