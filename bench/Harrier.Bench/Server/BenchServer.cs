using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Harrier.Bench.Server;

/// <summary>
/// <c>harrier server standalone</c> (the published CLI) as the server scenarios run it — or one role of it
/// (<c>executor</c>, <c>worker</c>, <c>webserver</c>) on a shared database given by a configuration file: on a free
/// loopback port, with a data directory; ready when <c>/health</c> answers 200; stopped with SIGTERM. Its memory is read
/// from /proc.
/// </summary>
public sealed class BenchServer : IDisposable
{
    private readonly Process _process;

    private BenchServer(Process process, Uri root, TimeSpan ready)
    {
        _process = process;
        Root = root;
        ReadyAfter = ready;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(root, "/api/v1/main/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri Root { get; }

    public HttpClient Http { get; }

    /// <summary>From the process start to the first 200 of /health.</summary>
    public TimeSpan ReadyAfter { get; }

    /// <param name="workers">Worker slots (<c>--workers</c> of standalone, <c>--slots</c> of a worker); null: the default.</param>
    /// <param name="role">The <c>harrier server</c> subcommand.</param>
    /// <param name="config">A configuration file (<c>--config</c>), e.g. naming a PostgreSQL database; null: none.</param>
    public static async Task<BenchServer> StartAsync(string harrierPath, string dataDirectory, int? workers = null, string role = "standalone", string? config = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(harrierPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["server", role, "--port", port.ToString(CultureInfo.InvariantCulture), "--data-dir", dataDirectory])
        {
            start.ArgumentList.Add(argument);
        }

        if (workers is { } slots)
        {
            start.ArgumentList.Add(role == "standalone" ? "--workers" : "--slots");
            start.ArgumentList.Add(slots.ToString(CultureInfo.InvariantCulture));
        }

        if (config is not null)
        {
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(config);
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {harrierPath}");
        process.OutputDataReceived += (_, _) => { };
        // The last lines of its output, to say why when it exits before it is ready (a bad configuration, a database down).
        var tail = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                tail.Enqueue(line);
                while (tail.Count > 20 && tail.TryDequeue(out string? _))
                {
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var root = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"harrier server {role} exited with {process.ExitCode} before it was ready:\n{string.Join('\n', tail)}");
            }

            try
            {
                using var health = await probe.GetAsync(new Uri(root, "/health"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                process.Kill();
                throw new TimeoutException("the server was not ready within 60 s");
            }

            await Task.Delay(2);
        }

        return new BenchServer(process, root, clock.Elapsed);
    }

    /// <summary>Resident memory now (VmRSS) and at its peak (VmHWM), in KiB.</summary>
    public (long Current, long Peak) MemoryKb()
    {
        long current = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line);
            }
        }

        return (current, peak);
    }

    /// <summary>CPU time the server used so far (user + system, from /proc/PID/stat; clock ticks of 1/100 s).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            using var term = Process.Start(new ProcessStartInfo("kill", $"-TERM {_process.Id}") { UseShellExecute = false });
            term?.WaitForExit();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }

    private static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
