using System.Text.Json.Nodes;

namespace Harrier.Server.Tests.Support;

/// <summary>
/// Reads a server-sent event stream event by event, as a browser's EventSource would: <c>id:</c> and <c>data:</c> fields,
/// events ended by a blank line. Every read has a deadline.
/// </summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public System.Net.HttpStatusCode Status => _response.StatusCode;

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    public static async Task<SseClient> OpenAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        var stream = await response.Content.ReadAsStreamAsync();
        return new SseClient(response, new StreamReader(stream));
    }

    /// <summary>The next event, or null when the server closed the stream.</summary>
    public async Task<SseEvent?> NextAsync(TimeSpan? timeout = null)
    {
        string? id = null;
        var data = new List<string>();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (await _reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (id is not null || data.Count > 0)
                {
                    return new SseEvent(id, string.Join("\n", data));
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            if (field == "id")
            {
                id = value;
            }
            else if (field == "data")
            {
                data.Add(value);
            }
        }

        return null;
    }

    /// <summary>Every event until the server closes the stream.</summary>
    public async Task<List<SseEvent>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var events = new List<SseEvent>();
        while (await NextAsync(timeout) is { } next)
        {
            events.Add(next);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}

/// <summary>One event: its id field (Kestra names events there) and its data.</summary>
public sealed record SseEvent(string? Id, string Data)
{
    public JsonObject Json => JsonNode.Parse(Data)!.AsObject();
}
