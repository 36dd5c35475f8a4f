using System.Text.RegularExpressions;
using Harrier.TestKit.Processes;

namespace Harrier.Server.Tests.Processes;

/// <summary>
/// <c>harrier server standalone</c> as a real child process on a free port: started, found ready by the address it
/// prints, then stopped like a service manager does (SIGTERM) or like a crash (SIGKILL).
/// </summary>
public sealed partial class ServerProcess : IDisposable
{
    private ServerProcess(HarrierProcess process, Uri address)
    {
        Process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = new Uri(address, "/api/v1/main/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HarrierProcess Process { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<ServerProcess> StartAsync(string workingDirectory, string dataDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var process = HarrierProcess.Start(workingDirectory, environment ?? new Dictionary<string, string>(),
            ["server", "standalone", "--port", "0", "--data-dir", dataDirectory, "--workers", "2", .. extra]);
        string line;
        try
        {
            line = await process.WaitForLineAsync(l => l.Contains("harrier server: listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Dispose();
            throw new TimeoutException($"the server did not start; its output:\n{process.Output}");
        }

        return new ServerProcess(process, new Uri(Listening().Match(line).Groups[1].Value));
    }

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
