using Harrier.Core.Storage;
using Harrier.TestKit.Users;

namespace Harrier.Cli.Tests.Security;

/// <summary>The per-user folder check on its own, with a real second user: what it creates, what it refuses.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFolderTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly SharedTemp _tmp = new();
    private readonly SecondUser _other = SecondUser.Get();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Ensure_CreatesMissingFoldersOwnerOnly_AsForAPerProcessSubfolder()
    {
        var nested = _tmp.Combine("harrier-0", "process-42", "attempts");

        PrivateFolder.Ensure(nested, "a test folder");

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_tmp.Combine("harrier-0")));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_tmp.Combine("harrier-0", "process-42")));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(nested));
    }

    [Fact]
    public void Ensure_RefusesAFolderInAParentOfAnotherUser_WhoCouldReplaceIt()
    {
        var parent = _tmp.Combine("theirs");
        _other.MustRun($"mkdir '{parent}' && chmod 755 '{parent}'");

        var error = Assert.Throws<UnauthorizedAccessException>(() => PrivateFolder.Ensure(Path.Combine(parent, "mine"), "a test folder"));

        Assert.Equal($"'{parent}', the parent of '{Path.Combine(parent, "mine")}' (a test folder), belongs to user {_other.Uid}, who could replace it; choose a folder of your own for a test folder", error.Message);
    }

    [Fact]
    public void Ensure_RefusesALinkMadeByAnotherUser_EvenToAFolderOfThisUser()
    {
        var target = _tmp.Combine("real");
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, OwnerOnly);
        var link = _tmp.Combine("harrier-link");
        _other.MustRun($"ln -s '{target}' '{link}'");

        var error = Assert.Throws<UnauthorizedAccessException>(() => PrivateFolder.Ensure(link, "a test folder"));

        Assert.Contains($"is a symbolic link made by user {_other.Uid}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ensure_AcceptsAStickyParentLikeTmp_AndItsOwnFolder()
    {
        var mine = _tmp.Combine("mine");

        Assert.Equal(mine, PrivateFolder.Ensure(mine, "a test folder"));
        Assert.Equal(mine, PrivateFolder.Ensure(mine, "a test folder"));
    }
}
