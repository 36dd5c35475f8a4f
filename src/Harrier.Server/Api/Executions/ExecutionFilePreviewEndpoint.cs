using System.Text;
using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Kestra's <c>GET /executions/{id}/file/preview?path=&amp;maxRows=&amp;encoding=</c>: the first lines of one of the
/// execution's files as text (Kestra's FileRender: <c>{extension, type: "TEXT", content, truncated}</c>), so a UI can
/// show a stored output without downloading it whole. Only the execution's own files, as for the download.
/// </summary>
public static class ExecutionFilePreviewEndpoint
{
    /// <summary>The configs' preview sizes (<c>preview.initial</c>, <c>preview.max</c>): rows when none or too many are asked.</summary>
    public const int DefaultRows = 100;

    public const int MaxRows = 5000;

    /// <summary>A bound on bytes too: one huge line (a minified JSON) must not come back whole.</summary>
    public const int MaxChars = 256 * 1024;

    public static void Map(RouteGroupBuilder executions) =>
        executions.MapGet("/{executionId}/file/preview", PreviewAsync).Produces<ApiFileRender>()
            .WithSummary("The first lines of one of the execution's files (maxRows, encoding), as text");

    private static async Task<IResult> PreviewAsync(string executionId, HarrierHost host, CancellationToken ct,
        [FromQuery] string? path = null, [FromQuery] int? maxRows = null, [FromQuery] string? encoding = null)
    {
        var uri = await ExecutionEndpoints.ExecutionFileAsync(host, executionId, path, ct);
        var text = ReadEncoding(encoding);
        _ = await host.Files.GetInfoAsync(uri, ct) ?? throw ApiException.NotFound($"execution {executionId} has no file {uri}");
        var rows = Math.Clamp(maxRows ?? DefaultRows, 1, MaxRows);
        await using var content = await host.Files.OpenReadAsync(uri, ct);
        using var reader = new StreamReader(content, text, detectEncodingFromByteOrderMarks: true);
        var builder = new StringBuilder();
        var truncated = false;
        for (var line = 0; ; line++)
        {
            var next = await reader.ReadLineAsync(ct);
            if (next is null)
            {
                break;
            }

            if (line == rows || builder.Length + next.Length > MaxChars)
            {
                if (line < rows)
                {
                    builder.Append(next.AsSpan(0, Math.Max(0, MaxChars - builder.Length)));
                }

                truncated = true;
                break;
            }

            builder.Append(next).Append('\n');
        }

        var name = uri.FileName;
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        return TypedResults.Ok(new ApiFileRender(extension, "TEXT", builder.ToString(), truncated));
    }

    private static Encoding ReadEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new UTF8Encoding(false);
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw ApiException.IllegalArgument($"'{name}' is not an encoding this server knows; use UTF-8, ISO-8859-1, US-ASCII, UTF-16…");
        }
    }
}

/// <summary>Kestra's FileRender: the file's extension, how to show it (always TEXT here), the text, and whether it was cut.</summary>
public sealed record ApiFileRender(string Extension, string Type, string Content, bool Truncated);
