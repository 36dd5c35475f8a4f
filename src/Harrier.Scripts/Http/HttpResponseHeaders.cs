namespace Harrier.Scripts.Http;

/// <summary>A response's headers as Kestra outputs them: every name (content headers included) to its list of values.</summary>
internal static class HttpResponseHeaders
{
    public static Dictionary<string, object?> Of(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name.ToLowerInvariant()] = values.ToList<object?>();
        }

        return headers;
    }

    public static string Failure(HttpResponseMessage response) =>
        $"Failed http request with response code '{(int)response.StatusCode}'{(response.ReasonPhrase is { Length: > 0 } reason ? $" ({reason})" : string.Empty)}; set options.allowFailed: true to accept it";
}
