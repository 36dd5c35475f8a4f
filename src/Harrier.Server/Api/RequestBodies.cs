using System.Text;

namespace Harrier.Server.Api;

/// <summary>Request bodies read as text (YAML flows, KV values); Kestrel's body size limit applies while reading.</summary>
public static class RequestBodies
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Utf8, detectEncodingFromByteOrderMarks: true);
        try
        {
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException)
        {
            throw Errors.ApiException.Invalid("the body is not UTF-8 text");
        }
    }
}
