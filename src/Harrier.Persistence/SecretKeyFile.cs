using System.Security.Cryptography;
using Harrier.Core.Inputs;

namespace Harrier.Persistence;

/// <summary>
/// The key that seals SECRET inputs, kept beside the database as <c>secret-inputs.key</c> (owner read/write only):
/// a copy of the database alone does not reveal them. Created on first use.
/// </summary>
public static class SecretKeyFile
{
    public const string FileName = "secret-inputs.key";

    public static SecretInputCipher OpenCipher(string dataDirectory) => new(LoadOrCreate(dataDirectory));

    public static byte[] LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        OwnerOnly.CreateDirectory(dataDirectory);
        try
        {
            var key = RandomNumberGenerator.GetBytes(SecretInputCipher.KeySize);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            {
                stream.Write(key);
                stream.Flush(flushToDisk: true);
            }

            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (or an earlier run) created it: use that one.
            return Read(path);
        }
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
