using System.Globalization;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Git;

/// <summary>
/// <c>io.kestra.plugin.git.Clone</c> (spec §8) with the git executable: always init + fetch + checkout, so
/// cloning into a directory that already holds files (inputFiles written first) works. Output: <c>directory</c>.
/// </summary>
public sealed class GitCloneTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        using var owned = context.SharedWorkingDirectory is null ? AttemptDirectory.Create(context.TempDirectory) : null;
        var workingDirectory = context.SharedWorkingDirectory ?? owned!.Path;
        var settings = GitUrlCredentials.MoveOutOfUrl(GitCloneSettings.Read(context.PropertiesWith(new Dictionary<string, object?> { ["workingDir"] = workingDirectory })));
        var target = settings.Directory is { Length: > 0 } sub ? InputFilesWriter.SafePath(workingDirectory, sub) : workingDirectory;
        Directory.CreateDirectory(target);

        using var credentials = GitCredentials.Create(settings, context.TempDirectory);
        var scrubber = new SecretScrubber([settings.Password, settings.Passphrase, settings.Username is null ? null : GitProcess.Base64($"{settings.Username}:{settings.Password}")]);
        var git = new GitProcess(credentials.Environment, scrubber);
        context.Logger.Log(TaskLogLevel.Info, $"Start cloning from '{SecretScrubber.Redact(settings.Url)}'");

        if (!Directory.Exists(Path.Combine(target, ".git")))
        {
            await git.RunAsync(target, ["init", "-q"], cancellationToken).ConfigureAwait(false);
        }

        var remotes = await git.RunAsync(target, ["remote"], cancellationToken).ConfigureAwait(false);
        var hasOrigin = remotes.Split('\n').Any(r => r.Trim() == "origin");
        await git.RunAsync(target, hasOrigin ? ["remote", "set-url", "origin", settings.Url] : ["remote", "add", "origin", settings.Url], cancellationToken).ConfigureAwait(false);
        var checkedOut = await FetchAndCheckoutAsync(git, target, settings, cancellationToken).ConfigureAwait(false);
        context.Logger.Log(TaskLogLevel.Info, checkedOut);

        if (settings.CloneSubmodules)
        {
            await git.RunAsync(target, [.. FileProtocol(settings), "submodule", "update", "--init", "--recursive"], cancellationToken).ConfigureAwait(false);
        }

        foreach (var (key, value) in settings.GitConfig)
        {
            await git.RunAsync(target, ["config", key, value], cancellationToken).ConfigureAwait(false);
        }

        return TaskOutcome.Success(new Dictionary<string, object?> { ["directory"] = target });
    }

    private static async Task<string> FetchAndCheckoutAsync(GitProcess git, string target, GitCloneSettings settings, CancellationToken cancellationToken)
    {
        List<string> fetch = ["fetch", "-q", settings.NoTags ? "--no-tags" : "--tags"];
        if (settings.Shallow)
        {
            fetch.Add("--depth=" + settings.Depth.ToString(CultureInfo.InvariantCulture));
        }

        fetch.Add("origin");
        if (settings.Commit is { } commit)
        {
            await git.RunAsync(target, [.. fetch, "+refs/heads/*:refs/remotes/origin/*"], cancellationToken).ConfigureAwait(false);
            await git.RunAsync(target, ["checkout", "-q", "--detach", commit], cancellationToken).ConfigureAwait(false);
            return $"Checked out commit {commit}";
        }

        if (settings.Tag is { } tag)
        {
            await git.RunAsync(target, [.. fetch, $"+refs/tags/{tag}:refs/tags/{tag}"], cancellationToken).ConfigureAwait(false);
            await git.RunAsync(target, ["checkout", "-q", "--detach", $"refs/tags/{tag}^{{commit}}"], cancellationToken).ConfigureAwait(false);
            return $"Checked out tag {tag}";
        }

        var branch = settings.Branch ?? await DefaultBranchAsync(git, target, cancellationToken).ConfigureAwait(false);
        var refspec = settings.CloneAllBranches ? "+refs/heads/*:refs/remotes/origin/*" : $"+refs/heads/{branch}:refs/remotes/origin/{branch}";
        await git.RunAsync(target, [.. fetch, refspec], cancellationToken).ConfigureAwait(false);
        await git.RunAsync(target, ["checkout", "-q", "-B", branch, $"refs/remotes/origin/{branch}"], cancellationToken).ConfigureAwait(false);
        return $"Checked out branch {branch}";
    }

    /// <summary>The remote's HEAD, then main, then master (spec §8), else an error asking for a branch.</summary>
    private static async Task<string> DefaultBranchAsync(GitProcess git, string target, CancellationToken cancellationToken)
    {
        var remote = await git.RunAsync(target, ["ls-remote", "--symref", "origin", "HEAD", "refs/heads/main", "refs/heads/master"], cancellationToken).ConfigureAwait(false);
        foreach (var line in remote.Split('\n'))
        {
            if (line.StartsWith("ref: refs/heads/", StringComparison.Ordinal) && line.EndsWith("\tHEAD", StringComparison.Ordinal))
            {
                return line["ref: refs/heads/".Length..^"\tHEAD".Length];
            }
        }

        foreach (var candidate in new[] { "main", "master" })
        {
            if (remote.Contains($"\trefs/heads/{candidate}", StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new TaskFailedException("could not find the remote's default branch (no HEAD, main or master); set 'branch'");
    }

    /// <summary>git refuses file:// submodules by default (CVE-2022-39253); allow them only for a local parent repository.</summary>
    private static string[] FileProtocol(GitCloneSettings settings) =>
        settings.Url.StartsWith("file://", StringComparison.Ordinal) || settings.Url.StartsWith('/') ? ["-c", "protocol.file.allow=always"] : [];
}
