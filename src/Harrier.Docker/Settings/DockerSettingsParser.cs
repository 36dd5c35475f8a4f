using System.Text.Json;
using Docker.DotNet.Models;
using Harrier.Core.Tasks.Running;

namespace Harrier.Docker.Settings;

/// <summary>Reads §3.3's properties (and §3.4's deprecated object) into <see cref="DockerRunnerSettings"/>.</summary>
internal static class DockerSettingsParser
{
    public static DockerRunnerSettings Parse(SettingsMap map, string? containerImage, DockerServerOptions server, bool deprecated)
    {
        var image = (deprecated ? map.String("image") : null) ?? containerImage;
        if (string.IsNullOrWhiteSpace(image))
        {
            throw new TaskFailedException("This task runner needs the containerImage property to be set");
        }

        var volumes = map.StringList("volumes") ?? [];
        HostAccess.Check(map, volumes, server);

        foreach (var volume in volumes)
        {
            if (volume.Split(':').Length is < 2 or > 3)
            {
                throw new TaskFailedException($"{map.Path("volumes")}: '{volume}' is not a bind mount; write host-path:container-path[:ro|rw]");
            }
        }

        var policyDefault = deprecated ? DockerPullPolicy.Always : DockerPullPolicy.IfNotPresent;
        return new DockerRunnerSettings
        {
            Image = image.Trim(),
            Host = map.String("host"),
            Config = Config(map),
            Credentials = Credentials(map.Map("credentials")),
            User = map.String("user"),
            EntryPoint = map.Has("entryPoint") ? map.StringList("entryPoint")! : [""],
            ExtraHosts = map.StringList("extraHosts") ?? [],
            NetworkMode = map.String("networkMode"),
            PortBindings = PortBindingParser.Validate(map.StringList("portBindings") ?? [], map.Path("portBindings")),
            Volumes = volumes,
            PullPolicy = map.Enum("pullPolicy", policyDefault,
                ("IF_NOT_PRESENT", DockerPullPolicy.IfNotPresent), ("ALWAYS", DockerPullPolicy.Always), ("NEVER", DockerPullPolicy.Never)),
            DeviceRequests = DeviceRequests(map),
            Cpus = map.Map("cpu")?.Number("cpus"),
            Memory = Memory(map.Map("memory")),
            ShmSize = map.Size("shmSize"),
            Privileged = map.Bool("privileged"),
            FileHandling = deprecated ? DockerFileHandling.Volume : map.Enum("fileHandlingStrategy", DockerFileHandling.Volume,
                ("VOLUME", DockerFileHandling.Volume), ("MOUNT", DockerFileHandling.Mount)),
            Delete = map.Bool("delete") ?? true,
            Wait = map.Bool("wait") ?? true,
            KillGracePeriod = map.Duration("killGracePeriod") ?? TimeSpan.Zero,
        };
    }

    private static string? Config(SettingsMap map) => map.Raw("config") switch
    {
        null => null,
        string text => text,
        var value => JsonSerializer.Serialize(value),
    };

    private static DockerCredentials? Credentials(SettingsMap? map) => map is null ? null : new DockerCredentials
    {
        Registry = map.String("registry"),
        Username = map.String("username"),
        Password = map.String("password"),
        RegistryToken = map.String("registryToken"),
        IdentityToken = map.String("identityToken"),
        Auth = map.String("auth"),
    };

    private static DockerMemorySettings? Memory(SettingsMap? map) => map is null ? null : new DockerMemorySettings
    {
        Memory = map.Size("memory"),
        MemorySwap = map.Size("memorySwap"),
        MemorySwappiness = (long?)map.Number("memorySwappiness"),
        MemoryReservation = map.Size("memoryReservation"),
        KernelMemory = map.Size("kernelMemory"),
        OomKillDisable = map.Bool("oomKillDisable"),
    };

    private static List<DeviceRequest> DeviceRequests(SettingsMap map) =>
        (map.MapList("deviceRequests") ?? []).Select(request => new DeviceRequest
        {
            Driver = request.String("driver"),
            Count = (long?)request.Number("count") ?? 0,
            DeviceIDs = request.StringList("deviceIds")?.ToList(),
            Capabilities = request.Raw("capabilities") is System.Collections.IEnumerable outer
                ? outer.Cast<object?>().Select(inner => (IList<string>)((inner as System.Collections.IEnumerable)?.Cast<object?>().Select(c => c?.ToString() ?? "").ToList() ?? [])).ToList()
                : null,
            Options = ToStringMap(request.Raw("options")),
        }).ToList();

    private static Dictionary<string, string>? ToStringMap(object? value) =>
        (value as IReadOnlyDictionary<string, object?>)?.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "", StringComparer.Ordinal);
}
