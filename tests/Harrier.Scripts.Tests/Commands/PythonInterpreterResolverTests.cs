using System.Diagnostics;
using Harrier.Scripts.Commands;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Commands;

public sealed class PythonInterpreterResolverTests
{
    [Fact]
    public async Task Resolve_ReturnsTheRealInterpreterPath_NotAShim()
    {
        var resolver = new PythonInterpreterResolver();

        var python = await resolver.ResolveAsync(Interpreters.SearchPath, CancellationToken.None);

        Assert.NotNull(python);
        Assert.True(Path.IsPathRooted(python));
        Assert.DoesNotContain("/shims/", python, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ProbesOncePerPath()
    {
        var resolver = new PythonInterpreterResolver();
        var first = await resolver.ResolveAsync(Interpreters.SearchPath, CancellationToken.None);

        var again = Stopwatch.StartNew();
        var second = await resolver.ResolveAsync(Interpreters.SearchPath, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.True(again.ElapsedMilliseconds < 5, $"second resolution took {again.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Resolve_ReturnsNull_WhenNoPythonIsOnPath()
    {
        using var empty = new TempDirectory();

        Assert.Null(await new PythonInterpreterResolver().ResolveAsync(empty.Path, CancellationToken.None));
    }
}
