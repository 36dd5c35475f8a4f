using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Harrier.TestKit.Git;

/// <summary>Free ports on 127.0.0.1 and a bounded wait until a server accepts connections on one.</summary>
public static class LoopbackPort
{
    /// <summary>A port the OS considers free right now (another process may still take it: callers retry).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Polls until the port accepts a TCP connection. Returns false when <paramref name="server"/> exits first
    /// (e.g. the port was taken) or the budget runs out.
    /// </summary>
    public static async Task<bool> WaitUntilAcceptingAsync(int port, Process? server, TimeSpan budget, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            if (server is { HasExited: true })
            {
                return false;
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(25, cancellationToken).ConfigureAwait(false);
            }
        }

        return false;
    }
}
