using Docker.DotNet.Models;
using Harrier.Docker.Settings;

namespace Harrier.Docker.Running;

/// <summary>
/// The create request for a run (spec §3.3): the argv as Cmd with the entrypoint cleared by default, the host
/// working-directory path as the container's, the computed environment only, the labels, and the limits.
/// </summary>
internal static class ContainerSpec
{
    public static CreateContainerParameters Build(DockerRunRequest request, string image)
    {
        var settings = request.Settings;
        var workingDirectory = request.Run.WorkingDirectory;
        var binds = new List<string>(settings.Volumes);
        if (settings.FileHandling == DockerFileHandling.Mount)
        {
            binds.Add($"{workingDirectory}:{workingDirectory}:rw");
        }

        var exposed = new Dictionary<string, EmptyStruct>(StringComparer.Ordinal);
        var published = new Dictionary<string, IList<PortBinding>>(StringComparer.Ordinal);
        PortBindingParser.Apply(settings.PortBindings, exposed, published);
        var memory = settings.Memory ?? new DockerMemorySettings();
        return new CreateContainerParameters
        {
            Image = image,
            Cmd = request.Run.Arguments.ToList(),
            // An empty list keeps the image's entrypoint (Kestra sets only a non-empty one); the default [""] clears it.
            Entrypoint = settings.EntryPoint.Count == 0 ? null : settings.EntryPoint.ToList(),
            WorkingDir = workingDirectory,
            Env = request.Run.Environment.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
            Labels = request.Labels.ToDictionary().ToDictionary(StringComparer.Ordinal),
            User = settings.User,
            AttachStdout = true,
            AttachStderr = true,
            ExposedPorts = exposed.Count > 0 ? exposed : null,
            HostConfig = new HostConfig
            {
                Binds = binds.Count > 0 ? binds : null,
                ExtraHosts = settings.ExtraHosts.Count > 0 ? settings.ExtraHosts.ToList() : null,
                NetworkMode = settings.NetworkMode,
                PortBindings = published.Count > 0 ? published : null,
                DeviceRequests = settings.DeviceRequests.Count > 0 ? settings.DeviceRequests.ToList() : null,
                NanoCPUs = settings.Cpus is { } cpus ? (long)(cpus * 1_000_000_000) : 0,
                Memory = memory.Memory ?? 0,
                MemorySwap = memory.MemorySwap ?? 0,
                MemorySwappiness = memory.MemorySwappiness,
                MemoryReservation = memory.MemoryReservation ?? 0,
                KernelMemory = memory.KernelMemory ?? 0,
                OomKillDisable = memory.OomKillDisable,
                ShmSize = settings.ShmSize ?? 0,
                Privileged = settings.Privileged ?? false,
                // With MOUNT the container writes straight into a host folder: nothing in it may gain privileges
                // through setuid files (its own or ones it makes), see also HostFileModes after the run.
                SecurityOpt = settings.FileHandling == DockerFileHandling.Mount ? ["no-new-privileges"] : null,
            },
        };
    }
}
