using Docker.DotNet.Models;
using Harrier.Core.Tasks.Running;

namespace Harrier.Docker.Settings;

/// <summary><c>docker run --publish</c> syntax: <c>[ip:][hostPort:]containerPort[/tcp|udp|sctp]</c>.</summary>
internal static class PortBindingParser
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<string> bindings, string path)
    {
        foreach (var binding in bindings)
        {
            if (Parse(binding) is null)
            {
                throw new TaskFailedException($"{path}: '{binding}' is not a port binding; write [ip:][hostPort:]containerPort[/tcp|udp]");
            }
        }

        return bindings;
    }

    /// <summary>Adds each binding to the exposed ports and the host port map.</summary>
    public static void Apply(IReadOnlyList<string> bindings, IDictionary<string, EmptyStruct> exposed, IDictionary<string, IList<PortBinding>> published)
    {
        foreach (var binding in bindings)
        {
            var (ip, hostPort, containerPort) = Parse(binding)!.Value;
            exposed[containerPort] = default;
            if (!published.TryGetValue(containerPort, out var list))
            {
                list = new List<PortBinding>();
                published[containerPort] = list;
            }

            list.Add(new PortBinding { HostIP = ip, HostPort = hostPort });
        }
    }

    private static (string Ip, string HostPort, string ContainerPort)? Parse(string binding)
    {
        var slash = binding.LastIndexOf('/');
        var protocol = slash >= 0 ? binding[(slash + 1)..].ToLowerInvariant() : "tcp";
        var ports = slash >= 0 ? binding[..slash] : binding;
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            return null;
        }

        var colon = ports.LastIndexOf(':');
        var containerPort = colon >= 0 ? ports[(colon + 1)..] : ports;
        var rest = colon >= 0 ? ports[..colon] : "";
        var hostColon = rest.LastIndexOf(':');
        var hostPort = hostColon >= 0 ? rest[(hostColon + 1)..] : rest;
        var ip = hostColon >= 0 ? rest[..hostColon].Trim('[', ']') : "";
        if (!IsPortOrRange(containerPort) || (hostPort.Length > 0 && !IsPortOrRange(hostPort)))
        {
            return null;
        }

        return (ip, hostPort, $"{containerPort}/{protocol}");
    }

    private static bool IsPortOrRange(string text) =>
        text.Split('-') is { Length: 1 or 2 } parts && parts.All(part => int.TryParse(part, out var port) && port is > 0 and < 65536);
}
