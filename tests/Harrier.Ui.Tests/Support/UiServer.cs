using System.Text.RegularExpressions;
using Harrier.TestKit.Processes;

namespace Harrier.Ui.Tests.Support;

/// <summary>
/// <c>harrier server standalone</c> as a real child process on a free loopback port (port 0, read back from the line it
/// prints), on a fresh data directory: the UI under test is the one embedded in that executable.
/// </summary>
public sealed partial class UiServer : IDisposable
{
    private UiServer(HarrierProcess process, Uri address)
    {
        Process = process;
        Address = address;
        Api = new HttpClient { BaseAddress = new Uri(address, "/api/v1/main/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HarrierProcess Process { get; }

    public Uri Address { get; }

    /// <summary>The REST API, to arrange what a test needs and to check what the UI did.</summary>
    public HttpClient Api { get; }

    public static async Task<UiServer> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = HarrierProcess.Start(Path.GetDirectoryName(dataDirectory)!, environment ?? new Dictionary<string, string>(),
            "server", "standalone", "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDirectory, "--workers", "2");
        string line;
        try
        {
            line = await process.WaitForLineAsync(l => l.Contains("harrier server: listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Dispose();
            throw new TimeoutException($"harrier server standalone did not start within 60 s; its output:\n{process.Output}");
        }

        return new UiServer(process, new Uri(Listening().Match(line).Groups[1].Value));
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    public void Dispose()
    {
        Api.Dispose();
        Process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
