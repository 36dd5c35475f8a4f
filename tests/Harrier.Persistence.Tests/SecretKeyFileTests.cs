using Harrier.Core.Inputs;
using Xunit;

namespace Harrier.Persistence.Tests;

public sealed class SecretKeyFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("harrier-key-").FullName;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_CreatesAnOwnerOnlyKey_ThenKeepsReturningIt()
    {
        var first = SecretKeyFile.LoadOrCreate(_directory);
        var second = SecretKeyFile.LoadOrCreate(_directory);

        Assert.Equal(SecretInputCipher.KeySize, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, SecretKeyFile.FileName)));
    }

    [Fact]
    public void CiphersOfTheSameDirectory_OpenEachOthersValues() =>
        Assert.Equal("pw", SecretKeyFile.OpenCipher(_directory).TryOpen(SecretKeyFile.OpenCipher(_directory).Seal("pw")));

    [Fact]
    public void LoadOrCreate_RefusesAFileThatIsNotAKey_SayingWhatToDo()
    {
        File.WriteAllText(Path.Combine(_directory, SecretKeyFile.FileName), "short");

        var error = Assert.Throws<DataDirectoryException>(() => SecretKeyFile.LoadOrCreate(_directory));

        Assert.Contains("expected 32", error.Message, StringComparison.Ordinal);
        Assert.Contains("move it away", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
