using System.CommandLine;
using System.Runtime.InteropServices;
using Harrier.Cli.Running;
using Harrier.Server.Configuration;
using Harrier.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Harrier.Cli.Server;

/// <summary>
/// <c>harrier server standalone</c>: executor, workers and the REST API in one long-running process (Kestra's
/// <c>server standalone</c>). Settings come from the defaults, then <c>--config FILE</c>, then <c>HARRIER_…</c> variables,
/// then the flags. Ready when it prints its address (and <c>GET /health</c> answers 200); SIGTERM or Ctrl-C drains it.
/// </summary>
public static class ServerCommand
{
    public static Command Create()
    {
        var command = new Command("server", "Run Harrier as a long-running server.");
        command.Subcommands.Add(Standalone());
        return command;
    }

    private static Command Standalone()
    {
        var port = new Option<int?>("--port") { Description = "TCP port (default 8080; 0 picks a free one)." };
        var host = new Option<string?>("--host") { Description = "Address to listen on (default 127.0.0.1)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory (default .harrier)." };
        var config = new Option<string?>("--config") { Description = "YAML configuration file (keys in docs/server.md)." };
        var workers = new Option<int?>("--workers") { Description = "Task runs executed at once (default: cores, at least 2)." };
        var flows = new Option<string?>("--flows") { Description = "Deploy the flows of this folder at start and keep them in sync." };
        var defaultRunner = new Option<string?>("--default-runner") { Description = "Runner of script tasks that name none: process (default) or docker." };
        var volumes = new Option<bool>("--allow-docker-volumes") { Description = "Let Docker-runner tasks bind-mount host paths (volumes)." };
        var remote = new Option<bool>("--allow-remote-without-auth") { Description = "Listen on a non-loopback address without basic auth, on purpose." };
        var command = new Command("standalone", "Executor, workers and Kestra's REST API in one process.") { port, host, dataDir, config, workers, flows, defaultRunner, volumes, remote };
        command.SetAction((parseResult, _) =>
        {
            var options = new ServerOptions();
            if (parseResult.GetValue(config) is { } file)
            {
                options = ServerConfigReader.ReadFile(options, file);
            }

            options = ServerConfigReader.ReadEnvironment(options, Environment.GetEnvironmentVariables());
            options = options with
            {
                Port = parseResult.GetValue(port) ?? options.Port,
                Host = parseResult.GetValue(host) ?? options.Host,
                DataDirectory = parseResult.GetValue(dataDir) ?? options.DataDirectory,
                Workers = parseResult.GetValue(workers) ?? options.Workers,
                FlowsDirectory = parseResult.GetValue(flows) ?? options.FlowsDirectory,
                DefaultRunner = parseResult.GetValue(defaultRunner) ?? options.DefaultRunner,
                DockerVolumesEnabled = parseResult.GetValue(volumes) || options.DockerVolumesEnabled,
                AllowRemoteWithoutAuth = parseResult.GetValue(remote) || options.AllowRemoteWithoutAuth,
            };
            var configuration = parseResult.InvocationConfiguration;
            return RunAsync(options, configuration.Output, configuration.Error);
        });
        return command;
    }

    private static async Task<int> RunAsync(ServerOptions options, TextWriter output, TextWriter error)
    {
        // The server handles SIGINT and SIGTERM itself (HarrierCli leaves them to it): the first one drains, a second one
        // exits at once.
        using var stop = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            if (Interlocked.Increment(ref signals) == 1)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var logs = new StderrLoggerProvider(error, Environment.GetEnvironmentVariable("HARRIER_DEBUG") is { Length: > 0 } ? LogLevel.Debug : LogLevel.Information);
        await using var server = await HarrierServer.StartAsync(options, logs, stop.Token).ConfigureAwait(false);
        var slots = server.Host.Engine.Services.Options.WorkerSlots;
        await output.WriteLineAsync($"harrier server: listening on {server.Address.ToString().TrimEnd('/')} (data directory {Path.GetFullPath(options.DataDirectory)}{Database(options)}, {slots} worker slots{(options.BasicAuth is null ? "" : ", basic auth")})").ConfigureAwait(false);
        if (server.Recovered > 0)
        {
            await output.WriteLineAsync($"harrier server: recovered {server.Recovered} interrupted execution(s); they run to their end here").ConfigureAwait(false);
        }

        if (server.FlowSync is { } sync)
        {
            await output.WriteLineAsync($"harrier server: deployed {sync.Deployed.Count} flow(s) from {options.FlowsDirectory} ({sync.Invalid.Count} problem(s)); watching it for changes").ConfigureAwait(false);
        }

        await output.FlushAsync().ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await output.WriteLineAsync("harrier server: stopping (draining running tasks; press Ctrl-C again to exit at once)").ConfigureAwait(false);
        await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync("harrier server: stopped").ConfigureAwait(false);
        return 0;
    }

    /// <summary>", database PostgreSQL postgresql://user:***@host/db" on PostgreSQL (the password never printed); nothing on SQLite.</summary>
    private static string Database(ServerOptions options)
    {
        var database = new Harrier.Server.Hosting.DatabaseSettings(options.DatabaseType, options.DatabaseUrl);
        return database.IsPostgres ? ", database " + database.Describe(options.DataDirectory) : "";
    }
}
