using Harrier.Core.Engine;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// A fresh directory for one attempt, deleted afterwards (even when the task failed or was killed). It is 0700, in a
/// parent that must be this user's and closed to others (<see cref="PrivateFolder"/>): no other local user can read
/// the task's files or plant some for it.
/// </summary>
internal sealed class AttemptDirectory : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private AttemptDirectory(string path) => Path = path;

    public string Path { get; }

    public static AttemptDirectory Create(string tempRoot)
    {
        string root;
        try
        {
            root = PrivateFolder.Ensure(tempRoot, "the parent of task working directories (the engine's TempDirectory)");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TaskFailedException(ex.Message, ex);
        }

        while (true)
        {
            var path = System.IO.Path.Combine(root, Ids.New(12));
            if (Directory.Exists(path))
            {
                continue;
            }

            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, OwnerOnly);
            }

            return new AttemptDirectory(path);
        }
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
