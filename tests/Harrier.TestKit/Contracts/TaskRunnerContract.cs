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

    [Fact]
    public async Task Run_ReturnsExitCodeZero_NotKilled_WhenTheProgramSucceeds()
    {
        var (result, sink) = await RunAsync(Shell("echo hello"));

        Assert.Equal(new TaskRunnerResult(0, Killed: false), result);
        Assert.Equal(["hello"], sink.Stdout);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(66)]
    [InlineData(255)]
    public async Task Run_ReturnsTheProgramsExitCodeAsIs_WhenItFails(int exitCode)
    {
        // The line after `exit` must never run: the result is the program's own end, not a runner's guess.
        var (result, sink) = await RunAsync(Shell($"echo before; exit {exitCode}; echo after"));

        Assert.Equal(new TaskRunnerResult(exitCode, Killed: false), result);
        Assert.Equal(["before"], sink.Stdout);
    }

    [Fact]
    public async Task Run_PassesEachArgumentAsIs_WithoutSplittingOrExpandingIt()
    {
        // "$0" is the argv element after the script; nothing may re-quote, split on spaces or expand $ and * on the way.
        string[] odd = ["two words", "$HOME", "*", "it's \"quoted\"", ""];

        var (result, sink) = await RunAsync(Request(["/bin/sh", "-c", "for a in \"$0\" \"$@\"; do echo \"[$a]\"; done", .. odd]));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(odd.Select(a => $"[{a}]"), sink.Stdout);
    }

    [Fact]
    public async Task Run_ReturnsExitCode127AndSaysWhichProgramIsMissing_InsteadOfThrowing()
    {
        // A typo in a task's command is a user's error: it must end the run like a shell does (127), with a line in the
        // task's log naming the program, not as an exception the worker turns into a stack trace.
        var request = Request(["no-such-program-harrier-contract", "arg"]);

        var (result, sink) = await RunAsync(request);

        Assert.Equal(new TaskRunnerResult(127, Killed: false), result);
        Assert.Contains(sink.Stderr, line => line.Contains("no-such-program-harrier-contract", StringComparison.Ordinal));
        await AssertNothingLeftAsync(request, "after a missing program");
    }

    [Fact]
    public async Task Run_ReturnsExitCode126AndNamesTheProgram_WhenItIsAFileWithoutExecutePermission()
    {
        // A script written by a task (or an inputFile) without chmod +x: "cannot execute", not "not found", so the user
        // looks at the file's mode rather than at PATH.
        await File.WriteAllTextAsync(Directory.File("not-executable.sh"), "#!/bin/sh\necho ran\n");
        File.SetUnixFileMode(Directory.File("not-executable.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var request = Request(["./not-executable.sh"]);

        var (result, sink) = await RunAsync(request);

        Assert.Equal(new TaskRunnerResult(126, Killed: false), result);
        Assert.Empty(sink.Stdout);
        Assert.Contains(sink.Stderr, line => line.Contains("not-executable.sh", StringComparison.Ordinal));
        await AssertNothingLeftAsync(request, "after a program that cannot be executed");
    }

    [Fact]
    public async Task Run_RefusesAnEmptyArgv_WithArgumentException() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Runner.RunAsync(Request([]), new RecordingOutputSink(), CancellationToken.None));

    [Fact]
    public async Task Run_RefusesAWorkingDirectoryThatDoesNotExist_WithDirectoryNotFoundException()
    {
        var request = Shell("true") with { WorkingDirectory = Path.Combine(Directory.Path, "missing") };

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Runner.RunAsync(request, new RecordingOutputSink(), CancellationToken.None));
    }

    [Fact]
    public async Task TwoRunsAtOnce_OnOneRunner_KeepTheirOutputAndExitCodesApart()
    {
        // One runner instance serves every task of a worker: runs must not share sinks, state or results.
        var first = RunAsync(Shell("for i in 1 2 3 4 5; do echo first-$i; done; exit 3"));
        var second = RunAsync(Shell("for i in 1 2 3 4 5; do echo second-$i; done; exit 4"));
        await Task.WhenAll(first, second);

        Assert.Equal(new TaskRunnerResult(3, false), (await first).Result);
        Assert.Equal(new TaskRunnerResult(4, false), (await second).Result);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"first-{i}"), (await first).Sink.Stdout);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"second-{i}"), (await second).Sink.Stdout);
    }
}
