using System.Net;
using Harrier.Core.Engine;
using Harrier.Core.Store.Flows;
using Harrier.Core.Store.KeyValues;
using Harrier.Server.Api;
using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Executions;
using Harrier.Server.Api.Flows;
using Harrier.Server.Configuration;
using Harrier.Server.Monitoring;
using Harrier.Server.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Harrier.Server.Hosting;

/// <summary>
/// <c>harrier server standalone</c>: executor, workers, scheduler and Kestra's REST API in one process, on the engine of
/// the data directory in the server pool (owner null); or one of those roles (<see cref="ServerOptions.Roles"/>), the
/// others run by other processes on the same database. Start-up: adopt interrupted executions (executor), start the
/// engine, listen (the API and UI on a webserver; <c>/health</c> and <c>/metrics</c> on every role), deploy <c>--flows</c>
/// (webserver); then every recovery interval, adopt what other dead processes left (executor). <see cref="StopAsync"/> drains.
/// </summary>
public sealed partial class HarrierServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerContext _context;
    private readonly ServerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _background = new();
    private readonly List<Task> _loops = [];
    private FlowDirectorySync? _flows;
    private Scheduling.ScheduleLoop? _scheduler;
    private ILoggerFactory? _loggers;
    private int _stopped;

    private HarrierServer(WebApplication app, HarrierHost host, ServerContext context, ServerMetrics metrics, ILogger logger)
    {
        _app = app;
        Host = host;
        _context = context;
        _metrics = metrics;
        _logger = logger;
    }

    public HarrierHost Host { get; }

    public ServerOptions Options => _context.Options;

    /// <summary>The address the API answers on (the real port when 0 was asked).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1");

    /// <summary>Interrupted executions adopted at start.</summary>
    public int Recovered { get; private set; }

    /// <summary>What the first scan of <c>--flows</c> did (null without it).</summary>
    public FlowSyncReport? FlowSync { get; private set; }

    public FlowDirectorySync? FlowDirectory => _flows;

    public static async Task<HarrierServer> StartAsync(ServerOptions options, ILoggerProvider? logs, CancellationToken cancellationToken)
    {
        options.Validate();
        var endpoint = Endpoint(options);
        // Lives as long as the server: the engine creates loggers as it goes.
        var loggers = LoggerFactory.Create(b => { b.SetMinimumLevel(LogLevel.Information); if (logs is not null) { b.AddProvider(logs); } });
        var logger = loggers.CreateLogger<HarrierServer>();
        var roles = options.Roles;
        var engineOptions = new EngineOptions();
        engineOptions = engineOptions with
        {
            Owner = null,
            ProcessKind = ServerRoleNames.Kind(roles),
            WorkerSlots = options.Workers ?? engineOptions.WorkerSlots,
            WorkerGroup = options.WorkerGroup,
            LeaseDuration = options.LeaseDuration,
            PlanningLeaseDuration = options.PlanningLeaseDuration,
            RunsExecutor = roles.HasFlag(ServerRoles.Executor),
            RunsWorker = roles.HasFlag(ServerRoles.Worker),
        };
        var recovery = new PoolRecovery(logger);
        HarrierHost host;
        int recovered;
        try
        {
            var database = new DatabaseSettings(options.DatabaseType, options.DatabaseUrl);
            // Only an executor adopts: the executions it adopts are its to plan (a worker alone would leave them waiting).
            recovered = engineOptions.RunsExecutor
                ? await recovery.AdoptBeforeStartAsync(options.DataDirectory, database, engineOptions.LeaseDuration, cancellationToken).ConfigureAwait(false)
                : 0;
            var hostOptions = new HostOptions { DefaultRunner = options.DefaultRunner, DockerVolumesEnabled = options.DockerVolumesEnabled, Database = database };
            host = await HarrierHost.StartAsync(options.DataDirectory, engineOptions, hostOptions, cancellationToken, loggers).ConfigureAwait(false);
        }
        catch
        {
            loggers.Dispose();
            throw;
        }

        HarrierServer? server = null;
        try
        {
            var context = new ServerContext(options, TimeProvider.System) { InstanceId = InstanceIdFile.LoadOrCreate(options.DataDirectory) };
            var metrics = new ServerMetrics(host, TimeProvider.System);
            var triggerExecutions = new Scheduling.TriggerExecutions(host.Engine, ExpressionChecking.Renderer);
            var scheduler = new Scheduling.ScheduleLoop(
                host.Store.Triggers, new Scheduling.TriggerCatalog(host.Store.Triggers, HarrierHost.CreateFlowLoader(), logger),
                triggerExecutions, host.Engine, ExpressionChecking.Renderer, TimeProvider.System, logger);
            var app = Build(options, endpoint, new ServerComponents(host, context, metrics, scheduler, triggerExecutions), logs);
            server = new HarrierServer(app, host, context, metrics, logger) { Recovered = recovered, _loggers = loggers, _scheduler = scheduler };
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            server.Address = ListenAddress(app);
            context.BaseUrl = options.PublicUrl ?? server.Address.ToString().TrimEnd('/');
            if (engineOptions.RunsExecutor)
            {
                server._loops.Add(Task.Run(() => recovery.RunAsync(host, options.RecoveryInterval, server._background.Token), CancellationToken.None));
            }
            else if (engineOptions.RunsWorker)
            {
                server._loops.Add(Task.Run(() => recovery.RunSweepsAsync(host, options.RecoveryInterval, server._background.Token), CancellationToken.None));
            }

            if (roles.HasFlag(ServerRoles.Scheduler))
            {
                server._loops.Add(Task.Run(() => scheduler.RunAsync(server._background.Token), CancellationToken.None));
            }

            if (roles.HasFlag(ServerRoles.Webserver) && options.FlowsDirectory is { } directory)
            {
                server._flows = new FlowDirectorySync(directory, app.Services.GetRequiredService<FlowCatalog>(), logger);
                server.FlowSync = await server._flows.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            return server;
        }
        catch
        {
            // A server that got as far as listening stops as it would on SIGTERM (without a grace period); otherwise only
            // the engine has started.
            if (server is not null)
            {
                await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await host.DisposeAsync().ConfigureAwait(false);
                loggers.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Graceful stop: the worker claims no more jobs, long requests (waits, follows) answer with what they have, the API
    /// stops, running task attempts get <see cref="ServerOptions.TerminationGracePeriod"/> to finish (the executor keeps
    /// recording what they finish), then the engine stops and hands the rest back to the queue (they run again, as new
    /// attempts, on another worker or when a server next starts on the data directory).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        Host.Engine.StopClaiming();
        _context.BeginStopping();
        await _background.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _scheduler?.Dispose();
        if (_flows is not null)
        {
            await _flows.DisposeAsync().ConfigureAwait(false);
        }

        using (var stopTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            stopTimeout.CancelAfter(TimeSpan.FromSeconds(10));
            await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }

        var deadline = DateTimeOffset.UtcNow + Options.TerminationGracePeriod;
        if (Host.Engine.RunningAttemptCount > 0)
        {
            LogDraining(_logger, Host.Engine.RunningAttemptCount, Options.TerminationGracePeriod);
        }

        while (Host.Engine.RunningAttemptCount > 0 && DateTimeOffset.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _metrics.Dispose();
        await Host.DisposeAsync().ConfigureAwait(false);
        _background.Dispose();
        _context.Dispose();
        _loggers?.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private static WebApplication Build(ServerOptions options, IPEndPoint endpoint, ServerComponents components, ILoggerProvider? logs)
    {
        var (host, context, metrics) = (components.Host, components.Context, components.Metrics);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Harrier.Server", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        // The framework's own information logs (each request, hosting chatter) are noise on a server console.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(endpoint);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxRequestBodySize);
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        // A query or route value that cannot be bound throws, so the error middleware answers it in Kestra's shape.
        builder.Services.Configure<RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton(context);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IFlowStore>(host.Store.Flows);
        builder.Services.AddSingleton<IKeyValueStore>(host.Store.KeyValues);
        builder.Services.AddSingleton(new FlowCatalog(host.Store.Flows, HarrierHost.CreateFlowLoader(), host.Store.Triggers));
        builder.Services.AddSingleton<ExecutionStarter>();
        builder.Services.AddSingleton(components.TriggerExecutions);
        builder.Services.AddSingleton(components.Scheduler);
        builder.Services.AddSingleton(host.Store.Triggers);
        builder.Services.AddSingleton<Api.Triggers.TriggerChanges>();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Harrier API (Kestra 1.x compatible)";
            document.Info.Description = "Flows, executions, logs, namespace files and KV of a Harrier server; see docs/server.md.";
            return Task.CompletedTask;
        }));
        var app = builder.Build();
        app.UseMiddleware<ApiErrorMiddleware>();
        // Answers the framework gives without a body (a query value that cannot be bound, a method a path does not take)
        // get Kestra's error document too.
        app.UseStatusCodePages(pages => ApiErrors.WriteAsync(pages.HttpContext, pages.HttpContext.Response.StatusCode,
            $"{ReasonPhrases.GetReasonPhrase(pages.HttpContext.Response.StatusCode)}: {pages.HttpContext.Request.Method} {pages.HttpContext.Request.Path} cannot be answered as sent; check its parameters"));
        if (options.BasicAuth is { } credentials)
        {
            app.UseMiddleware<BasicAuthentication>(credentials);
        }

        if (options.Roles.HasFlag(ServerRoles.Webserver))
        {
            app.MapOpenApi();
            ApiRoutes.Map(app);
            Ui.UiEndpoints.Map(app, Ui.UiAssets.Embedded);
        }
        else
        {
            // A process without the webserver role answers only what operations need of it.
            Api.Misc.MiscEndpoints.MapHealth(app);
        }

        app.MapMetrics("/metrics", metrics.Registry).ExcludeFromDescription();
        return app;
    }

    /// <summary>Where to listen: an IP address, or <c>localhost</c> (the IPv4 loopback, so port 0 can pick a free port).</summary>
    private static IPEndPoint Endpoint(ServerOptions options)
    {
        var address = string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(options.Host, out var parsed) ? parsed
            : throw new ServerConfigException($"server.host '{options.Host}' must be an IP address (127.0.0.1, 0.0.0.0, ::) or localhost");
        return new IPEndPoint(address, options.Port);
    }

    private static Uri ListenAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address);
        // A wildcard address is not one a client can dial: name the loopback instead.
        return uri.Host is "0.0.0.0" or "[::]" ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Draining: {Count} task attempt(s) running; waiting up to {Grace} for them to finish")]
    private static partial void LogDraining(ILogger logger, int count, TimeSpan grace);
}
