using Docker.DotNet;
using Docker.DotNet.Models;

namespace Harrier.Docker.Tests.Support;

/// <summary>
/// The real Docker engine the tests run against, and the image scripts/setup builds. A test that finds no engine
/// or no image fails, saying how to get them; it never passes silently.
/// </summary>
internal static class TestEngine
{
    public const string Host = "unix:///var/run/docker.sock";
    public const string Image = "harrier-test/busybox:1";

    private static readonly Lazy<Task> Ready = new(CheckAsync);

    public static DockerClient Client { get; } = new DockerClientConfiguration(new Uri(Host)).CreateClient();

    public static Task RequireAsync() => Ready.Value;

    public static async Task<ContainerInspectResponse?> InspectAsync(string id)
    {
        try
        {
            return await Client.Containers.InspectContainerAsync(id);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    public static async Task<IList<ContainerListResponse>> ContainersWithLabelAsync(string key, string value) =>
        await Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{key}={value}"] = true } },
        });

    private static async Task CheckAsync()
    {
        try
        {
            await Client.System.PingAsync();
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException(
                $"No Docker engine answers at {Host}: run scripts/setup (it installs docker.io, starts dockerd and builds {Image}).", exception);
        }

        try
        {
            await Client.Images.InspectImageAsync(Image);
        }
        catch (DockerApiException exception)
        {
            throw new InvalidOperationException($"The test image {Image} is missing: run scripts/setup, which builds it from busybox-static.", exception);
        }
    }
}
