using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Harrier.Core.Tasks.Running;
using Harrier.Docker.Settings;

namespace Harrier.Docker.Engine;

/// <summary>
/// Applies the pull policy (spec §3.3): IF_NOT_PRESENT inspects and pulls only a missing image, ALWAYS pulls,
/// NEVER only checks. Pulls are retried with exponential backoff on engine 5xx errors, as Kestra does.
/// </summary>
internal static class ImagePuller
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Creates the container, applying the pull policy on the way. IF_NOT_PRESENT and NEVER try the create first
    /// and look at the image only when the engine answers 404, which spares an inspect call on every run (as
    /// <c>docker run</c> does); ALWAYS pulls first.
    /// </summary>
    /// <remarks>
    /// Pulls stop on <paramref name="cancellationToken"/>; the create call itself does not. A create abandoned half-way
    /// (a kill or a timeout landing in those few milliseconds) is still carried out by the engine, and its container,
    /// whose id the caller never got, was left behind in the "created" state (seen with a token fired 10–20 ms into a
    /// run). Finishing the call hands the id to the caller, which removes the container when it sees the cancellation.
    /// </remarks>
    public static async Task<string> CreateContainerAsync(DockerClient client, CreateContainerParameters spec, DockerRunnerSettings settings, AuthConfig? auth, DockerServerOptions server, Action<string> log, CancellationToken cancellationToken)
    {
        var image = ImageReference.Parse(settings.Image);
        if (settings.PullPolicy == DockerPullPolicy.Always)
        {
            await PullAsync(client, image, auth, server, log, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return (await client.Containers.CreateContainerAsync(spec, CancellationToken.None).ConfigureAwait(false)).ID;
        }
        catch (DockerApiException exception) when (EngineErrors.IsNotFound(exception) && settings.PullPolicy != DockerPullPolicy.Always)
        {
            // 404 also means "no such network"; only a missing image is this method's business.
            if (await ExistsAsync(client, image.FullName, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }

        if (settings.PullPolicy == DockerPullPolicy.Never)
        {
            throw new TaskFailedException(
                $"Image '{image.FullName}' not found on the Docker engine and pullPolicy is NEVER: build or load it there first, or set pullPolicy: IF_NOT_PRESENT");
        }

        await PullAsync(client, image, auth, server, log, cancellationToken).ConfigureAwait(false);
        return (await client.Containers.CreateContainerAsync(spec, CancellationToken.None).ConfigureAwait(false)).ID;
    }

    private static async Task PullAsync(DockerClient client, ImageReference image, AuthConfig? auth, DockerServerOptions server, Action<string> log, CancellationToken cancellationToken)
    {
        var delay = server.PullRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                log($"Pulling image '{image.FullName}'");
                await PullOnceAsync(client, image, auth, cancellationToken).ConfigureAwait(false);
                log($"Pulled image '{image.FullName}'");
                return;
            }
            catch (DockerApiException exception) when ((int)exception.StatusCode >= 500 && attempt < server.PullAttempts)
            {
                log($"Pulling image '{image.FullName}' failed ({Reason(exception)}); retrying in {delay.TotalSeconds:0.#} s");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            catch (DockerApiException exception)
            {
                var notFound = exception.StatusCode == HttpStatusCode.NotFound ? "not found; " : "";
                throw new TaskFailedException($"Image '{image.FullName}' {notFound}could not be pulled: {Reason(exception)}", exception);
            }
        }
    }

    private static async Task<bool> ExistsAsync(DockerClient client, string image, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException exception) when (EngineErrors.IsNotFound(exception))
        {
            return false;
        }
    }

    private static async Task PullOnceAsync(DockerClient client, ImageReference image, AuthConfig? auth, CancellationToken cancellationToken)
    {
        var progress = new PullProgress();
        await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = image.Repository, Tag = image.Tag }, auth, progress, cancellationToken)
            .ConfigureAwait(false);
        if (progress.Error is { } error)
        {
            // The engine reports some failures inside a 200 response's progress stream.
            var status = error.Contains("not found", StringComparison.OrdinalIgnoreCase) || error.Contains("manifest unknown", StringComparison.OrdinalIgnoreCase)
                ? HttpStatusCode.NotFound
                : HttpStatusCode.InternalServerError;
            throw new DockerApiException(status, error);
        }
    }

    private static string Reason(DockerApiException exception) =>
        string.IsNullOrWhiteSpace(exception.ResponseBody) ? exception.Message : exception.ResponseBody.Trim();

    /// <summary>Synchronous, unlike <see cref="Progress{T}"/>, so no message arrives after the pull returned.</summary>
    private sealed class PullProgress : IProgress<JSONMessage>
    {
        public string? Error { get; private set; }

        public void Report(JSONMessage value)
        {
            var message = value.Error?.Message ?? value.ErrorMessage;
            if (!string.IsNullOrEmpty(message))
            {
                Error ??= message;
            }
        }
    }
}
