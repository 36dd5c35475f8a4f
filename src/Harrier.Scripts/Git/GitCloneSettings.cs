using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Git;

/// <summary>The rendered properties of a Clone task (spec §8), with Kestra's defaults.</summary>
internal sealed record GitCloneSettings
{
    public required string Url { get; init; }

    public string? Branch { get; init; }

    public string? Tag { get; init; }

    public string? Commit { get; init; }

    public string? Directory { get; init; }

    public int Depth { get; init; } = 1;

    public bool CloneSubmodules { get; init; }

    public bool CloneAllBranches { get; init; } = true;

    public bool NoTags { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? PrivateKey { get; init; }

    public string? Passphrase { get; init; }

    public string? TrustedCaPemPath { get; init; }

    public IReadOnlyDictionary<string, string> GitConfig { get; init; } = new Dictionary<string, string>();

    /// <summary>A full history is needed to find a commit (short SHAs included) or a tag (Kestra does the same).</summary>
    public bool Shallow => Commit is null && Tag is null && Depth > 0;

    public static GitCloneSettings Read(PropertyReader properties)
    {
        var settings = new GitCloneSettings
        {
            Url = properties.RequiredString("url"),
            Branch = properties.String("branch"),
            Tag = properties.String("tag"),
            Commit = properties.String("commit"),
            Directory = properties.String("directory"),
            Depth = (int)(properties.Integer("depth") ?? 1),
            CloneSubmodules = properties.Bool("cloneSubmodules", false),
            CloneAllBranches = properties.Bool("cloneAllBranches", true),
            NoTags = properties.Bool("noTags", false),
            Username = properties.String("username"),
            Password = properties.String("password"),
            PrivateKey = properties.String("privateKey"),
            Passphrase = properties.String("passphrase"),
            TrustedCaPemPath = properties.String("trustedCaPemPath"),
            GitConfig = properties.StringMap("gitConfig") ?? new Dictionary<string, string>(),
        };
        if (settings.Tag is not null && settings.NoTags)
        {
            throw new TaskFailedException("tag cannot be combined with noTags: true (a tag needs tags fetched)");
        }

        if (!settings.CloneAllBranches && settings.Branch is null && settings.Tag is null && settings.Commit is null)
        {
            throw new TaskFailedException("cloneAllBranches: false needs a branch to clone");
        }

        if (settings.Depth < 1)
        {
            throw new TaskFailedException($"depth must be at least 1, found {settings.Depth}");
        }

        return settings;
    }
}
