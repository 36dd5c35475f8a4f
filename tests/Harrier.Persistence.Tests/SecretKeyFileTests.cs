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

    /// <summary>The race is lost only now and then (one creator in hundreds once got its own key): many rounds find it.</summary>
    public static TheoryData<int> Rounds() => new(Enumerable.Range(1, 25));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(Rounds))]
    public async Task ProcessesCreatingTheKeyAtOnce_AllGetTheSameWholeKey(int round)
    {
        _ = round;
        var directory = Path.Combine(Path.GetTempPath(), "harrier-tests", Guid.NewGuid().ToString("N"));
        try
        {
            // Threads stand in for processes starting together on a new data directory (they race on the same files).
            var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => SecretKeyFile.LoadOrCreate(directory))));

            Assert.All(keys, key => Assert.Equal(keys[0], key));
            Assert.Equal(keys[0], await File.ReadAllBytesAsync(Path.Combine(directory, SecretKeyFile.FileName)));
            Assert.Equal([SecretKeyFile.FileName], Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
