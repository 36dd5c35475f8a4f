using System.Text;
using System.Text.Json;
using Harrier.Core.Json;
using Harrier.Server.Api.Errors;
using Microsoft.Net.Http.Headers;

namespace Harrier.Server.Api.Webhooks;

/// <summary>
/// The <c>trigger</c> variables of a webhook call, as Kestra gives them: <c>body</c> (a JSON object or array parsed, any
/// other text as it came, a binary body base64-encoded, absent when there is none), <c>headers</c> and <c>parameters</c>
/// (each name to the list of its values).
/// </summary>
public static class WebhookVariables
{
    /// <summary>
    /// The largest body kept: the variables are stored with the execution and read by every expression of it, so a webhook
    /// is not the way to pass a file (upload it as a FILE input of <c>POST /executions/{ns}/{id}</c>).
    /// </summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    public static async Task<Dictionary<string, object?>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is not null)
        {
            variables["body"] = body;
        }

        variables["headers"] = request.Headers.ToDictionary(h => h.Key, h => (object?)h.Value.Select(v => (object?)v).ToList(), StringComparer.Ordinal);
        variables["parameters"] = request.Query.ToDictionary(p => p.Key, p => (object?)p.Value.Select(v => (object?)v).ToList(), StringComparer.Ordinal);
        return variables;
    }

    private static async Task<object?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        var bytes = buffer.ToArray();
        if (!IsText(request.ContentType))
        {
            return Convert.ToBase64String(bytes);
        }

        var text = Encoding.UTF8.GetString(bytes);
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
        {
            try
            {
                return PlainJson.Parse(text);
            }
            catch (JsonException)
            {
                // Not JSON after all: the flow gets the text as it came.
            }
        }

        return text;
    }

    /// <summary>Text, JSON, XML, YAML, CSV and forms are text; a body without a content type is taken as text too.</summary>
    private static bool IsText(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return true;
        }

        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || type.ToLowerInvariant() is "application/json" or "application/xml" or "application/x-www-form-urlencoded"
                or "application/yaml" or "application/x-yaml" or "application/csv" or "multipart/form-data";
    }

    private static ApiException TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "Payload too large",
        $"a webhook body may be at most {MaxBodyBytes / (1024 * 1024)} MiB; pass larger data as a FILE input of POST /api/v1/main/executions/{{namespace}}/{{id}}");
}
