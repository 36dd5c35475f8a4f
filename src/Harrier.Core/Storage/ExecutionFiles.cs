using System.Text;

namespace Harrier.Core.Storage;

/// <summary>
/// A task run's door to files: reads <c>harrier://</c>/<c>kestra://</c> URIs of its own execution and of the one that
/// started it (another execution's files are refused), namespace files (<c>nsfile:///path</c>, <c>nsfile://other.ns/path</c>), local
/// <c>file://</c> paths inside allowed folders; uploads its output files under its task run's prefix.
/// Everything streams.
/// </summary>
public sealed class ExecutionFiles(IFileStorage storage, ExecutionFileScope scope)
{
    public IFileStorage Storage => storage;

    public ExecutionFileScope Scope => scope;

    public static bool IsUri(string text) =>
        StorageUri.IsStorageUri(text) || text.StartsWith("nsfile://", StringComparison.Ordinal) || text.StartsWith("file://", StringComparison.Ordinal);

    /// <summary>The storage address of an internal URI, refused unless it belongs to this execution or to the flow's namespace files.</summary>
    public StorageUri Authorize(string uriText)
    {
        var uri = StorageUri.Parse(uriText);
        if (uri.IsUnder(scope.ExecutionPrefix) || uri.IsUnder(StoragePaths.NamespaceFiles(scope.Namespace))
            || (scope.ParentExecutionPrefix is { } parent && uri.IsUnder(parent)))
        {
            return uri;
        }

        throw new StoragePathException($"'{uriText}' belongs to another execution; a task can read only its own execution's files ({scope.ExecutionPrefix}/…) and namespace files");
    }

    /// <summary>Opens a URI of any accepted scheme. Missing files throw <see cref="FileNotFoundException"/>.</summary>
    public async Task<Stream> OpenAsync(string uriText, CancellationToken cancellationToken)
    {
        if (StorageUri.IsStorageUri(uriText))
        {
            return await storage.OpenReadAsync(Authorize(uriText), cancellationToken).ConfigureAwait(false);
        }

        if (uriText.StartsWith("nsfile://", StringComparison.Ordinal))
        {
            return await storage.OpenReadAsync(NamespaceFileOf(uriText), cancellationToken).ConfigureAwait(false);
        }

        if (uriText.StartsWith("file://", StringComparison.Ordinal))
        {
            return StreamCopy.OpenRead(AllowedLocalFile(uriText));
        }

        throw new StoragePathException($"'{uriText}' is not a harrier://, kestra://, nsfile:// or file:// URI");
    }

    /// <summary>Streams the file behind <paramref name="uriText"/> into <paramref name="targetPath"/> (created or replaced).</summary>
    public async Task DownloadAsync(string uriText, string targetPath, CancellationToken cancellationToken)
    {
        if (storage is ILocalFileCopy local && StorageUri.IsStorageUri(uriText))
        {
            await local.CopyToFileAsync(Authorize(uriText), targetPath, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var source = await OpenAsync(uriText, cancellationToken).ConfigureAwait(false);
        await StreamCopy.ToFileAsync(source, targetPath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads a local file as <c>&lt;task run prefix&gt;/&lt;relativePath&gt;</c>; returns its URI.</summary>
    public async Task<StorageUri> UploadAsync(string relativePath, string sourcePath, CancellationToken cancellationToken)
    {
        var uri = scope.TaskRunPrefix.Append(relativePath);
        if (storage is ILocalFileCopy local)
        {
            await local.PutFileAsync(uri, sourcePath, cancellationToken).ConfigureAwait(false);
            return uri;
        }

        await using var source = StreamCopy.OpenRead(sourcePath);
        await storage.PutAsync(uri, source, cancellationToken).ConfigureAwait(false);
        return uri;
    }

    /// <summary>
    /// <c>read()</c>: an internal URI of this execution, an <c>nsfile://</c> URI, or a path in the flow's namespace.
    /// Synchronous because expressions are; the worker thread rendering a task's properties may block.
    /// </summary>
    public string ReadText(string uriOrPath)
    {
        using var stream = OpenAsync(ToUriText(uriOrPath), CancellationToken.None).GetAwaiter().GetResult();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary><c>fileSize()</c>: the size of a file of this execution or a namespace file.</summary>
    public long Size(string uriOrPath)
    {
        var text = ToUriText(uriOrPath);
        if (text.StartsWith("file://", StringComparison.Ordinal))
        {
            return new FileInfo(AllowedLocalFile(text)).Length;
        }

        var uri = text.StartsWith("nsfile://", StringComparison.Ordinal) ? NamespaceFileOf(text) : Authorize(text);
        var info = storage.GetInfoAsync(uri, CancellationToken.None).GetAwaiter().GetResult();
        return info?.Size ?? throw new FileNotFoundException($"No file at {uri}");
    }

    /// <summary>
    /// <c>nsfile:///path</c> (the flow's namespace) or <c>nsfile://other.namespace/path</c>: any namespace's files, as in
    /// Kestra's open-source edition (namespace restrictions are an Enterprise setting there), but only namespace files —
    /// the namespace must be a valid name (never <c>..</c>, never inside an execution's folder) and the path holds no
    /// <c>..</c>, so no URI reaches an execution's files.
    /// </summary>
    public StorageUri NamespaceFileOf(string uriText)
    {
        var rest = uriText["nsfile://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var ns = slash <= 0 ? scope.Namespace : rest[..slash];
        var path = slash < 0 ? rest : rest[(slash + 1)..];
        if (NamespaceNames.Problem(ns) is { } problem)
        {
            throw new StoragePathException($"'{uriText}': {problem}");
        }

        try
        {
            return StoragePaths.NamespaceFiles(ns).Append(Uri.UnescapeDataString(path));
        }
        catch (StoragePathException ex)
        {
            throw new StoragePathException($"'{uriText}': {ex.Message}", ex);
        }
    }

    private static string ToUriText(string uriOrPath) => IsUri(uriOrPath) ? uriOrPath : "nsfile:///" + uriOrPath.TrimStart('/');

    private string AllowedLocalFile(string uriText)
    {
        var path = new Uri(uriText).LocalPath;
        foreach (var root in scope.AllowedLocalPaths)
        {
            try
            {
                ContainedPath.EnsureInside(root, path);
                return Path.GetFullPath(path);
            }
            catch (StoragePathException)
            {
                // Try the next allowed folder.
            }
        }

        throw new StoragePathException(scope.AllowedLocalPaths.Count == 0
            ? $"'{uriText}': reading local files is not allowed on this server (no allowed paths are configured)"
            : $"'{uriText}' is outside the allowed local paths ({string.Join(", ", scope.AllowedLocalPaths)})");
    }
}
