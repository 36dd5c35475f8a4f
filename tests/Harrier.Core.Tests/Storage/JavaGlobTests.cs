using Harrier.Core.Storage;

namespace Harrier.Core.Tests.Storage;

/// <summary>Java NIO glob rules (java.nio.file.FileSystem#getPathMatcher), as Kestra applies them to outputFiles.</summary>
public sealed class JavaGlobTests
{
    [Theory]
    [InlineData("*.csv", "data.csv", true)]
    [InlineData("*.csv", "out/data.csv", false)]
    [InlineData("*.csv", ".hidden.csv", true)]
    [InlineData("**/*.csv", "out/data.csv", true)]
    [InlineData("**/*.csv", "a/b/c/data.csv", true)]
    [InlineData("**/*.csv", "data.csv", false)]
    [InlineData("**.csv", "data.csv", true)]
    [InlineData("**.csv", "a/b/data.csv", true)]
    [InlineData("out/**", "out/bla.yml", true)]
    [InlineData("out/**", "out/a/b/c.txt", true)]
    [InlineData("out/**", "out", false)]
    [InlineData("out/**", "outside/x", false)]
    [InlineData("**", "a/b/c", true)]
    [InlineData("*", "a/b", false)]
    [InlineData("*", "a", true)]
    [InlineData("foo.?", "foo.c", true)]
    [InlineData("foo.?", "foo.cc", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("*.{java,class}", "Foo.java", true)]
    [InlineData("*.{java,class}", "Foo.class", true)]
    [InlineData("*.{java,class}", "Foo.txt", false)]
    [InlineData("{a,b}/*.txt", "b/x.txt", true)]
    [InlineData("{a,b}/*.txt", "c/x.txt", false)]
    [InlineData("{,x}y", "y", true)]
    [InlineData("a,b", "a,b", true)]
    [InlineData("a}b", "a}b", true)]
    [InlineData("[abc]x", "bx", true)]
    [InlineData("[abc]x", "dx", false)]
    [InlineData("[a-c]", "b", true)]
    [InlineData("[!a-c]", "d", true)]
    [InlineData("[!a-c]", "b", false)]
    [InlineData("x[!a]y", "x/y", false)]
    [InlineData("[a-]", "-", true)]
    [InlineData("[-a]", "-", true)]
    [InlineData("[^a]", "^", true)]
    [InlineData("[^a]", "b", false)]
    [InlineData("\\*", "*", true)]
    [InlineData("\\*", "a", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("(x)+$", "(x)+$", true)]
    [InlineData("/home/*/*", "/home/gus/data", true)]
    [InlineData("/home/*/*", "/home/gus", false)]
    [InlineData("/home/**", "/home/gus/data", true)]
    [InlineData("**/main.py", "/main.py", true)]
    [InlineData("**/main.py", "/a/main.py", true)]
    [InlineData("/ignore/**", "/ignore/x.txt", true)]
    [InlineData("/ignore/**", "/keep/x.txt", false)]
    public void Matches_LikeJava(string glob, string path, bool expected) =>
        Assert.Equal(expected, JavaGlob.Compile(glob).IsMatch(path));

    [Theory]
    [InlineData("a[/]b", "explicit '/'")]
    [InlineData("{a,{b}}", "cannot nest")]
    [InlineData("{a,b", "missing '}'")]
    [InlineData("[ab", "missing ']'")]
    [InlineData("[c-a]", "invalid range")]
    [InlineData("abc\\", "no character to escape")]
    public void MalformedGlobs_AreRefusedWithJavasReason(string glob, string reason) =>
        Assert.Contains(reason, Assert.Throws<ArgumentException>(() => JavaGlob.Compile(glob)).Message, StringComparison.Ordinal);
}
