using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Harrier.Server.Ui;

/// <summary>
/// Serves the web UI: <c>/</c> and <c>/ui</c> redirect to <c>/ui/</c>; <c>/ui/{path}</c> answers the embedded file, and
/// any path without a file extension answers index.html, so a deep link (<c>/ui/executions/ID</c>) opens its page.
/// Files under <c>assets/</c> carry a content hash in their name and are cached for a year; index.html is revalidated
/// every time (ETag), so a new server version is picked up at the next load. The UI uses only the public API.
/// </summary>
public static class UiEndpoints
{
    public const string IndexFile = "index.html";
    public const string BasePath = "/ui";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(IEndpointRouteBuilder app, UiAssets assets)
    {
        app.MapGet("/", () => Results.Redirect(BasePath + "/")).ExcludeFromDescription();
        // Also matches /ui itself (routing ignores a trailing slash): that one is sent to /ui/, so relative URLs resolve.
        app.MapGet(BasePath + "/{**path}", (HttpContext context, string? path) =>
                context.Request.Path.Value is BasePath ? Results.Redirect(BasePath + "/") : Serve(context, assets, path ?? ""))
            .ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext context, UiAssets assets, string path)
    {
        if (!assets.Built)
        {
            return Results.Content(NotBuiltPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var asset = assets.Find(path);
        if (asset is null)
        {
            // A missing file (a stale hashed asset, a typo) is a 404; anything else is a page of the app.
            if (Path.HasExtension(path))
            {
                return Results.Content($"Not Found: the UI has no file {path}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            asset = assets.Find(IndexFile)!;
        }

        var headers = context.Response.GetTypedHeaders();
        headers.CacheControl = asset.Path.StartsWith("assets/", StringComparison.Ordinal)
            ? new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } }
            : new CacheControlHeaderValue { NoCache = true };
        context.Response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var type = ContentTypes.TryGetContentType(asset.Path, out var known) ? known : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "text/javascript")
        {
            type += "; charset=utf-8";
        }

        return Results.Bytes(asset.Content, type);
    }

    private const string NotBuiltPage = """
        <!doctype html><meta charset="utf-8"><title>Harrier: UI not built</title>
        <body style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
        <h1>The web UI was not built into this server</h1>
        <p>The server was built without npm, so it has no UI; the REST API under <code>/api/v1/main</code> works.</p>
        <p>To get the UI: install Node.js 20+ and npm (<code>apt-get install npm</code>), then rebuild
        (<code>dotnet build src/Harrier.Server</code>, or delete <code>artifacts/harrier</code> and run <code>./harrier</code> again).</p>
        </body>
        """;
}
