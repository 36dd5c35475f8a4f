using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace Harrier.TestKit.Git;

/// <summary>
/// Smart HTTP git server on 127.0.0.1: an <see cref="HttpListener"/> that checks HTTP Basic credentials (when
/// configured) and runs <c>git http-backend</c> as a CGI program for every request, streaming both bodies.
/// Serves the bare repositories under <see cref="ProjectRoot"/> as <c>http://127.0.0.1:PORT/NAME</c>.
/// </summary>
public sealed class GitHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly string _git;
    private readonly string? _expectedAuthorization;
    private readonly Task _loop;
    private readonly ConcurrentQueue<string> _requests = new();

    private GitHttpServer(HttpListener listener, int port, string projectRoot, string? username, string? password)
    {
        _listener = listener;
        _git = ExternalTool.Require("git");
        Port = port;
        ProjectRoot = projectRoot;
        _expectedAuthorization = username is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public string ProjectRoot { get; }

    /// <summary>Every request seen, as <c>METHOD /path?query STATUS</c> (auth failures included).</summary>
    public IReadOnlyCollection<string> Requests => [.. _requests];

    public string Url(string repository) => $"http://127.0.0.1:{Port}/{repository}";

    /// <summary>Starts the server; with a <paramref name="username"/>, every request needs these Basic credentials.</summary>
    public static GitHttpServer Start(string projectRoot, string? username = null, string? password = null)
    {
        ExternalTool.Require("git");
        HttpListenerException? last = null;
        for (var tries = 0; tries < 5; tries++)
        {
            var port = LoopbackPort.Free();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new GitHttpServer(listener, port, projectRoot, username, password);
            }
            catch (HttpListenerException ex)
            {
                last = ex;
                listener.Close();
            }
        }

        throw new InvalidOperationException($"the git HTTP server could not listen on 127.0.0.1: {last?.Message}");
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            if (_expectedAuthorization is not null && request.Headers["Authorization"] != _expectedAuthorization)
            {
                _requests.Enqueue($"{request.HttpMethod} {request.Url?.PathAndQuery} 401");
                response.StatusCode = 401;
                response.AddHeader("WWW-Authenticate", "Basic realm=\"harrier-tests\"");
                response.Close();
                return;
            }

            await RunBackendAsync(request, response).ConfigureAwait(false);
            _requests.Enqueue($"{request.HttpMethod} {request.Url?.PathAndQuery} {response.StatusCode}");
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or InvalidOperationException or ObjectDisposedException)
        {
            _requests.Enqueue($"{request.HttpMethod} {request.Url?.PathAndQuery} error: {ex.Message}");
            response.Abort();
        }
    }

    private async Task RunBackendAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        var startInfo = new ProcessStartInfo(_git)
        {
            ArgumentList = { "http-backend" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = startInfo.Environment;
        environment["GIT_PROJECT_ROOT"] = ProjectRoot;
        environment["GIT_HTTP_EXPORT_ALL"] = "1";
        environment["PATH_INFO"] = Uri.UnescapeDataString(request.Url!.AbsolutePath);
        environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        environment["REQUEST_METHOD"] = request.HttpMethod;
        environment["CONTENT_TYPE"] = request.ContentType ?? "";
        environment["REMOTE_ADDR"] = "127.0.0.1";
        environment["REMOTE_USER"] = _expectedAuthorization is null ? "" : "tester";
        environment["GIT_PROTOCOL"] = request.Headers["Git-Protocol"] ?? "";
        environment["HTTP_CONTENT_ENCODING"] = request.Headers["Content-Encoding"] ?? "";
        if (request.ContentLength64 >= 0)
        {
            environment["CONTENT_LENGTH"] = request.ContentLength64.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var backend = Process.Start(startInfo)!;
        var stderr = backend.StandardError.ReadToEndAsync();
        var input = Task.Run(async () =>
        {
            await request.InputStream.CopyToAsync(backend.StandardInput.BaseStream).ConfigureAwait(false);
            backend.StandardInput.Close();
        });

        var output = backend.StandardOutput.BaseStream;
        var hasLength = false;
        foreach (var (name, value) in await ReadCgiHeadersAsync(output).ConfigureAwait(false))
        {
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentLength64 = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                hasLength = true;
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else
            {
                response.AddHeader(name, value);
            }
        }

        if (!hasLength)
        {
            response.SendChunked = true;
        }

        await output.CopyToAsync(response.OutputStream).ConfigureAwait(false);
        await input.ConfigureAwait(false);
        await backend.WaitForExitAsync().ConfigureAwait(false);
        await stderr.ConfigureAwait(false);
        response.Close();
    }

    /// <summary>Reads CGI header lines up to the blank line, byte by byte so the body stays in the stream.</summary>
    private static async Task<List<(string Name, string Value)>> ReadCgiHeadersAsync(Stream output)
    {
        var headers = new List<(string, string)>();
        var line = new List<byte>();
        var one = new byte[1];
        while (await output.ReadAsync(one).ConfigureAwait(false) == 1)
        {
            if (one[0] != (byte)'\n')
            {
                line.Add(one[0]);
                continue;
            }

            var text = Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                break;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            headers.Add((text[..colon].Trim(), text[(colon + 1)..].Trim()));
        }

        return headers;
    }
}
