using System.Globalization;
using Harrier.Bench.Harness;
using Harrier.Bench.InProcess;
using Harrier.Core.Engine;

namespace Harrier.Bench.Scenarios;

/// <summary>
/// Every scenario, in table order. Later issues add theirs here (one method each, or a catalog of their own).
/// </summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> Create(BenchSettings settings) =>
    [
        Engine(settings), Steps(settings, 100, 5), Steps(settings, 1000, 10), Steps(settings, 5000, 20),
        ForEach(settings, BenchFlows.ForEachKind, "one at a time"), ForEach(settings, BenchFlows.ForEachAllKind, "all at once"), Shell(settings), PythonScripts(settings), ThroughputShell(settings),
        ThroughputLog(settings), Logs(settings), Startup(settings), Expressions(settings),
        NamespaceFiles(settings), LargeFile(settings), Docker(settings), CSharpWarm(settings), CSharpCold(settings),
        .. ServerCatalog.Create(settings), .. Distributed.DistributedCatalog.Create(settings), .. Ui.UiCatalog.Create(settings),
    ];

    private static Scenario Engine(BenchSettings settings)
    {
        var size = settings.Size(200, 5);
        return new Scenario
        {
            Id = "engine",
            Title = $"Engine: {size} sequential Log tasks",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.LogKind, size, null)),
            Figure = m => $"{Ms(m.HarrierMs / size)} ms/task",
        };
    }

    /// <summary>
    /// Sequential Log steps at one size: with the store as the only source of truth (no execution cache), a step must
    /// cost the same at 5,000 steps as at 100 (issue 13's goal: within 1.3×).
    /// </summary>
    private static Scenario Steps(BenchSettings settings, int full, int quick)
    {
        var size = settings.Size(full, quick);
        return new Scenario
        {
            Id = $"steps-{full}",
            Title = $"Engine: {size} sequential Log steps (store only, no cache)",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.LogKind, size, null)),
            Figure = m => $"{Ms(m.HarrierMs / size)} ms/step",
            Target = full == 5000 ? "≤ 1.3× the 100-step cost per step" : null,
        };
    }

    /// <summary>
    /// A ForEach of 10,000 Log iterations (issue 16's goal: 100,000 in under a minute, so ≤ 0.6 ms per iteration). Compare
    /// with steps-5000 of the same run: an iteration costs a step plus what the ForEach adds.
    /// </summary>
    private static Scenario ForEach(BenchSettings settings, string kind, string how)
    {
        var size = settings.Size(10_000, 20);
        return new Scenario
        {
            Id = $"{kind}-10000",
            Title = $"Engine: ForEach of {size} Log iterations, {how}",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, kind, size, null)),
            Figure = m => $"{Ms(m.HarrierMs / size)} ms/iteration",
            Target = "≤ 0.6 ms/iteration (100,000 in under a minute)",
        };
    }

    private static Scenario Shell(BenchSettings settings)
    {
        var size = settings.Size(100, 5);
        return new Scenario
        {
            Id = "shell",
            Title = $"Shell: {size} sequential Commands [true] tasks",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.ShellKind, size, null)),
            Floor = () => Floors.Sequential(size, _ => ["/bin/sh", "-c", "true"]),
            FloorPeakRssKb = () => Floors.PeakRssKb(["/bin/sh", "-c", "true"]),
            FloorLabel = $"{size} × /bin/sh -c true",
            Figure = m => $"{Ms(m.OverheadPerUnitMs)} ms/task overhead",
            Target = "< 5 ms/task overhead",
        };
    }

    private static Scenario PythonScripts(BenchSettings settings)
    {
        var size = settings.Size(40, 3);
        var scripts = Path.Combine(settings.WorkDirectory, "python");
        var interpreter = "";
        return new Scenario
        {
            Setup = () =>
            {
                Directory.CreateDirectory(scripts);
                for (var i = 1; i <= size; i++)
                {
                    File.WriteAllText(Path.Combine(scripts, $"t{i}.py"), PythonWork.Script(i));
                }

                interpreter = Python.ResolveInterpreter();
            },
            Id = "python",
            Title = $"Python: {size} sequential Script tasks (~10 ms work each)",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.PythonKind, size, null)),
            Floor = () => Floors.Sequential(size, i => [interpreter, Path.Combine(scripts, $"t{i}.py")]),
            FloorPeakRssKb = () => Floors.PeakRssKb([interpreter, Path.Combine(scripts, "t1.py")]),
            FloorLabel = $"loop of {size} × python3 script.py",
            Figure = m => $"×{m.Ratio:F2}; {Ms(m.OverheadPerUnitMs)} ms/task overhead",
            Target = "ratio ≤ 1.3",
        };
    }

    private static Scenario ThroughputShell(BenchSettings settings)
    {
        var size = settings.Size(500, 10);
        var slots = new EngineOptions().WorkerSlots;
        return new Scenario
        {
            Id = "throughput-shell",
            Title = $"Throughput: {size} executions of a one-Commands-task flow, {slots} slots",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Throughput, BenchFlows.ShellKind, size, slots)),
            Floor = () => Floors.Parallel(size, slots, ["/bin/sh", "-c", "true"]),
            FloorPeakRssKb = () => Floors.PeakRssKb(["/bin/sh", "-c", "true"]),
            FloorLabel = $"{size} × /bin/sh -c true, {slots} at a time",
            Figure = m => $"{PerSecond(size, m.HarrierMs)} exec/s (floor {PerSecond(size, m.FloorMs!.Value)}/s)",
        };
    }

    private static Scenario ThroughputLog(BenchSettings settings)
    {
        var size = settings.Size(500, 10);
        return new Scenario
        {
            Id = "throughput-log",
            Title = $"Throughput: {size} executions of a one-Log-task flow, submitted at once",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Throughput, BenchFlows.LogKind, size, null)),
            Figure = m => $"{PerSecond(size, m.HarrierMs)} exec/s",
            Target = "≥ 300 exec/s",
        };
    }

    private static Scenario Logs(BenchSettings settings)
    {
        var size = settings.Size(1_000_000, 1000);
        var script = Path.Combine(settings.WorkDirectory, "lines.py");
        var interpreter = "";
        return new Scenario
        {
            Setup = () =>
            {
                Directory.CreateDirectory(settings.WorkDirectory);
                File.WriteAllText(script, PythonWork.PrintLines(size));
                interpreter = Python.ResolveInterpreter();
            },
            Id = "logs",
            Title = $"Logs: one task printing {size:N0} lines",
            Size = size,
            Harrier = () => AllLinesStored(InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.LinesKind, size, null)), size),
            Floor = () => Floors.Sequential(1, _ => [interpreter, script]),
            FloorPeakRssKb = () => Floors.PeakRssKb([interpreter, script]),
            FloorLabel = "the same script > /dev/null",
            Figure = m => $"×{m.Ratio:F2}; {m.OverheadPerUnitMs * 1000:F2} µs/line",
            Target = "≤ 2× and every line stored",
            // A repetition takes seconds; three (plus a warm-up) keep the whole run within minutes.
            Repetitions = settings.Quick ? 1 : 3,
        };
    }

    private static Scenario Startup(BenchSettings settings)
    {
        var run = new StartupRun(settings.HarrierPath, settings.WorkDirectory);
        return new Scenario
        {
            Id = "startup",
            Title = "Start-up: harrier run of a one-Log-task flow (whole process)",
            Size = 1,
            Harrier = run.Run,
            FloorLabel = "none",
            Figure = m => $"{m.HarrierMs:F0} ms wall",
            Target = "< 400 ms and < 120 MB",
            Repetitions = settings.Quick ? 1 : 9,
        };
    }

    private static Scenario Expressions(BenchSettings settings) => new()
    {
        Id = "expressions",
        Title = "Expressions: render a script-task template (BenchmarkDotNet)",
        Size = 1,
        Harrier = () => MicroBenchmark.Run("*TemplateRenderBenchmark*", settings.Quick, Path.Combine(settings.WorkDirectory, "bdn")),
        FloorLabel = "none",
        Figure = m => settings.Quick ? "dry run: one cold call, not a figure" : $"{m.HarrierMs * 1e6:F0} ns/render",
        // BenchmarkDotNet warms up and repeats on its own.
        Repetitions = 1,
        WarmUps = 0,
    };

    private static Scenario NamespaceFiles(BenchSettings settings)
    {
        var size = settings.Size(1000, 20);
        var source = Path.Combine(settings.WorkDirectory, "nsfiles");
        return new Scenario
        {
            Setup = () => NamespaceFileTree.WriteTo(source, size),
            Id = "nsfiles",
            Title = $"Namespace files: {size} × 1 KiB injected into one Commands task",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.NamespaceFilesKind, size, null)),
            Floor = () =>
            {
                var target = Path.Combine(settings.WorkDirectory, $"nsfiles-copy-{Guid.NewGuid():N}");
                try
                {
                    return Floors.Sequential(1, _ => ["cp", "-r", source, target]);
                }
                finally
                {
                    Directory.Delete(target, recursive: true);
                }
            },
            FloorPeakRssKb = () =>
            {
                var target = Path.Combine(settings.WorkDirectory, "nsfiles-copy-rss");
                try
                {
                    return Floors.PeakRssKb(["cp", "-r", source, target]);
                }
                finally
                {
                    Directory.Delete(target, recursive: true);
                }
            },
            FloorLabel = $"cp -r of the same {size} files",
            Figure = m => $"{m.HarrierMs:F0} ms for {size} files (whole one-task execution)",
            Target = "< 1 s for 1,000 files",
        };
    }

    private static Scenario LargeFile(BenchSettings settings)
    {
        var bytes = settings.Size(200 * 1024 * 1024, 1024 * 1024);
        var megabytes = bytes / (1024 * 1024);
        var folder = Path.Combine(settings.WorkDirectory, "files");
        // Harrier writes the file once (task a) and copies it twice: a's working directory → storage
        // (outputFiles), storage → b's working directory (inputFiles), then b reads it (wc -c). The floor
        // does exactly that with coreutils.
        IReadOnlyList<string> FloorCommand() =>
        [
            "/bin/sh", "-c",
            $"head -c {bytes} /dev/zero > {folder}/f && cp {folder}/f {folder}/g && cp {folder}/g {folder}/h && wc -c {folder}/h > /dev/null",
        ];
        void Clean()
        {
            foreach (var name in new[] { "f", "g", "h" })
            {
                File.Delete(Path.Combine(folder, name));
            }
        }

        return new Scenario
        {
            Setup = () => Directory.CreateDirectory(folder),
            Id = "files-200mb",
            Title = $"Files: {megabytes} MB from outputFiles to inputFiles (2 tasks)",
            Size = megabytes,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.FilesKind, bytes, null)),
            Floor = () =>
            {
                try
                {
                    return Floors.Sequential(1, _ => FloorCommand());
                }
                finally
                {
                    Clean();
                }
            },
            FloorPeakRssKb = () =>
            {
                try
                {
                    return Floors.PeakRssKb(FloorCommand());
                }
                finally
                {
                    Clean();
                }
            },
            FloorLabel = "head -c > f && cp f g && cp g h && wc -c h (Harrier's 2 copies)",
            Figure = m => $"×{m.Ratio:F2}; {m.OverheadPerUnitMs:F2} ms/MB overhead",
        };
    }

    private static Scenario Docker(BenchSettings settings)
    {
        var size = settings.Size(10, 1);
        IReadOnlyList<string> cli = ["docker", "run", "--rm", BenchFlows.DockerImage, "true"];
        return new Scenario
        {
            SkipReason = () => File.Exists("/var/run/docker.sock") ? null : "no Docker engine: run scripts/setup",
            Id = "docker",
            Title = $"Docker: {size} sequential Commands [true] tasks in {BenchFlows.DockerImage}",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.DockerKind, size, null)),
            Floor = () => Floors.Sequential(size, _ => cli),
            FloorPeakRssKb = () => Floors.PeakRssKb(cli),
            FloorLabel = $"{size} × docker run --rm {BenchFlows.DockerImage} true",
            Figure = m => $"×{m.Ratio:F2}; {m.HarrierMs / size:F0} vs {m.FloorMs / size:F0} ms/task",
            Target = "ratio ≤ 1.0",
        };
    }

    private static Scenario CSharpWarm(BenchSettings settings)
    {
        var size = settings.Size(10, 1);
        var app = Path.Combine(settings.WorkDirectory, "csharp", "app.cs");
        IReadOnlyList<string> floor = ["dotnet", "run", app];
        return new Scenario
        {
            Setup = () => CSharpApps.Write(app),
            Id = "csharp",
            Title = $"C#: {size} sequential Script tasks of one script, built once (warm start)",
            Size = size,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.CSharpKind, size, null)),
            Floor = () => Floors.Sequential(size, _ => floor),
            FloorPeakRssKb = () => Floors.PeakRssKb(floor),
            FloorLabel = $"{size} × dotnet run app.cs (SDK's cache warm)",
            Figure = m => $"{m.HarrierMs / size:F0} vs {m.FloorMs / size:F0} ms/task",
        };
    }

    private static Scenario CSharpCold(BenchSettings settings)
    {
        var folder = Path.Combine(settings.WorkDirectory, "csharp-cold");
        // A new folder per run: the SDK caches builds by the file's path, so each floor run builds from scratch too.
        IReadOnlyList<string> FreshApp() => ["dotnet", "run", "--disable-build-servers", CSharpApps.Write(Path.Combine(folder, Guid.NewGuid().ToString("N"), "app.cs"))];
        return new Scenario
        {
            Id = "csharp-cold",
            Title = "C#: one Script task of a script never run before (cold start: translate, build, run)",
            Size = 1,
            Harrier = () => InProcessChild.Run(new(InProcessRequest.Sequential, BenchFlows.CSharpColdKind, 1, null)),
            Floor = () => Floors.Sequential(1, _ => FreshApp()),
            FloorPeakRssKb = () => Floors.PeakRssKb(FreshApp()),
            FloorLabel = "dotnet run --disable-build-servers app.cs of a new file",
            Figure = m => $"{m.HarrierMs:F0} vs {m.FloorMs:F0} ms",
            // Each repetition builds twice on each side (warm-up and timed): three keep the run within minutes.
            Repetitions = settings.Quick ? 1 : 3,
        };
    }

    /// <summary>Dropped log lines would make any speed meaningless, so they fail the scenario.</summary>
    private static Measurement AllLinesStored(Measurement measurement, int lines)
    {
        var stored = measurement.LogLines ?? 0;
        return stored >= lines
            ? measurement
            : throw new InvalidOperationException($"Only {stored:N0} of {lines:N0} log lines were stored.");
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string PerSecond(int count, double milliseconds) => (count / (milliseconds / 1000)).ToString("F0", CultureInfo.InvariantCulture);
}
