using System.Text;
using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Kestra's <c>GET /executions/{id}/file/preview?path=&amp;maxRows=&amp;encoding=</c>: one of the execution's files as
/// Kestra's FileRender <c>{extension, type, content, truncated, maxLine}</c>, so a UI can show a stored output without
/// downloading it whole: the first lines as TEXT (MARKDOWN for <c>.md</c>), the first rows of an ION file as a LIST of
/// values, an image or a PDF whole in base64 (IMAGE, PDF; up to <see cref="MaxBinaryBytes"/>). Only the execution's own
/// files, as for the download.
/// </summary>
public static class ExecutionFilePreviewEndpoint
{
    /// <summary>The configs' preview sizes (<c>preview.initial</c>, <c>preview.max</c>): rows when none or too many are asked.</summary>
    public const int DefaultRows = 100;

    public const int MaxRows = 5000;

    /// <summary>A bound on bytes too: one huge line (a minified JSON) must not come back whole.</summary>
    public const int MaxChars = 256 * 1024;

    /// <summary>Images and PDFs come back whole, base64-encoded (as Kestra's); bigger ones are refused with the reason.</summary>
    public const long MaxBinaryBytes = 8 * 1024 * 1024;

    public static void Map(RouteGroupBuilder executions) =>
        executions.MapGet("/{executionId}/file/preview", PreviewAsync).Produces<ApiFileRender>()
            .WithSummary("The first lines of one of the execution's files (maxRows, encoding), as text");

    private static async Task<IResult> PreviewAsync(string executionId, HarrierHost host, CancellationToken ct,
        [FromQuery] string? path = null, [FromQuery] int? maxRows = null, [FromQuery] string? encoding = null)
    {
        var uri = await ExecutionEndpoints.ExecutionFileAsync(host, executionId, path, ct);
        var text = ReadEncoding(encoding);
        var info = await host.Files.GetInfoAsync(uri, ct) ?? throw ApiException.NotFound($"execution {executionId} has no file {uri}");
        var rows = Math.Clamp(maxRows ?? DefaultRows, 1, MaxRows);
        var extension = Path.GetExtension(uri.FileName).TrimStart('.').ToLowerInvariant();
        var kind = FilePreviewKinds.Of(extension);
        if (kind is FilePreviewKinds.Image or FilePreviewKinds.Pdf)
        {
            if (info.Size > MaxBinaryBytes)
            {
                throw ApiException.IllegalArgument($"{uri.FileName} is {info.Size / (1024 * 1024)} MiB, over the preview limit of {MaxBinaryBytes / (1024 * 1024)} MiB; download it instead");
            }

            await using var binary = await host.Files.OpenReadAsync(uri, ct);
            using var buffer = new MemoryStream();
            await binary.CopyToAsync(buffer, ct);
            return TypedResults.Ok(new ApiFileRender(extension, kind, Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length), false, rows));
        }

        await using var content = await host.Files.OpenReadAsync(uri, ct);
        using var reader = new StreamReader(content, kind == FilePreviewKinds.Markdown ? new UTF8Encoding(false) : text, detectEncodingFromByteOrderMarks: true);
        var (lines, truncated) = await ReadLinesAsync(reader, rows, ct);
        if (kind == FilePreviewKinds.List && RowsOf(lines) is { } list)
        {
            return TypedResults.Ok(new ApiFileRender(extension, kind, list, truncated, rows));
        }

        // An ION file that does not parse is still shown, as the text it is.
        return TypedResults.Ok(new ApiFileRender(extension, kind == FilePreviewKinds.List ? FilePreviewKinds.Text : kind, string.Concat(lines.Select(l => l + "\n")), truncated, rows));
    }

    /// <summary>Up to <paramref name="rows"/> lines and <see cref="MaxChars"/> characters; whether the file goes on.</summary>
    private static async Task<(List<string> Lines, bool Truncated)> ReadLinesAsync(StreamReader reader, int rows, CancellationToken ct)
    {
        var lines = new List<string>();
        var chars = 0;
        while (await reader.ReadLineAsync(ct) is { } next)
        {
            if (lines.Count == rows || chars + next.Length > MaxChars)
            {
                if (lines.Count < rows)
                {
                    lines.Add(next[..Math.Max(0, MaxChars - chars)]);
                }

                return (lines, true);
            }

            lines.Add(next);
            chars += next.Length + 1;
        }

        return (lines, false);
    }

    /// <summary>One value per non-blank ION line (Kestra's LIST render); null when a line is not Ion.</summary>
    private static List<object?>? RowsOf(List<string> lines)
    {
        var rows = new List<object?>();
        try
        {
            foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                rows.AddRange(Harrier.Scripts.Ion.IonTextReader.ReadAll(line));
            }
        }
        catch (FormatException)
        {
            return null;
        }

        return rows;
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

/// <summary>Kestra's FileRender: the file's extension, how to show it (<see cref="FilePreviewKinds"/>), the content (text, a list of rows, or base64), whether it was cut, and the rows asked for.</summary>
public sealed record ApiFileRender(string Extension, string Type, object Content, bool Truncated, int MaxLine);

/// <summary>Kestra's FileRender types, by file extension (its image extensions, ion, md, pdf; anything else is text).</summary>
public static class FilePreviewKinds
{
    public const string Text = "TEXT";
    public const string List = "LIST";
    public const string Image = "IMAGE";
    public const string Markdown = "MARKDOWN";
    public const string Pdf = "PDF";

    private static readonly HashSet<string> ImageExtensions = ["jpg", "jpeg", "png", "svg", "gif", "bmp", "webp"];

    public static string Of(string extension) => extension switch
    {
        "ion" => List,
        "md" => Markdown,
        "pdf" => Pdf,
        _ when ImageExtensions.Contains(extension) => Image,
        _ => Text,
    };
}
