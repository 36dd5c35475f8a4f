using System.Runtime.ExceptionServices;
using Docker.DotNet;
using Docker.DotNet.Models;
using Harrier.Docker.Engine;
using Harrier.Docker.Files;
using Harrier.Docker.Settings;
using Harrier.Scripts.Runners;

namespace Harrier.Docker.Running;

/// <summary>
/// One run in one container (spec §3.3), from pull to removal: find a container to resume or create one, copy the
/// working directory in (VOLUME), attach before start so no output is missed, stream lines while waiting, stop it
/// on cancellation, copy the directory back, remove the container when <c>delete</c> is set — also when the run
/// failed or was killed (after a normal end, in the background: see <see cref="BackgroundRemovals"/>).
/// </summary>
internal sealed class ContainerRun(DockerClient client, DockerRunRequest request, ITaskOutputSink sink, DockerServerOptions server, BackgroundRemovals removals, Action<string> log)
{
    /// <summary>Exit code reported when a run is cancelled before its container started (SIGKILL's 128 + 9).</summary>
    private const int KilledBeforeStartExitCode = 137;

    private readonly DockerRunnerSettings _settings = request.Settings;
    private readonly string _workingDirectory = request.Run.WorkingDirectory;

    public async Task<TaskRunnerResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        string? containerId = null;
        var started = false;
        try
        {
            var auth = await RegistryAuth.PrepareAsync(_settings, _workingDirectory, cancellationToken).ConfigureAwait(false);
            // Never a container left by an earlier attempt: a dead worker's containers are removed before its attempts
            // run again (DockerAttemptReaper), and each attempt has its own.
            var spec = ContainerSpec.Build(request, ImageReference.Parse(_settings.Image).FullName);
            containerId = await ImagePuller.CreateContainerAsync(client, spec, _settings, auth, server, log, cancellationToken).ConfigureAwait(false);
            // The create does not stop half-way (see ImagePuller): a kill that came meanwhile is seen here, with the id known.
            cancellationToken.ThrowIfCancellationRequested();
            // An empty directory needs no copy (the engine creates the working directory), unless a `user` must be able to write in it.
            if (_settings.FileHandling == DockerFileHandling.Volume && (_settings.User is not null || Directory.EnumerateFileSystemEntries(_workingDirectory).Any()))
            {
                await ContainerOperations.CopyInAsync(client, containerId, _workingDirectory, cancellationToken).ConfigureAwait(false);
            }

            if (!_settings.Wait)
            {
                await client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
                log($"Started container {Short(containerId)} without waiting for it (wait: false)");
                return new TaskRunnerResult(0, Killed: false);
            }

            var output = await client.Containers.AttachContainerAsync(containerId, false,
                new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true }, cancellationToken).ConfigureAwait(false);
            started = true;
            try
            {
                await client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException exception) when (StartFailures.ExitCodeOf(exception) is { } exitCode)
            {
                // The task's program is missing or not executable: the user's error, told in the task's log like a shell
                // would (127/126), not an engine exception. The container never ran; `finally` removes it when `delete` is set.
                output.Dispose();
                sink.OnStderr($"harrier: cannot run '{request.Run.Arguments[0]}' in image {_settings.Image}: {StartFailures.Reason(exception)}");
                return new TaskRunnerResult(exitCode, Killed: false);
            }

            var result = await SuperviseAsync(containerId, output, cancellationToken).ConfigureAwait(false);
            if (!result.Killed && _settings.Delete)
            {
                // Everything is collected: the task need not wait for the engine to delete the container.
                removals.Start(client, containerId);
                containerId = null;
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled while preparing or starting: whatever was created must not run on.
            if (containerId is not null && started)
            {
                await ContainerOperations.StopAsync(client, containerId, _settings.KillGracePeriod).ConfigureAwait(false);
            }

            return new TaskRunnerResult(KilledBeforeStartExitCode, Killed: true);
        }
        finally
        {
            if (containerId is not null && _settings.Delete && _settings.Wait)
            {
                await ContainerOperations.RemoveAsync(client, containerId).ConfigureAwait(false);
            }
        }
    }

    private async Task<TaskRunnerResult> SuperviseAsync(string containerId, MultiplexedStream output, CancellationToken cancellationToken)
    {
        var pump = new OutputPump(sink, server.MaxLineBytes);
        Task pumping;
        using (output)
        {
            // The stream ends when the container does; it is read to the end even after a kill.
            pumping = pump.PumpAsync(output, CancellationToken.None);
            int exitCode;
            var killed = false;
            try
            {
                exitCode = await ContainerOperations.WaitAsync(client, containerId, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                killed = true;
                await ContainerOperations.StopAsync(client, containerId, _settings.KillGracePeriod).ConfigureAwait(false);
                exitCode = await ContainerOperations.WaitAsync(client, containerId, CancellationToken.None).ConfigureAwait(false);
            }

            await pumping.ConfigureAwait(false);
            if (pump.SinkFailure is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            if (!killed)
            {
                await AfterExitAsync(containerId, cancellationToken).ConfigureAwait(false);
            }

            if (_settings.FileHandling == DockerFileHandling.Mount)
            {
                // Killed or not: a shared WorkingDirectory keeps what the container left for the next tasks.
                HostFileModes.Sanitize(_workingDirectory, log);
            }

            return new TaskRunnerResult(exitCode, killed);
        }
    }

    private async Task AfterExitAsync(string containerId, CancellationToken cancellationToken)
    {
        if (_settings.FileHandling == DockerFileHandling.Volume)
        {
            if (!await ContainerOperations.WorkingDirectoryChangedAsync(client, containerId, _workingDirectory, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            try
            {
                foreach (var skipped in await ContainerOperations.CopyOutAsync(client, containerId, _workingDirectory, cancellationToken).ConfigureAwait(false))
                {
                    log(skipped);
                }
            }
            catch (DockerApiException exception)
            {
                log($"Could not copy the working directory back from container {Short(containerId)}: {exception.Message}");
            }
        }
        else if (server.ChownMountedFiles)
        {
            await MountOwnership.ReturnToWorkerAsync(client, request, log, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;
}
