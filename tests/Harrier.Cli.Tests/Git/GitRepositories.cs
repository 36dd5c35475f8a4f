using Harrier.Cli.Tests.Support;
using Harrier.TestKit.Git;

namespace Harrier.Cli.Tests.Git;

/// <summary>
/// The bare repositories every clone test serves, under <see cref="Root"/>:
/// <list type="bullet">
/// <item><c>app.git</c>, default branch <c>trunk</c> (not main): commits v1 (annotated tag <c>v1</c>), v2
/// (lightweight tag <c>light</c>), v3 on trunk; branch <c>feature</c> from v2 with one more commit. Its
/// <c>main.py</c> prints <c>hello vN</c> and sets the output <c>version</c>.</item>
/// <item><c>lib.git</c> and <c>withsub.git</c> (default <c>main</c>), whose submodule <c>lib</c> has the
/// relative URL <c>../lib.git</c>, so it resolves on every transport.</item>
/// </list>
/// </summary>
public sealed class GitRepositories : IDisposable
{
    private readonly ScratchDirectory _scratch = new("harrier-git-repos-");

    public GitRepositories()
    {
        Root = _scratch.Combine("repos");
        Directory.CreateDirectory(Root);
        var app = GitRepositoryBuilder.Init(_scratch.Combine("work", "app"), "trunk");
        V1 = app.File("main.py", MainPy("v1")).File("README.md", "app\n").Commit("v1");
        app.AnnotatedTag("v1", "release v1");
        V2 = app.File("main.py", MainPy("v2")).Commit("v2");
        app.LightweightTag("light");
        app.Branch("feature").File("feature.txt", "feature branch\n");
        Feature = app.Commit("feature work");
        V3 = app.Checkout("trunk").File("main.py", MainPy("v3")).Commit("v3");
        app.PublishBare(Path.Combine(Root, "app.git"), "trunk");

        var lib = GitRepositoryBuilder.Init(_scratch.Combine("work", "lib"));
        lib.File("lib.txt", "from the submodule\n").Commit("lib");
        lib.PublishBare(Path.Combine(Root, "lib.git"), "main");

        var withSub = GitRepositoryBuilder.Init(_scratch.Combine("work", "withsub"));
        withSub.File("main.py", "print(open('lib/lib.txt').read().strip())\n").Commit("parent");
        withSub.Git("remote", "add", "origin", Path.Combine(Root, "withsub.git"));
        withSub.Submodule("../lib.git", "lib");
        withSub.PublishBare(Path.Combine(Root, "withsub.git"), "main");
    }

    public string Root { get; }

    public string V1 { get; }

    public string V2 { get; }

    public string V3 { get; }

    public string Feature { get; }

    public string FileUrl(string repository) => "file://" + Path.Combine(Root, repository);

    public string BarePath(string repository) => Path.Combine(Root, repository);

    public void Dispose() => _scratch.Dispose();

    private static string MainPy(string version) =>
        $"import json\nprint('hello {version}')\nprint('::' + json.dumps({{'outputs': {{'version': '{version}'}}}}) + '::')\n";
}
