using Microsoft.AspNetCore.Http.Features;

namespace Harrier.Server.Api.Sse;

/// <summary>
/// Server-sent events with Kestra's framing: the event's name travels in the <c>id:</c> field (<c>start</c>,
/// <c>progress</c>, <c>end</c>) and its JSON in <c>data:</c>. Every event is flushed at once: live logs must not wait
/// in a buffer.
/// </summary>
public sealed class SseWriter(HttpResponse response)
{
    public const string ContentType = "text/event-stream";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        // Reverse proxies (nginx) buffer responses unless told otherwise.
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteAsync(string id, string json, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"id: {id}\ndata: {json}\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Several events in one write and one flush (a burst of log lines).</summary>
    public async Task WriteAsync(IEnumerable<(string Id, string Json)> events, CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (id, json) in events)
        {
            text.Append("id: ").Append(id).Append("\ndata: ").Append(json).Append("\n\n");
        }

        if (text.Length == 0)
        {
            return;
        }

        await response.WriteAsync(text.ToString(), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An SSE comment: keeps idle connections open through proxies that close silent ones.</summary>
    public async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        await response.WriteAsync(": keep-alive\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
