using Harrier.Core.Tasks.Running;
using Harrier.Docker.Engine;
using Harrier.Docker.Running;
using Harrier.Docker.Settings;
using Harrier.Scripts.Runners;

namespace Harrier.Docker;

/// <summary>
/// Runs a script task's argv in a container through the Docker Engine API (Kestra's
/// <c>io.kestra.plugin.scripts.runner.docker.Docker</c>, spec §3.3). One instance serves every task of a worker;
/// it holds one connection pool per engine. Errors a user can meet (no engine, missing image, bad property)
/// are <see cref="TaskFailedException"/>s whose message says what to do.
/// </summary>
public sealed class DockerTaskRunner : ITaskRunner, IAsyncDisposable, IDisposable
{
    private readonly DockerServerOptions _server;
    private readonly DockerRunnerSettings? _defaults;
    private readonly DockerClientPool _clients = new();
    private readonly BackgroundRemovals _removals = new();

    /// <param name="server">Server settings; validated here.</param>
    /// <param name="defaults">Settings for runs through <see cref="ITaskRunner"/>, which carries none of its own.</param>
    public DockerTaskRunner(DockerServerOptions? server = null, DockerRunnerSettings? defaults = null)
    {
        _server = server ?? new DockerServerOptions();
        _server.Validate();
        _defaults = defaults;
    }

    /// <summary>Runs with the constructor's default settings and labels of an anonymous task run.</summary>
    public Task<TaskRunnerResult> RunAsync(TaskRunnerRequest request, ITaskOutputSink sink, CancellationToken cancellationToken)
    {
        var settings = _defaults ?? throw new InvalidOperationException("This DockerTaskRunner has no default settings: call RunAsync with a DockerRunRequest.");
        var labels = new DockerContainerLabels("", "", "", "", Guid.NewGuid().ToString("N"), 0);
        return RunAsync(new DockerRunRequest(request, settings, labels), sink, cancellationToken);
    }

    /// <summary>Runs one attempt of a task in a container; cancellation stops it and returns <c>Killed: true</c>.</summary>
    /// <param name="request">The argv, directory, computed environment, settings and labels.</param>
    /// <param name="sink">Receives stdout and stderr lines as they come; calls never overlap.</param>
    /// <param name="cancellationToken">Kill or timeout.</param>
    public Task<TaskRunnerResult> RunAsync(DockerRunRequest request, ITaskOutputSink sink, CancellationToken cancellationToken) =>
        RunAsync(request, sink, null, cancellationToken);

    /// <summary>As above, with <paramref name="runnerLog"/> receiving messages about the run itself (pulls, resume, skipped files) for the task's log.</summary>
    public async Task<TaskRunnerResult> RunAsync(DockerRunRequest request, ITaskOutputSink sink, Action<string>? runnerLog, CancellationToken cancellationToken)
    {
        if (request.Run.Arguments.Count == 0)
        {
            throw new ArgumentException("The command line is empty: there is no program to run.", nameof(request));
        }

        if (!Directory.Exists(request.Run.WorkingDirectory))
        {
            throw new DirectoryNotFoundException($"The working directory '{request.Run.WorkingDirectory}' does not exist.");
        }

        var host = _server.ResolveHost(request.Settings.Host);
        var client = _clients.Get(host);
        try
        {
            return await new ContainerRun(client, request, sink, _server, _removals, runnerLog ?? (_ => { })).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (EngineErrors.IsUnreachable(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw EngineErrors.Unreachable(host, exception);
        }
    }

    /// <summary>
    /// Completes when the containers of finished runs are removed (a run with <c>delete: true</c> returns its result
    /// first and removes its container in the background).
    /// </summary>
    public Task RemovalsCompletedAsync() => _removals.WhenAllAsync();

    /// <summary>Waits for pending removals, then closes the engine connections. Prefer it to <see cref="Dispose"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _removals.WhenAllAsync().ConfigureAwait(false);
        _clients.Dispose();
    }

    /// <summary>Closes the engine connections at once; removals still pending are left to <see cref="DockerJanitor"/>.</summary>
    public void Dispose() => _clients.Dispose();
}
