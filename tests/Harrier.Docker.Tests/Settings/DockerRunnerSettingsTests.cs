using Harrier.Core.Tasks.Running;
using Harrier.Docker.Settings;

namespace Harrier.Docker.Tests.Settings;

public sealed class DockerRunnerSettingsTests
{
    private static readonly DockerServerOptions Server = new();

    private static Dictionary<string, object?> Runner(params (string Key, object? Value)[] properties)
    {
        var map = new Dictionary<string, object?> { ["type"] = DockerRunnerType.Type };
        foreach (var (key, value) in properties)
        {
            map[key] = value;
        }

        return map;
    }

    [Fact]
    public void FromProperties_AppliesKestrasDefaults()
    {
        var settings = DockerRunnerSettings.FromProperties(Runner(), "ubuntu", Server);

        Assert.Equal("ubuntu", settings.Image);
        Assert.Equal(DockerPullPolicy.IfNotPresent, settings.PullPolicy);
        Assert.Equal(DockerFileHandling.Volume, settings.FileHandling);
        Assert.Equal([""], settings.EntryPoint);
        Assert.True(settings.Delete);
        Assert.True(settings.Wait);
        Assert.Equal(TimeSpan.Zero, settings.KillGracePeriod);
    }

    [Fact]
    public void FromProperties_ReadsEveryProperty()
    {
        var settings = DockerRunnerSettings.FromProperties(Runner(
            ("pullPolicy", "never"), ("fileHandlingStrategy", "MOUNT"), ("delete", false), ("wait", "false"), ("resume", false),
            ("killGracePeriod", "PT15S"), ("user", "1000:1000"), ("entryPoint", new List<object?> { "/bin/sh" }),
            ("networkMode", "none"), ("extraHosts", new List<object?> { "db:10.0.0.2" }), ("portBindings", new List<object?> { "127.0.0.1:8080:80/tcp" }),
            ("cpu", new Dictionary<string, object?> { ["cpus"] = 1.5 }), ("shmSize", "256MB"), ("privileged", true),
            ("memory", new Dictionary<string, object?> { ["memory"] = "0.5GB", ["memorySwap"] = "1gb", ["oomKillDisable"] = true }),
            ("deviceRequests", new List<object?> { new Dictionary<string, object?> { ["driver"] = "nvidia", ["count"] = -1L, ["capabilities"] = new List<object?> { new List<object?> { "gpu" } } } })),
            "alpine:3", new DockerServerOptions { HostAccessEnabled = true }); // privileged needs host access

        Assert.Equal(DockerPullPolicy.Never, settings.PullPolicy);
        Assert.Equal(DockerFileHandling.Mount, settings.FileHandling);
        Assert.False(settings.Delete);
        Assert.False(settings.Wait);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.KillGracePeriod);
        Assert.Equal("1000:1000", settings.User);
        Assert.Equal(["/bin/sh"], settings.EntryPoint);
        Assert.Equal(1.5, settings.Cpus);
        Assert.Equal(256L << 20, settings.ShmSize);
        Assert.Equal(512L << 20, settings.Memory!.Memory);
        Assert.Equal(1L << 30, settings.Memory.MemorySwap);
        Assert.True(settings.Memory.OomKillDisable);
        var device = Assert.Single(settings.DeviceRequests);
        Assert.Equal("nvidia", device.Driver);
        Assert.Equal(-1, device.Count);
        Assert.Equal("gpu", Assert.Single(Assert.Single(device.Capabilities)));
    }

    [Fact]
    public void FromProperties_SaysHowToWriteASize_WhenMemoryIsNotOne()
    {
        var error = Assert.Throws<TaskFailedException>(() =>
            DockerRunnerSettings.FromProperties(Runner(("memory", new Dictionary<string, object?> { ["memory"] = "12XB" })), "ubuntu", Server));

        Assert.Equal("taskRunner.memory.memory: '12XB' is not a size; write e.g. 512MB or 0.5GB", error.Message);
    }

    [Fact]
    public void FromProperties_FailsWithKestrasMessage_WhenThereIsNoImage()
    {
        var error = Assert.Throws<TaskFailedException>(() => DockerRunnerSettings.FromProperties(Runner(), null, Server));

        Assert.Equal("This task runner needs the containerImage property to be set", error.Message);
    }

    [Theory]
    [InlineData("pullPolicy", "SOMETIMES", "taskRunner.pullPolicy: 'SOMETIMES' is not one of IF_NOT_PRESENT, ALWAYS, NEVER")]
    [InlineData("killGracePeriod", "ten seconds", "taskRunner.killGracePeriod: 'ten seconds' is not a duration; write an ISO-8601 duration such as PT10S")]
    [InlineData("portBindings", "80:http", "taskRunner.portBindings: '80:http' is not a port binding; write [ip:][hostPort:]containerPort[/tcp|udp]")]
    public void FromProperties_NamesThePropertyAndTheFix_ForAnInvalidValue(string property, string value, string message)
    {
        var error = Assert.Throws<TaskFailedException>(() => DockerRunnerSettings.FromProperties(Runner((property, value)), "ubuntu", Server));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void FromDeprecatedOptions_PullsAlwaysByDefault_AndFallsBackToContainerImage()
    {
        var settings = DockerRunnerSettings.FromDeprecatedOptions(new Dictionary<string, object?> { ["user"] = "root" }, "python:3.13-slim", Server);
        var own = DockerRunnerSettings.FromDeprecatedOptions(new Dictionary<string, object?> { ["image"] = "r-base", ["pullPolicy"] = "IF_NOT_PRESENT" }, "python", Server);

        Assert.Equal("python:3.13-slim", settings.Image);
        Assert.Equal(DockerPullPolicy.Always, settings.PullPolicy);
        Assert.Equal("root", settings.User);
        Assert.Equal("r-base", own.Image);
        Assert.Equal(DockerPullPolicy.IfNotPresent, own.PullPolicy);
    }

    [Theory]
    [InlineData("bridge")]
    [InlineData("none")]
    [InlineData("my-network")]
    public void FromProperties_AcceptsNetworksThatDoNotReachTheHost_WithoutHostAccess(string network)
    {
        var settings = DockerRunnerSettings.FromProperties(Runner(("networkMode", network), ("privileged", false)), "ubuntu", new DockerServerOptions());

        Assert.Equal(network, settings.NetworkMode);
    }

    [Fact]
    public void VolumesEnabled_IsTheFormerNameOfHostAccessEnabled()
    {
        Assert.True(new DockerServerOptions { VolumesEnabled = true }.HostAccessEnabled);
        Assert.True(new DockerServerOptions { HostAccessEnabled = true }.VolumesEnabled);
    }

    [Fact]
    public void FromProperties_AcceptsVolumes_WhenTheServerEnablesThem()
    {
        var settings = DockerRunnerSettings.FromProperties(Runner(("volumes", new List<object?> { "/srv/scripts:/app:ro" })), "ubuntu", new DockerServerOptions { VolumesEnabled = true });

        Assert.Equal(["/srv/scripts:/app:ro"], settings.Volumes);
    }
}
