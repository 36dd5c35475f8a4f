using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Git;

/// <summary>Declaration of <c>io.kestra.plugin.git.Clone</c> (spec §8).</summary>
public static class GitCloneType
{
    public const string Type = "io.kestra.plugin.git.Clone";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("url", "HTTP(S), SSH or file URL of the repository.", required: true),
        Prop.String("branch", "Branch to check out."),
        Prop.String("tag", "Tag to check out."),
        Prop.String("commit", "Commit to check out (detached)."),
        Prop.String("directory", "Sub-directory to clone into."),
        Prop.Integer("depth", "Shallow clone depth.", 1L),
        Prop.Boolean("cloneSubmodules", "Initialise and update submodules.", false),
        Prop.Boolean("cloneAllBranches", "Fetch every branch.", true),
        Prop.Boolean("noTags", "Do not fetch tags.", false),
        Prop.String("username", "HTTP user."),
        Prop.String("password", "HTTP password or token."),
        Prop.String("privateKey", "PEM private key for SSH."),
        Prop.String("passphrase", "Passphrase of the private key."),
        Prop.String("trustedCaPemPath", "Extra CA bundle for HTTPS."),
        Prop.Boolean("noProxy", "Bypass proxies.", false),
        Prop.Integer("connectTimeout", "Connect timeout in ms.", 10000L),
        Prop.Integer("readTimeout", "Read timeout in ms.", 60000L),
        Prop.StringMap("gitConfig", "Settings applied to the repository's config after cloning."),
    ])
    {
        Description = "Clone a git repository into the working directory.",
    };
}
