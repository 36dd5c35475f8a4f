namespace Harrier.TestKit.Git;

/// <summary>
/// <c>git daemon</c> serving every repository under a folder as <c>git://127.0.0.1:PORT/NAME</c>, bound to
/// loopback only, stopped by PID on dispose.
/// </summary>
public sealed class GitDaemonServer : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private GitDaemonServer(ServerProcess process, int port, string basePath)
    {
        _process = process;
        Port = port;
        BasePath = basePath;
    }

    public int Port { get; }

    public string BasePath { get; }

    public string Url(string repository) => $"git://127.0.0.1:{Port}/{repository}";

    public static async Task<GitDaemonServer> StartAsync(string basePath, CancellationToken cancellationToken = default)
    {
        var git = ExternalTool.Require("git");
        var failures = new List<string>();
        for (var tries = 0; tries < 5; tries++)
        {
            var port = LoopbackPort.Free();
            var process = ServerProcess.Start(git,
            [
                "daemon", $"--base-path={basePath}", "--export-all", "--listen=127.0.0.1", $"--port={port}", "--reuseaddr",
                "--informative-errors", "--max-connections=8",
            ]);
            if (await LoopbackPort.WaitUntilAcceptingAsync(port, process.Process, TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false))
            {
                return new GitDaemonServer(process, port, basePath);
            }

            failures.Add(process.Output);
            process.Dispose();
        }

        throw new InvalidOperationException($"git daemon did not start on 127.0.0.1: {string.Join(" | ", failures)}");
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
