using System.Collections.Concurrent;
using System.Diagnostics;

namespace Harrier.Scripts.Commands;

/// <summary>
/// Finds the real Python interpreter of the worker once per PATH and caches it. The first
/// <c>python3</c> on PATH may be a pyenv shim that costs 0.3 s per start; asking it for
/// <c>sys.executable</c> once yields the absolute path of the real binary, which starts in 0.03 s.
/// </summary>
/// <remarks>A shim's per-directory version choice (.python-version) is resolved once, from the worker's directory.</remarks>
public sealed class PythonInterpreterResolver
{
    private static readonly string[] Candidates = ["python3", "python"];
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _cache = new(StringComparer.Ordinal);

    /// <summary>The absolute interpreter path for this PATH, or null when no Python answers.</summary>
    /// <remarks>The probe itself is not cancelled (its result is shared by every caller); waiting for it is.</remarks>
    public Task<string?> ResolveAsync(string path, CancellationToken cancellationToken) =>
        _cache.GetOrAdd(path, p => new Lazy<Task<string?>>(() => ProbeAsync(p))).Value.WaitAsync(cancellationToken);

    private static async Task<string?> ProbeAsync(string path)
    {
        foreach (var candidate in Candidates)
        {
            var startInfo = new ProcessStartInfo(candidate, ["-c", "import sys; print(sys.executable)"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            startInfo.Environment["PATH"] = path;
            try
            {
                using var process = Process.Start(startInfo);
                if (process is null)
                {
                    continue;
                }

                var output = await process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                await process.WaitForExitAsync(CancellationToken.None);
                var executable = output.Trim();
                if (process.ExitCode == 0 && Path.IsPathRooted(executable) && File.Exists(executable))
                {
                    return executable;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not on this PATH: try the next name.
            }
        }

        return null;
    }
}
