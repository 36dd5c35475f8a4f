using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class PerlHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task UseHarrier_PrintsOutputsMetricsAndLogs()
    {
        // Perl strings from the environment are bytes: decode them to characters, as the helper expects.
        var script = """
            use Harrier;
            use Encode qw(decode);
            Harrier::outputs({ text => decode('UTF-8', $ENV{TRICKY}), int => 2 });
            Harrier::counter('count', 1, { tag1 => 'i', tag2 => 'win' });
            Harrier::timer('timer1', sub { my $x = 0; $x += $_ for 1 .. 200000; $x });
            Harrier::timer('timer2', 2.12);
            Harrier::log('WARN', 'careful');
            """;

        var run = await HelperRun.RunScriptAsync("perl", "main.pl", script, _dir.Path);

        HelperRun.AssertStandardResults(run);
    }
}
