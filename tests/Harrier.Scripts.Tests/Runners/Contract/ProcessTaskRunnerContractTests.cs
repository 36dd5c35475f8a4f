using System.Text;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;
using Harrier.Scripts.Tests.Support;
using Harrier.TestKit.Contracts;

namespace Harrier.Scripts.Tests.Runners.Contract;

/// <summary>
/// The TaskRunnerContract suite on local processes, started with posix_spawn (the Linux default; the setsid-binary
/// fallback runs it too, in <see cref="ProcessTaskRunnerSetsidLauncherContractTests"/>). What the run left is read from
/// /proc: every live process whose environment holds the run's marker, whatever its group or session.
/// </summary>
public class ProcessTaskRunnerContractTests : TaskRunnerContract
{
    protected virtual ChildLauncher Launcher => ChildLauncher.PosixSpawn;

    protected override Task<ITaskRunner> CreateRunnerAsync(int maxLineBytes) =>
        Task.FromResult<ITaskRunner>(new ProcessTaskRunner(new ProcessTaskRunnerOptions { MaxLineBytes = maxLineBytes, Launcher = Launcher }));

    protected override Task<IReadOnlyList<string>> FindLeftoversAsync(string runMarker) =>
        Task.FromResult<IReadOnlyList<string>>(MarkedProcesses(runMarker).Select(p => $"process {p.Pid} ({p.Name})").ToList());

    protected override Task RemoveLeftoversAsync(string runMarker)
    {
        // Only processes this suite started (they carry its marker), each by its pid.
        foreach (var (pid, _) in MarkedProcesses(runMarker))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Live (non-zombie) processes whose initial environment holds <c>HARRIER_CONTRACT_RUN=marker</c>.</summary>
    private static List<(int Pid, string Name)> MarkedProcesses(string runMarker)
    {
        var entry = Encoding.UTF8.GetBytes($"{RunMarkerVariable}={runMarker}\0");
        var found = new List<(int, string)>();
        foreach (var directory in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // A zombie's environment reads empty, so a dead-but-unreaped process never counts.
                var environment = File.ReadAllBytes($"{directory}/environ");
                if (environment.AsSpan().IndexOf(entry) >= 0 && ProcessState.IsRunning(pid))
                {
                    found.Add((pid, File.ReadAllText($"{directory}/comm").Trim()));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Exited while being read, or another user's.
            }
        }

        return found;
    }
}
