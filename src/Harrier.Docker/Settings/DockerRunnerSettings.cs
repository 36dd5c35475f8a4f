using Docker.DotNet.Models;

namespace Harrier.Docker.Settings;

/// <summary>
/// The Docker runner's properties (spec §3.3), parsed and validated, with Kestra's defaults. Build it with
/// <see cref="FromProperties"/> (the rendered <c>taskRunner</c> map) or <see cref="FromDeprecatedOptions"/>
/// (the deprecated <c>docker:</c> object, §3.4).
/// </summary>
public sealed record DockerRunnerSettings
{
    /// <summary>The image (task <c>containerImage</c>, or <c>docker.image</c>); a missing tag means <c>latest</c>.</summary>
    public required string Image { get; init; }

    /// <summary>Engine address such as <c>unix:///var/run/docker.sock</c>; null = the server's setting, else auto-detected.</summary>
    public string? Host { get; init; }

    /// <summary>Content of a Docker <c>config.json</c> (JSON text); written into the working directory when set.</summary>
    public string? Config { get; init; }

    public DockerCredentials? Credentials { get; init; }

    public string? User { get; init; }

    /// <summary>Kestra's default <c>[""]</c> clears the image's entrypoint; an empty list keeps it.</summary>
    public IReadOnlyList<string> EntryPoint { get; init; } = [""];

    public IReadOnlyList<string> ExtraHosts { get; init; } = [];

    public string? NetworkMode { get; init; }

    /// <summary><c>[ip:][hostPort:]containerPort[/proto]</c>, as <c>docker run --publish</c>.</summary>
    public IReadOnlyList<string> PortBindings { get; init; } = [];

    /// <summary><c>host:container[:mode]</c> bind mounts; allowed only when the server enables them.</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];

    public DockerPullPolicy PullPolicy { get; init; } = DockerPullPolicy.IfNotPresent;

    public IReadOnlyList<DeviceRequest> DeviceRequests { get; init; } = [];

    /// <summary>CPU limit (<c>cpu.cpus</c>), converted to NanoCPUs.</summary>
    public double? Cpus { get; init; }

    public DockerMemorySettings? Memory { get; init; }

    public long? ShmSize { get; init; }

    public bool? Privileged { get; init; }

    public DockerFileHandling FileHandling { get; init; } = DockerFileHandling.Volume;

    /// <summary>Remove the container afterwards (default true).</summary>
    public bool Delete { get; init; } = true;

    /// <summary>false: start the container and return exit code 0 at once, without logs or outputs.</summary>
    public bool Wait { get; init; } = true;

    /// <summary>Zero (the default) kills at once; more stops with SIGTERM and kills after that many seconds.</summary>
    public TimeSpan KillGracePeriod { get; init; } = TimeSpan.Zero;

    /// <summary>Parses the rendered <c>taskRunner</c> map of a task whose runner type is the Docker runner.</summary>
    /// <param name="rendered">The rendered map (its <c>type</c> and <c>version</c> are ignored).</param>
    /// <param name="containerImage">The task's rendered <c>containerImage</c> (or the language's default image).</param>
    /// <param name="server">The server's Docker settings (volume opt-in).</param>
    public static DockerRunnerSettings FromProperties(IReadOnlyDictionary<string, object?> rendered, string? containerImage, DockerServerOptions server) =>
        DockerSettingsParser.Parse(new SettingsMap(rendered, "taskRunner"), containerImage, server, deprecated: false);

    /// <summary>
    /// Parses the deprecated <c>docker:</c> object (spec §3.4): <c>image</c> falls back to <paramref name="containerImage"/>
    /// and <c>pullPolicy</c> defaults to ALWAYS.
    /// </summary>
    public static DockerRunnerSettings FromDeprecatedOptions(IReadOnlyDictionary<string, object?>? docker, string? containerImage, DockerServerOptions server) =>
        DockerSettingsParser.Parse(new SettingsMap(docker ?? new Dictionary<string, object?>(), "docker"), containerImage, server, deprecated: true);
}
