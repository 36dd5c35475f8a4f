using System.CommandLine;
using System.Runtime.InteropServices;
using Harrier.Cli.Running;
using Harrier.Server.Configuration;
using Harrier.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Harrier.Cli.Server;

/// <summary>
/// <c>harrier server standalone | executor | worker | scheduler | webserver</c> (Kestra's <c>server</c> commands): every
/// role in one long-running process, or one role of a deployment whose processes share a PostgreSQL database (or one
/// SQLite data directory on one machine). Settings come from the defaults, then <c>--config FILE</c>, then
/// <c>HARRIER_…</c> variables, then the flags. Ready when it prints its address (and <c>GET /health</c> answers 200);
/// SIGTERM or Ctrl-C drains it.
/// </summary>
public static class ServerCommand
{
    public static Command Create()
    {
        var command = new Command("server", "Run Harrier as a long-running server (all in one, or one role).");
        command.Subcommands.Add(Role("standalone", "Executor, workers, scheduler and Kestra's REST API in one process.", ServerRoles.Standalone));
        command.Subcommands.Add(Role("executor", "Plans executions (on a database other processes share).", ServerRoles.Executor));
        command.Subcommands.Add(Role("worker", "Runs tasks claimed from the queue: of its --group only, or of no group.", ServerRoles.Worker));
        command.Subcommands.Add(Role("scheduler", "Fires the triggers of deployed flows.", ServerRoles.Scheduler));
        command.Subcommands.Add(Role("webserver", "Kestra's REST API and the web UI.", ServerRoles.Webserver));
        return command;
    }

    private static Command Role(string name, string description, ServerRoles roles)
    {
        var web = roles.HasFlag(ServerRoles.Webserver);
        var runsTasks = roles.HasFlag(ServerRoles.Worker);
        var port = new Option<int?>("--port") { Description = web ? "TCP port (default 8080; 0 picks a free one)." : "TCP port of /health and /metrics (default 0: a free one, printed at start)." };
        var host = new Option<string?>("--host") { Description = "Address to listen on (default 127.0.0.1)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory (default .harrier)." };
        var config = new Option<string?>("--config") { Description = "YAML configuration file (keys in docs/server.md)." };
        var remote = new Option<bool>("--allow-remote-without-auth") { Description = "Listen on a non-loopback address without basic auth, on purpose." };
        var command = new Command(name, description) { port, host, dataDir, config, remote };
        var slots = new Option<int?>(roles == ServerRoles.Standalone ? "--workers" : "--slots") { Description = "Task runs executed at once (default: cores, at least 2)." };
        var group = new Option<string?>("--group") { Description = "Worker group: run only the tasks whose workerGroup.key is this (default: only tasks without one)." };
        var flows = new Option<string?>("--flows") { Description = "Deploy the flows of this folder at start and keep them in sync." };
        var defaultRunner = new Option<string?>("--default-runner") { Description = "Runner of script tasks that name none: process (default) or docker." };
        var volumes = new Option<bool>("--allow-docker-volumes") { Description = "Let Docker-runner tasks bind-mount host paths (volumes)." };
        if (runsTasks)
        {
            command.Options.Add(slots);
            command.Options.Add(defaultRunner);
            command.Options.Add(volumes);
        }

        if (roles == ServerRoles.Worker)
        {
            command.Options.Add(group);
        }

        if (web)
        {
            command.Options.Add(flows);
        }

        command.SetAction((parseResult, _) =>
        {
            // Only the webserver has a well-known port; the other roles default to a free one, so several run on one machine.
            var options = new ServerOptions { Roles = roles, Port = web ? 8080 : 0 };
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
                AllowRemoteWithoutAuth = parseResult.GetValue(remote) || options.AllowRemoteWithoutAuth,
                Workers = (runsTasks ? parseResult.GetValue(slots) : null) ?? options.Workers,
                WorkerGroup = (roles == ServerRoles.Worker ? parseResult.GetValue(group) : null) ?? (roles == ServerRoles.Worker ? options.WorkerGroup : null),
                FlowsDirectory = (web ? parseResult.GetValue(flows) : null) ?? options.FlowsDirectory,
                DefaultRunner = (runsTasks ? parseResult.GetValue(defaultRunner) : null) ?? options.DefaultRunner,
                DockerVolumesEnabled = (runsTasks && parseResult.GetValue(volumes)) || options.DockerVolumesEnabled,
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
        await output.WriteLineAsync($"harrier server{Role(options)}: listening on {server.Address.ToString().TrimEnd('/')} ({Describe(server, options)})").ConfigureAwait(false);
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

    /// <summary>" worker" for one role; nothing for standalone, whose line is as it always was.</summary>
    private static string Role(ServerOptions options) =>
        options.Roles == ServerRoles.Standalone ? "" : " " + string.Join('+', ServerRoleNames.Of(options.Roles));

    private static string Describe(HarrierServer server, ServerOptions options)
    {
        var parts = new List<string> { $"data directory {Path.GetFullPath(options.DataDirectory)}{Database(options)}" };
        if (options.Roles.HasFlag(ServerRoles.Worker))
        {
            parts.Add($"{server.Host.Engine.Services.Options.WorkerSlots} worker slots");
            if (options.Roles != ServerRoles.Standalone)
            {
                parts.Add(options.WorkerGroup is { } group ? $"worker group {group}" : "no worker group");
            }
        }

        if (!options.Roles.HasFlag(ServerRoles.Webserver))
        {
            parts.Add("/health and /metrics only");
        }
        else if (options.BasicAuth is not null)
        {
            parts.Add("basic auth");
        }

        return string.Join(", ", parts);
    }

    /// <summary>", database PostgreSQL postgresql://user:***@host/db" on PostgreSQL (the password never printed); nothing on SQLite.</summary>
    private static string Database(ServerOptions options)
    {
        var database = new Harrier.Server.Hosting.DatabaseSettings(options.DatabaseType, options.DatabaseUrl);
        return database.IsPostgres ? ", database " + database.Describe(options.DataDirectory) : "";
    }
}
