using System.Net.Sockets;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Http;

/// <summary>Sends a request; network failures and timeouts become task failures that say what happened, never a stack trace.</summary>
internal static class HttpSend
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TaskFailedException($"{request.Method} {request.RequestUri}: no response within {client.Timeout} (options.timeout.readIdleTimeout){(ex.InnerException is TimeoutException ? string.Empty : " or the connect timeout")}");
        }
        catch (HttpRequestException ex)
        {
            var cause = ex.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : ex.HttpRequestError.ToString();
            throw new TaskFailedException($"{request.Method} {request.RequestUri}: {ex.Message} ({cause})");
        }
    }
}
