using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Running;

/// <summary>Errors a user meets outside the flow itself print one sentence, never a stack trace.</summary>
public sealed class CliErrorTests
{
    [Fact]
    public void Run_WithAnUnusableDataDirectory_ExitsTwoWithASentenceAndNoStackTrace()
    {
        var flow = Path.Combine(Path.GetTempPath(), $"harrier-cli-error-{Guid.NewGuid():N}.yml");
        File.WriteAllText(flow, "id: one\nnamespace: tests\ntasks:\n  - id: hello\n    type: Log\n    message: hi\n");
        try
        {
            // /proc refuses new directories even for root, so this cannot become writable by accident.
            var run = CliRun.Of("run", flow, "--data-dir", "/proc/harrier-cannot-exist");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("cannot write to its data directory", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(flow);
        }
    }
}
