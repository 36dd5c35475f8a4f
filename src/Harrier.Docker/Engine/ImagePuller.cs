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

    public static async Task EnsureAsync(DockerClient client, DockerRunnerSettings settings, AuthConfig? auth, DockerServerOptions server, Action<string> log, CancellationToken cancellationToken)
    {
        var image = ImageReference.Parse(settings.Image);
        if (settings.PullPolicy != DockerPullPolicy.Always && await ExistsAsync(client, image.FullName, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (settings.PullPolicy == DockerPullPolicy.Never)
        {
            throw new TaskFailedException(
                $"Image '{image.FullName}' not found on the Docker engine and pullPolicy is NEVER: build or load it there first, or set pullPolicy: IF_NOT_PRESENT");
        }

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
