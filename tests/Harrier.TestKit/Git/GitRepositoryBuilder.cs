namespace Harrier.TestKit.Git;

/// <summary>
/// Builds real git repositories for clone tests: a working repository with commits, branches, annotated and
/// lightweight tags and submodules, then published as a bare repository (what servers serve).
/// Commits use a fixed author and dates so nothing depends on the machine's git configuration.
/// </summary>
public sealed class GitRepositoryBuilder
{
    private static readonly Dictionary<string, string> Identity = new()
    {
        ["GIT_AUTHOR_NAME"] = "Harrier Tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@harrier.invalid",
        ["GIT_COMMITTER_NAME"] = "Harrier Tests",
        ["GIT_COMMITTER_EMAIL"] = "tests@harrier.invalid",
        ["GIT_AUTHOR_DATE"] = "2024-01-01T00:00:00Z",
        ["GIT_COMMITTER_DATE"] = "2024-01-01T00:00:00Z",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
    };

    private GitRepositoryBuilder(string path)
    {
        WorkTree = path;
    }

    /// <summary>The working repository's folder.</summary>
    public string WorkTree { get; }

    /// <summary>A new working repository whose first branch is <paramref name="initialBranch"/>.</summary>
    public static GitRepositoryBuilder Init(string path, string initialBranch = "main")
    {
        Directory.CreateDirectory(path);
        var builder = new GitRepositoryBuilder(path);
        builder.Git("init", "-q", $"--initial-branch={initialBranch}");
        return builder;
    }

    /// <summary>Runs git in the work tree with the fixed identity; returns trimmed stdout.</summary>
    public string Git(params string[] arguments) => ExternalTool.Run("git", WorkTree, Identity, arguments);

    public GitRepositoryBuilder File(string relativePath, string content)
    {
        var path = Path.Combine(WorkTree, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Commits every change; returns the new commit's full SHA.</summary>
    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD");

    public GitRepositoryBuilder Branch(string name, bool checkout = true)
    {
        Git(checkout ? ["checkout", "-q", "-b", name] : ["branch", name]);
        return this;
    }

    public GitRepositoryBuilder Checkout(string name)
    {
        Git("checkout", "-q", name);
        return this;
    }

    public GitRepositoryBuilder AnnotatedTag(string name, string message)
    {
        Git("tag", "-a", name, "-m", message);
        return this;
    }

    public GitRepositoryBuilder LightweightTag(string name)
    {
        Git("tag", name);
        return this;
    }

    /// <summary>Adds <paramref name="url"/> as a submodule at <paramref name="path"/> and commits it.</summary>
    public string Submodule(string url, string path)
    {
        Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", url, path);
        return Commit($"add submodule {path}");
    }

    /// <summary>
    /// Publishes the repository as a bare one at <paramref name="barePath"/>, with every branch and tag and
    /// HEAD pointing at <paramref name="defaultBranch"/> (the branch a plain clone checks out).
    /// </summary>
    public string PublishBare(string barePath, string defaultBranch)
    {
        if (Directory.Exists(barePath))
        {
            Directory.Delete(barePath, recursive: true);
        }

        ExternalTool.Run("git", null, Identity, "clone", "-q", "--bare", "--no-local", WorkTree, barePath);
        ExternalTool.Run("git", barePath, Identity, "symbolic-ref", "HEAD", $"refs/heads/{defaultBranch}");
        // Smart HTTP serves a bare repository only when it allows it; git daemon uses --export-all instead.
        ExternalTool.Run("git", barePath, Identity, "config", "http.receivepack", "false");
        return barePath;
    }
}
