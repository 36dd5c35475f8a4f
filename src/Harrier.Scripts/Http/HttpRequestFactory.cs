using System.Net.Http.Headers;
using System.Text;
using Harrier.Core.Json;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Http;

/// <summary>
/// Builds the request Kestra's HTTP tasks send: <c>uri</c> (spaces encoded), <c>method</c> (GET), <c>headers</c>,
/// then either <c>formData</c> — URL-encoded, or multipart when <c>contentType</c> is <c>multipart/form-data</c> (a
/// storage URI or a <c>{name, content}</c> map becomes a file part) — or <c>body</c> sent as <c>contentType</c>
/// (application/json by default).
/// </summary>
internal static class HttpRequestFactory
{
    public static async Task<HttpRequestMessage> CreateAsync(PropertyReader properties, HttpOptions options, ExecutionFiles? files, CancellationToken cancellationToken)
    {
        var uriText = properties.RequiredString("uri").Replace(" ", "%20", StringComparison.Ordinal);
        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new TaskFailedException($"uri: '{uriText}' is not an absolute http:// or https:// URI");
        }

        var request = new HttpRequestMessage(new HttpMethod((properties.String("method") ?? "GET").ToUpperInvariant()), uri);
        var contentType = properties.String("contentType") ?? "application/json";
        if (properties.Value("formData") is IReadOnlyDictionary<string, object?> { Count: > 0 } form)
        {
            request.Content = contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? await MultipartAsync(form, files, cancellationToken).ConfigureAwait(false)
                : new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Key, PropertyReader.AsText(p.Value))));
        }
        else if (properties.String("body") is { } body)
        {
            var content = new StringContent(body, Encoding.GetEncoding(options.Charset));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            request.Content = content;
        }

        foreach (var (name, value) in properties.StringMap("headers") ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (options.Authorization is { } authorization && !request.Headers.Contains("Authorization"))
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    /// <summary>A client with the task's connect timeout, redirect policy and read timeout; one per task run.</summary>
    public static HttpClient Client(HttpOptions options) => new(new SocketsHttpHandler
    {
        ConnectTimeout = options.ConnectTimeout ?? Timeout.InfiniteTimeSpan,
        AllowAutoRedirect = options.FollowRedirects,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    })
    {
        Timeout = options.ReadTimeout,
    };

    private static async Task<MultipartFormDataContent> MultipartAsync(IReadOnlyDictionary<string, object?> form, ExecutionFiles? files, CancellationToken cancellationToken)
    {
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in form)
        {
            switch (value)
            {
                case string text when StorageUri.IsStorageUri(text):
                    multipart.Add(await FileAsync(files, text, cancellationToken).ConfigureAwait(false), name, StorageUri.Parse(text).FileName);
                    break;
                case IReadOnlyDictionary<string, object?> file when file.GetValueOrDefault("name") is string fileName && file.GetValueOrDefault("content") is string content:
                    multipart.Add(await FileAsync(files, content, cancellationToken).ConfigureAwait(false), name, fileName);
                    break;
                case string text:
                    multipart.Add(new StringContent(text), name);
                    break;
                default:
                    multipart.Add(new StringContent(PlainJson.Serialize(value)), name);
                    break;
            }
        }

        return multipart;
    }

    private static async Task<HttpContent> FileAsync(ExecutionFiles? files, string uri, CancellationToken cancellationToken)
    {
        var storage = files ?? throw new TaskFailedException($"formData: {uri} needs internal storage, which this engine was started without");
        using var stream = await storage.OpenAsync(uri, cancellationToken).ConfigureAwait(false);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
        return new ByteArrayContent(memory.ToArray());
    }
}
