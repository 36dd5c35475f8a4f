using System.Text.RegularExpressions;
using Harrier.Core.Engine;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// Spec §5.4: every <c>kestra://</c> or <c>harrier://</c> URI in the rendered commands, before-commands,
/// interpreter or script is downloaded into the working directory and replaced by that copy's absolute path.
/// The copy keeps the file's extension (PowerShell and others run only files with theirs); one download per URI.
/// </summary>
internal sealed partial class StorageUriDownloads(ExecutionFiles? files, string workingDirectory)
{
    private readonly Dictionary<string, string> _downloaded = new(StringComparer.Ordinal);

    /// <summary>Kestra's pattern, plus the <c>harrier</c> scheme and '%' (file names with spaces are percent-encoded).</summary>
    [GeneratedRegex(@"(?:kestra|harrier)://[-\p{L}\p{N}._+~#=/%]*", RegexOptions.CultureInvariant)]
    private static partial Regex UriPattern();

    public async Task<string> RewriteAsync(string text, CancellationToken cancellationToken)
    {
        var matches = UriPattern().Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        foreach (var uri in matches.Select(m => m.Value).Distinct(StringComparer.Ordinal).Where(u => !_downloaded.ContainsKey(u)))
        {
            _downloaded[uri] = await DownloadAsync(uri, cancellationToken).ConfigureAwait(false);
        }

        return UriPattern().Replace(text, m => _downloaded[m.Value]);
    }

    public async Task<IReadOnlyList<string>?> RewriteAsync(IReadOnlyList<string>? texts, CancellationToken cancellationToken)
    {
        if (texts is null)
        {
            return null;
        }

        var rewritten = new List<string>(texts.Count);
        foreach (var text in texts)
        {
            rewritten.Add(await RewriteAsync(text, cancellationToken).ConfigureAwait(false));
        }

        return rewritten;
    }

    private async Task<string> DownloadAsync(string uri, CancellationToken cancellationToken)
    {
        if (files is null)
        {
            throw new TaskFailedException($"{uri}: downloading internal storage files needs internal storage, which this engine was started without");
        }

        try
        {
            var extension = Path.GetExtension(StorageUri.Parse(uri).FileName);
            var path = Path.Combine(workingDirectory, Ids.New(12) + extension);
            await files.DownloadAsync(uri, path, cancellationToken).ConfigureAwait(false);
            return path;
        }
        catch (StoragePathException ex)
        {
            throw new TaskFailedException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TaskFailedException($"{uri} does not exist in internal storage", ex);
        }
    }
}
