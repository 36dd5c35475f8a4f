using System.Security.Cryptography;
using Harrier.Core.Inputs;

namespace Harrier.Persistence;

/// <summary>
/// The key that seals SECRET inputs, kept beside the database as <c>secret-inputs.key</c> (owner read/write only):
/// a copy of the database alone does not reveal them. Created on first use — atomically, since several processes may
/// start on a new data directory at once: the key is written whole to a file of its own, then linked into place; the
/// first link wins and every other process reads that one.
/// </summary>
public static class SecretKeyFile
{
    public const string FileName = "secret-inputs.key";

    public static SecretInputCipher OpenCipher(string dataDirectory) => new(LoadOrCreate(dataDirectory));

    public static byte[] LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        OwnerOnly.CreateDirectory(dataDirectory);
        if (File.Exists(path))
        {
            return Read(path);
        }

        var key = RandomNumberGenerator.GetBytes(SecretInputCipher.KeySize);
        var draft = Path.Combine(dataDirectory, $"{FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(draft, options))
            {
                stream.Write(key);
                stream.Flush(flushToDisk: true);
            }

            // The first process to put its key in place wins; every other one reads the winner's key.
            return LinkIntoPlace(draft, path) ? key : Read(path);
        }
        finally
        {
            File.Delete(draft);
        }
    }

    /// <summary>
    /// Puts the whole draft at <paramref name="path"/> unless a file is already there, as one atomic step: link(2) fails
    /// with EEXIST rather than replacing (File.Move without overwrite checks and then renames on Unix, so two processes can
    /// both "win" and hand out different keys). On Windows MoveFileEx without REPLACE_EXISTING is already atomic.
    /// </summary>
    private static bool LinkIntoPlace(string draft, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(draft, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }

        if (UnixLink.link(draft, path) == 0)
        {
            return true;
        }

        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        return errno == UnixLink.EEXIST
            ? false
            : throw new DataDirectoryException(
                $"Could not create '{path}' (errno {errno}). Check that the data directory is writable by this user.");
    }

    private static byte[] Read(string path)
    {
        var key = File.ReadAllBytes(path);
        return key.Length == SecretInputCipher.KeySize
            ? key
            : throw new DataDirectoryException(
                $"'{path}' is not a Harrier key file ({key.Length} bytes, expected {SecretInputCipher.KeySize}). Restore it from a " +
                "backup, or move it away to start with a new key (SECRET inputs of existing executions can then no longer be read).");
    }
}
