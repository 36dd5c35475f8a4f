using Harrier.Core.Engine;

namespace Harrier.Scripts.Tasks;

/// <summary>A fresh directory for one attempt, deleted afterwards (even when the task failed or was killed).</summary>
internal sealed class AttemptDirectory : IDisposable
{
    private AttemptDirectory(string path) => Path = path;

    public string Path { get; }

    public static AttemptDirectory Create(string tempRoot)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(tempRoot), Ids.New(12));
        Directory.CreateDirectory(path);
        return new AttemptDirectory(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still held open by an escaped grandchild; the OS temp cleaner takes it later.
        }
    }
}
