using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Harrier.TestKit.Git;

namespace Harrier.Cli.Tests.Http;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) for the HTTP task tests: a few fixed routes, and every request it
/// received (method, path, headers, body) for the tests to check what Harrier sent.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = LoopbackPort.Free();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between the probe and the bind (or it lingers in TIME_WAIT).
                _listener = new HttpListener();
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            // Close stops too; Stop then Close would look the endpoint up twice, and the second look-up binds the port
            // again — which fails when another test's server has it by then.
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Already gone.
        }

        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
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
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        Received.Enqueue(new ReceivedRequest(request.HttpMethod, request.Url!.PathAndQuery, headers, body.ToArray()));
        var response = context.Response;
        try
        {
            switch (request.Url.AbsolutePath)
            {
                case "/json":
                    response.AddHeader("X-Test", "one");
                    await WriteAsync(response, 200, "application/json", "{\"hello\":\"world\"}");
                    break;
                case "/echo":
                    await WriteAsync(response, 200, "text/plain", $"{request.HttpMethod} {request.ContentType} {Encoding.UTF8.GetString(body.ToArray())}");
                    break;
                case "/missing":
                    await WriteAsync(response, 404, "text/plain", "nope");
                    break;
                case "/slow":
                    await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                    await WriteAsync(response, 200, "text/plain", "late");
                    break;
                case "/redirect":
                    response.Redirect(Url("/json"));
                    response.Close();
                    break;
                case "/empty":
                    await WriteAsync(response, 200, "text/plain", string.Empty);
                    break;
                case "/files/report.csv":
                    await WriteAsync(response, 200, "text/csv", "a,b\n1,2\n");
                    break;
                default:
                    await WriteAsync(response, 500, "text/plain", "no such route");
                    break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            // The server stopped, or the client went away (a timeout test).
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int code, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = code;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
