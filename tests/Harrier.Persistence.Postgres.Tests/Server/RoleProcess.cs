using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Harrier.TestKit.Processes;

namespace Harrier.Persistence.Postgres.Tests.Server;

/// <summary>
/// One <c>harrier server ROLE</c> process (a real child process on a free loopback port), found ready by the address it
/// prints; killed like a crash (<see cref="HarrierProcess.KillHard"/>) or stopped like a service manager does.
/// </summary>
public sealed partial class RoleProcess : IDisposable
{
    private RoleProcess(HarrierProcess process, Uri address)
    {
        Process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = new Uri(address, "/api/v1/main/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HarrierProcess Process { get; }

    public Uri Address { get; }

    /// <summary>The API (only a webserver answers it).</summary>
    public HttpClient Http { get; }

    public int Pid => Process.Id;

    public static async Task<RoleProcess> StartAsync(string workingDirectory, string config, string role, params string[] extra)
    {
        var data = Path.Combine(workingDirectory, "data");
        var process = HarrierProcess.Start(workingDirectory, ["server", role, "--port", "0", "--data-dir", data, "--config", config, .. extra]);
        try
        {
            var line = await process.WaitForLineAsync(l => l.Contains(" listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            return new RoleProcess(process, new Uri(Listening().Match(line).Groups[1].Value));
        }
        catch (TimeoutException)
        {
            process.Dispose();
            throw new TimeoutException($"harrier server {role} did not start; its output:\n{process.Output}");
        }
    }

    /// <summary>A configuration file on <paramref name="url"/> with a short worker lease (lost jobs run again sooner).</summary>
    public static async Task<string> WriteConfigAsync(string folder, string url, string leaseDuration)
    {
        var config = Path.Combine(folder, "harrier.yml");
        await File.WriteAllTextAsync(config, $"database:\n  type: postgres\n  url: {url}\nworker:\n  leaseDuration: {leaseDuration}\n");
        return config;
    }

    public async Task<JsonNode> HealthAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return JsonNode.Parse(await http.GetStringAsync(new Uri(Address, "/health")))!;
    }

    public async Task DeployAsync(string yaml)
    {
        using var response = await Http.PostAsync("flows", new StringContent(yaml, Encoding.UTF8, new MediaTypeHeaderValue("application/x-yaml")));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"deploying failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<string> StartExecutionAsync(string ns, string flowId)
    {
        using var response = await Http.PostAsync($"executions/{ns}/{flowId}", null);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? JsonNode.Parse(text)!["id"]!.GetValue<string>()
            : throw new InvalidOperationException($"starting {ns}.{flowId} failed: {(int)response.StatusCode} {text}");
    }

    public async Task<JsonNode> ExecutionAsync(string id) => JsonNode.Parse(await Http.GetStringAsync($"executions/{id}"))!;

    /// <summary>The execution once it has ended (at most <paramref name="timeout"/>).</summary>
    public async Task<JsonNode> WaitForEndAsync(string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var execution = await ExecutionAsync(id);
            if (execution["state"]!["current"]!.GetValue<string>() is "SUCCESS" or "FAILED" or "KILLED" or "WARNING" or "CANCELLED")
            {
                return execution;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"execution {id} has not ended after {timeout}: {execution.ToJsonString()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The messages of the execution's log lines.</summary>
    public async Task<IReadOnlyList<string>> LogMessagesAsync(string id) =>
        [.. JsonNode.Parse(await Http.GetStringAsync($"logs/{id}"))!.AsArray().Select(l => l!["message"]!.GetValue<string>())];

    /// <summary>The pid in an attempt's worker id (host:pid:start).</summary>
    public static int WorkerPid(JsonNode attempt) => int.Parse(attempt["workerId"]!.GetValue<string>().Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
