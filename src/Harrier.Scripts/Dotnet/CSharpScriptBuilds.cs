using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Harrier.Core.Logs;
using Harrier.Scripts.Runners;

namespace Harrier.Scripts.Dotnet;

/// <summary>
/// Compiled C# scripts, cached by the hash of their text: the first run of a script translates it
/// (<see cref="CsxTranslator"/>), builds it once with <c>dotnet build</c> into <c>&lt;root&gt;/&lt;hash&gt;/bin</c>, and
/// every run after that starts the built assembly directly (<c>dotnet app.dll</c>, ~0.1 s) instead of paying
/// <c>dotnet run</c>'s up-to-date check (~0.35 s) or a build (~4 s).
/// </summary>
/// <remarks>
/// A build happens in a private staging folder that is moved into place once complete, so concurrent workers on one
/// machine never run a half-written build; two workers building the same script at once both succeed and one copy wins.
/// Within one process, builds of the same script wait for each other.
/// </remarks>
public sealed class CSharpScriptBuilds(string? rootDirectory = null)
{
    // Changes whenever the translation changes, so an older build of the same text is not reused.
    private const string TranslationVersion = "csx-to-file-app/1";
    private const string CompleteMarker = ".complete";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _building = new(StringComparer.Ordinal);

    /// <summary>Default: <c>&lt;temp&gt;/harrier-cache/csharp</c>, shared by the workers of a machine.</summary>
    public string RootDirectory { get; } = rootDirectory ?? Path.Combine(Path.GetTempPath(), "harrier-cache", "csharp");

    public async Task<CSharpBuildResult> PrepareAsync(CSharpBuildRequest request, CancellationToken cancellationToken)
    {
        var key = Key(request.Script, request.HelperSource);
        var directory = Path.Combine(RootDirectory, key);
        var assembly = Path.Combine(directory, "bin", "app.dll");
        if (File.Exists(Path.Combine(directory, CompleteMarker)))
        {
            return CSharpBuildResult.Built(assembly);
        }

        var gate = _building.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return File.Exists(Path.Combine(directory, CompleteMarker))
                ? CSharpBuildResult.Built(assembly)
                : await BuildAsync(request, directory, assembly, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<CSharpBuildResult> BuildAsync(CSharpBuildRequest request, string directory, string assembly, CancellationToken cancellationToken)
    {
        string source;
        try
        {
            source = CsxTranslator.Translate(request.Script, request.HelperSource);
        }
        catch (CsxTranslationException ex)
        {
            request.Logs.Log(TaskLogLevel.Error, ex.Message);
            return CSharpBuildResult.Failed(1, $"The C# script cannot run: {ex.Message}");
        }

        var staging = directory + ".tmp-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            var app = Path.Combine(staging, "app.cs");
            await File.WriteAllTextAsync(app, source, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var output = new BuildOutput();
            // No build servers: they would outlive the task (and the process runner stops whatever a task leaves behind).
            IReadOnlyList<string> argv =
            [
                request.DotnetPath, "build", app, "--artifacts-path", Path.Combine(staging, "artifacts"), "-o", Path.Combine(staging, "bin"),
                "--disable-build-servers", "-nologo", "-v", "q", "-clp:NoSummary",
            ];
            var result = await request.Runner.RunAsync(new TaskRunnerRequest(argv, staging) { Environment = request.Environment }, output, cancellationToken).ConfigureAwait(false);
            if (result.Killed)
            {
                return CSharpBuildResult.Stopped();
            }

            if (result.ExitCode != 0)
            {
                foreach (var line in output.Problems(staging))
                {
                    request.Logs.Log(TaskLogLevel.Error, line);
                }

                return CSharpBuildResult.Failed(result.ExitCode, $"The C# script did not compile (dotnet build exited {result.ExitCode}); the compiler's errors are logged above");
            }

            // Only the built program is kept: obj/ is ~300 KB per script and never read again.
            Directory.Delete(Path.Combine(staging, "artifacts"), recursive: true);
            await File.WriteAllTextAsync(Path.Combine(staging, CompleteMarker), string.Empty, CancellationToken.None).ConfigureAwait(false);
            Publish(staging, directory);
            request.Logs.Log(TaskLogLevel.Info, string.Create(CultureInfo.InvariantCulture,
                $"Compiled the C# script in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (cached: the next runs of the same script start at once)"));
            return CSharpBuildResult.Built(assembly);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void Publish(string staging, string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                // Left by a crash before its marker was written.
                Directory.Delete(directory, recursive: true);
            }

            Directory.Move(staging, directory);
        }
        catch (IOException) when (File.Exists(Path.Combine(directory, CompleteMarker)))
        {
            // Another worker published the same build first.
        }
    }

    private static string Key(string script, string helperSource)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(TranslationVersion + "\n" + helperSource + "\n" + script));
        return Convert.ToHexStringLower(bytes)[..32];
    }

    /// <summary>dotnet build's output; on failure only the error lines matter (and restore's, which say what is missing).</summary>
    private sealed class BuildOutput : ITaskOutputSink
    {
        private readonly List<string> _lines = [];

        public void OnStdout(string line) => _lines.Add(line);

        public void OnStderr(string line) => _lines.Add(line);

        public IEnumerable<string> Problems(string staging)
        {
            var errors = _lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
            // Paths of the private build folder mean nothing to the user; the script's own lines are named script.csx.
            return (errors.Count > 0 ? errors : _lines).Select(l => l.Replace(staging + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
        }
    }
}
