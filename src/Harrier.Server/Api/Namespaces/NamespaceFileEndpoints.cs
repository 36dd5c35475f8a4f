using System.IO.Compression;
using Harrier.Core.Storage;
using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Harrier.Server.Api.Namespaces;

/// <summary>
/// Kestra's namespace files API over internal storage (<c>&lt;ns&gt;/_files</c>, what tasks read with
/// <c>namespaceFiles</c>): get, upload (a <c>.zip</c> is unpacked), move, delete, list a folder, search, stats. Paths are
/// checked segment by segment, so <c>..</c> and the like are refused (422). Storage holds files only: a folder exists while
/// it holds a file, and creating an empty one is accepted but leaves nothing behind.
/// </summary>
public static class NamespaceFileEndpoints
{
    /// <summary>Unpacking stops past this many entries (a zip bomb made of tiny files).</summary>
    private const int MaxZipEntries = 10_000;

    /// <summary>Unpacking refuses archives that declare more than this many bytes in all (a zip bomb).</summary>
    private const long MaxZipBytes = 1024L * 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var files = api.MapGroup("/namespaces/{namespace}/files").WithTags("Files");
        files.MapGet("", GetAsync).Produces<Stream>(contentType: "application/octet-stream").WithSummary("A namespace file's content");
        files.MapPost("", UploadAsync).DescribesBody("multipart/form-data", "Form fields and file parts").Produces(StatusCodes.Status200OK).WithSummary("Upload a namespace file (part fileContent; a .zip is unpacked)");
        files.MapPut("", MoveAsync).Produces(StatusCodes.Status200OK).WithSummary("Move a file or folder (from, to)");
        files.MapDelete("", DeleteAsync).Produces(StatusCodes.Status200OK).WithSummary("Delete a file or folder");
        files.MapGet("/directory", ListAsync).Produces<List<ApiFileAttributes>>().WithSummary("A folder's files and folders");
        files.MapPost("/directory", (string @namespace, [FromQuery] string? path) => { Root(@namespace).Append(path ?? "/"); return TypedResults.Ok(); })
            .WithSummary("Create a folder (accepted; storage keeps folders only while they hold files)");
        files.MapGet("/search", SearchAsync).Produces<List<string>>().WithSummary("Paths of the files whose path contains q");
        files.MapGet("/stats", StatsAsync).Produces<ApiFileAttributes>().WithSummary("A file's or folder's attributes");
    }

    private static StorageUri Root(string ns) => StoragePaths.NamespaceFiles(ns);

    private static StorageUri At(string ns, string? path) =>
        string.IsNullOrEmpty(path) ? throw ApiException.BadRequest("give the file as ?path=/folder/file") : Root(ns).Append(path);

    private static async Task<IResult> GetAsync(string @namespace, HarrierHost host, CancellationToken ct, [FromQuery] string? path = null)
    {
        var uri = At(@namespace, path);
        var info = await host.Files.GetInfoAsync(uri, ct) ?? throw ApiException.NotFound($"namespace {@namespace} has no file {path}");
        return TypedResults.Stream(await host.Files.OpenReadAsync(uri, ct), "application/octet-stream", lastModified: info.Modified);
    }

    private static async Task<IResult> UploadAsync(string @namespace, HttpRequest request, HarrierHost host, CancellationToken ct, [FromQuery] string? path = null)
    {
        if (!request.HasFormContentType)
        {
            throw ApiException.UnsupportedMediaType("upload the file as multipart/form-data with a part named fileContent");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException ex)
        {
            throw ApiException.Invalid($"the multipart body cannot be read: {ex.Message}");
        }

        var file = form.Files["fileContent"] ?? (form.Files.Count > 0 ? form.Files[0] : null) ?? throw ApiException.Invalid("the body has no file part; send it as fileContent", "fileContent");
        if (file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await UnzipAsync(@namespace, file, host, ct);
            return TypedResults.Ok();
        }

        var uri = At(@namespace, path);
        await using var content = file.OpenReadStream();
        await host.Files.PutAsync(uri, content, ct);
        return TypedResults.Ok();
    }

    private static async Task UnzipAsync(string ns, IFormFile file, HarrierHost host, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw ApiException.Invalid($"{file.FileName} is not a zip archive: {ex.Message}");
        }

        using (archive)
        {
            if (archive.Entries.Count > MaxZipEntries)
            {
                throw ApiException.Invalid($"{file.FileName} holds {archive.Entries.Count} entries; at most {MaxZipEntries} are unpacked");
            }

            if (archive.Entries.Sum(e => e.Length) > MaxZipBytes)
            {
                throw ApiException.Invalid($"{file.FileName} unpacks to more than {MaxZipBytes / (1024 * 1024)} MiB; upload its files one by one");
            }

            // Every name is checked before anything is written, so a bad entry stores nothing.
            var targets = archive.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => (Entry: e, Uri: Root(ns).Append(e.FullName))).ToList();
            foreach (var (entry, uri) in targets)
            {
                await using var content = entry.Open();
                await host.Files.PutAsync(uri, content, ct);
            }
        }
    }

    private static async Task<IResult> MoveAsync(string @namespace, HarrierHost host, CancellationToken ct, [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        var source = At(@namespace, from);
        var target = At(@namespace, to);
        var files = await host.Files.ListAsync(source, ct);
        if (files.Count == 0)
        {
            throw ApiException.NotFound($"namespace {@namespace} has no file or folder {from}");
        }

        foreach (var file in files)
        {
            var relative = file.Uri.RelativeTo(source);
            var destination = relative.Length == 0 ? target : target.Append(relative);
            await using (var content = await host.Files.OpenReadAsync(file.Uri, ct))
            {
                await host.Files.PutAsync(destination, content, ct);
            }
        }

        await host.Files.DeleteAsync(source, ct);
        return TypedResults.Ok();
    }

    private static async Task<IResult> DeleteAsync(string @namespace, HarrierHost host, CancellationToken ct, [FromQuery] string? path = null)
    {
        var uri = At(@namespace, path);
        if (uri.Equals(Root(@namespace)))
        {
            throw ApiException.IllegalArgument("give a file or folder inside the namespace; deleting every namespace file at once is refused");
        }

        return await host.Files.DeleteAsync(uri, ct) > 0 ? TypedResults.Ok() : throw ApiException.NotFound($"namespace {@namespace} has no file or folder {path}");
    }

    private static async Task<IResult> ListAsync(string @namespace, HarrierHost host, CancellationToken ct, [FromQuery] string? path = null)
    {
        var folder = Root(@namespace).Append(path ?? "/");
        var files = await host.Files.ListAsync(folder, ct);
        if (files.Count == 0 && !folder.Equals(Root(@namespace)))
        {
            throw ApiException.NotFound($"namespace {@namespace} has no folder {path}");
        }

        var entries = files.Where(f => !f.Uri.Equals(folder)).GroupBy(f => f.Uri.Segments[folder.Segments.Count], StringComparer.Ordinal)
            .Select(group => group.Count() == 1 && group.First().Uri.Segments.Count == folder.Segments.Count + 1
                ? Attributes(group.Key, group.First())
                : Folder(group.Key, group))
            .OrderBy(a => a.Type == "Directory" ? 0 : 1).ThenBy(a => a.FileName, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(entries);
    }

    private static async Task<IResult> SearchAsync(string @namespace, HarrierHost host, CancellationToken ct, [FromQuery] string? q = null)
    {
        var root = Root(@namespace);
        var paths = (await host.Files.ListAsync(root, ct)).Select(f => "/" + f.Uri.RelativeTo(root))
            .Where(p => string.IsNullOrEmpty(q) || p.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
        return TypedResults.Ok(paths);
    }

    private static async Task<IResult> StatsAsync(string @namespace, HarrierHost host, CancellationToken ct, [FromQuery] string? path = null)
    {
        var uri = Root(@namespace).Append(path ?? "/");
        if (await host.Files.GetInfoAsync(uri, ct) is { } file)
        {
            return TypedResults.Ok(Attributes(uri.FileName, file));
        }

        var files = await host.Files.ListAsync(uri, ct);
        return files.Count > 0 || uri.Equals(Root(@namespace))
            ? TypedResults.Ok(Folder(uri.Equals(Root(@namespace)) ? "/" : uri.FileName, files))
            : throw ApiException.NotFound($"namespace {@namespace} has no file or folder {path}");
    }

    private static ApiFileAttributes Attributes(string name, StoredFile file)
    {
        var modified = (file.Modified ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds();
        return new ApiFileAttributes(name, modified, modified, "File", file.Size);
    }

    private static ApiFileAttributes Folder(string name, IEnumerable<StoredFile> files)
    {
        var modified = files.Select(f => (f.Modified ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds()).DefaultIfEmpty(0).Max();
        return new ApiFileAttributes(name, modified, modified, "Directory", 0);
    }
}
