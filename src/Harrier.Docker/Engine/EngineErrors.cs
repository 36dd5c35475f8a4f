using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Harrier.Core.Tasks.Running;

namespace Harrier.Docker.Engine;

/// <summary>Turns transport failures into the sentence a user needs (spec §3.3 "friendly error").</summary>
internal static class EngineErrors
{
    public static bool IsUnreachable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException or HttpRequestException { StatusCode: null })
            {
                return true;
            }
        }

        return false;
    }

    public static TaskFailedException Unreachable(string host, Exception exception) =>
        new($"Cannot reach the Docker engine at {host}: start dockerd (or set the runner's host), or run the task with the Process runner (remove taskRunner)", exception);

    public static bool IsNotFound(DockerApiException exception) => exception.StatusCode == HttpStatusCode.NotFound;
}
