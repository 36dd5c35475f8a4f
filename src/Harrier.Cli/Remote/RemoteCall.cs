using System.Net;
using System.Text.Json.Nodes;

namespace Harrier.Cli.Remote;

/// <summary>
/// A request to a server, with its refusals turned into the sentences the server gave (Kestra's error documents), so the
/// CLI prints what went wrong instead of a status code. A server that cannot be reached says so with its address.
/// </summary>
public static class RemoteCall
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new RemoteException($"cannot reach the server at {http.BaseAddress}: {ex.Message}");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new RemoteException(await DescribeAsync(response, cancellationToken).ConfigureAwait(false), (int)response.StatusCode);
        }
    }

    public static async Task<JsonNode> GetJsonAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return $"the server refused the credentials ({status}); set {ServerConnection.AuthVariable}=user:password or give --config with server.basicAuth";
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject error && error["message"] is { } message)
            {
                var items = error["_embedded"]?["errors"]?.AsArray().Select(e => e?["message"]?.GetValue<string>()).OfType<string>().ToList() ?? [];
                return items.Count > 1 ? string.Join(Environment.NewLine, items) : message.GetValue<string>();
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return $"the server answered {status}{(text.Length > 0 ? ": " + text[..Math.Min(text.Length, 500)] : "")}";
    }
}
