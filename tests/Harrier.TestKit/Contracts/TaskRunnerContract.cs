using Harrier.Scripts.Runners;
using Harrier.TestKit.Support;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="ITaskRunner"/> must do, through that interface only: run an argv as given in the request's
/// working directory with its environment, deliver stdout and stderr lines whole and in order, return the exit code
/// as is, and on cancellation stop everything it started and return <see cref="TaskRunnerResult.Killed"/>.
/// </summary>
/// <remarks>
/// Derive, build a real runner in <see cref="CreateRunnerAsync"/>, and say how to find what a run left behind
/// (<see cref="FindLeftoversAsync"/>: processes for a local runner, containers for Docker, pods for Kubernetes).
/// Every request the suite makes carries <see cref="RunMarkerVariable"/> with a value unique to the run, so a derived
/// suite can find the run's processes or containers by it without trusting the runner's own bookkeeping.
/// Scripts are POSIX <c>sh</c> using only what busybox also has, so the same text runs on the host and in a tiny image.
/// Where runners legitimately differ, a virtual capability says how, and the test checks whichever behaviour is claimed.
/// </remarks>
// POSIX sh scripts, file modes and signals: every runner Harrier has runs Linux programs.
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public abstract partial class TaskRunnerContract : IAsyncLifetime
{
    /// <summary>Put in the environment of every run with a fresh value: how a derived suite recognises what the run started.</summary>
    public const string RunMarkerVariable = "HARRIER_CONTRACT_RUN";

    /// <summary>The limit given to <see cref="CreateRunnerAsync"/> for every test but the one about cut lines: far above any line they print.</summary>
    protected const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    /// <summary>
    /// How long a kill may take, from the cancellation to the result, on a busy two-core machine: a container stop
    /// plus removal, or a grace period with SIGTERM honoured at once. A runner that waits for the process to end on its
    /// own (sleep 300) fails it by far.
    /// </summary>
    protected static readonly TimeSpan KillBound = TimeSpan.FromSeconds(15);

    /// <summary>A PATH valid on a Debian host and in a busybox image (whose programs live in /bin).</summary>
    private const string SearchPath = "/usr/local/bin:/usr/bin:/bin";

    private readonly List<ITaskRunner> _runners = [];
    private readonly List<string> _markers = [];
    private ITaskRunner? _runner;

    /// <summary>The runner under test, built with <see cref="DefaultMaxLineBytes"/>.</summary>
    protected ITaskRunner Runner => _runner ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>The run's working directory, on the host; empty at the start of each test.</summary>
    protected TempDirectory Directory { get; } = new("harrier-runner-contract-");

    /// <summary>
    /// Whether <see cref="TaskRunnerRequest.InheritEnvironment"/> can give the run the worker's own environment
    /// (the process runner: yes, as Kestra's; a container never sees the worker's environment).
    /// </summary>
    protected virtual bool CanInheritWorkerEnvironment => true;

    /// <summary>
    /// Whether a kill sends SIGTERM and waits up to the request's <see cref="TaskRunnerRequest.KillGracePeriod"/> before
    /// SIGKILL. False for a runner whose grace period comes from its own settings (Docker's is zero by default: SIGKILL at once).
    /// </summary>
    protected virtual bool HonoursRequestKillGracePeriod => true;

    /// <summary>The command that starts a program in a new session (out of the task's process group) where the run executes.</summary>
    protected virtual string NewSessionCommand => "setsid";

    /// <summary>A real runner whose longest whole line is <paramref name="maxLineBytes"/>; disposed by the suite if disposable.</summary>
    protected abstract Task<ITaskRunner> CreateRunnerAsync(int maxLineBytes);

    /// <summary>
    /// What the run marked <paramref name="runMarker"/> (the value of <see cref="RunMarkerVariable"/>) left behind: a
    /// sentence per process still running or container still present. Empty when nothing is.
    /// </summary>
    protected abstract Task<IReadOnlyList<string>> FindLeftoversAsync(string runMarker);

    /// <summary>Stops and removes what <see cref="FindLeftoversAsync"/> finds, so a failed test does not leak into the next.</summary>
    protected abstract Task RemoveLeftoversAsync(string runMarker);

    public async Task InitializeAsync() => _runner = await NewRunnerAsync(DefaultMaxLineBytes);

    public virtual async Task DisposeAsync()
    {
        foreach (var marker in _markers)
        {
            await RemoveLeftoversAsync(marker);
        }

        foreach (var runner in _runners)
        {
            if (runner is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (runner is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        Directory.Dispose();
    }

    protected async Task<ITaskRunner> NewRunnerAsync(int maxLineBytes)
    {
        var runner = await CreateRunnerAsync(maxLineBytes);
        _runners.Add(runner);
        return runner;
    }

    /// <summary>An argv run in <see cref="Directory"/>, with PATH, a fresh run marker and <paramref name="environment"/>.</summary>
    protected TaskRunnerRequest Request(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var marker = Guid.NewGuid().ToString("N");
        _markers.Add(marker);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = SearchPath, [RunMarkerVariable] = marker };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        // A short grace period keeps kill tests quick for runners that honour it; every script here dies on SIGTERM anyway.
        return new TaskRunnerRequest(arguments, Directory.Path) { Environment = variables, KillGracePeriod = TimeSpan.FromSeconds(2) };
    }

    protected TaskRunnerRequest Shell(string script, IReadOnlyDictionary<string, string>? environment = null) => Request(["/bin/sh", "-c", script], environment);

    protected static string MarkerOf(TaskRunnerRequest request) => request.Environment[RunMarkerVariable];

    protected async Task<(TaskRunnerResult Result, RecordingOutputSink Sink)> RunAsync(TaskRunnerRequest request, ITaskRunner? runner = null)
    {
        var sink = new RecordingOutputSink();
        var result = await (runner ?? Runner).RunAsync(request, sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        return (result, sink);
    }

    protected async Task AssertNothingLeftAsync(TaskRunnerRequest request, string when)
    {
        var leftovers = await FindLeftoversAsync(MarkerOf(request));
        Assert.True(leftovers.Count == 0, $"{when}, the run left: {string.Join("; ", leftovers)}");
    }
}
