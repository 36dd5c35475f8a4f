using System.Security.Cryptography;
using System.Text;
using Harrier.Server.Api.Errors;
using Harrier.Server.Configuration;

namespace Harrier.Server.Security;

/// <summary>
/// HTTP basic authentication of every request but <c>/health</c> (probes must not need the password), the web UI's static
/// files and webhook calls
/// (their key is their credential, and the services that call them cannot all send a password, as in Kestra). Credentials are
/// compared in constant time over their SHA-256 hashes, so neither their content nor their length leaks through timing;
/// a refusal is a 401 with a <c>WWW-Authenticate</c> challenge and Kestra's error document, and is never logged with
/// what was sent.
/// </summary>
public sealed class BasicAuthentication(RequestDelegate next, BasicAuthOptions credentials)
{
    private readonly byte[] _expected = Hash(credentials.Username + ":" + credentials.Password);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.Equals("/health", StringComparison.Ordinal) || IsUi(context.Request.Path) || IsWebhook(context.Request.Path) || Accepts(context.Request.Headers.Authorization.ToString()))
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Harrier\", charset=\"UTF-8\"";
        await ApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized: this server needs basic authentication (server.basicAuth)");
    }

    /// <summary>The UI's static files (and the redirect to them) hold no data: the app loads, then asks for credentials itself.</summary>
    private static bool IsUi(PathString path) =>
        path == "/" || path.StartsWithSegments(Ui.UiEndpoints.BasePath, StringComparison.Ordinal);

    private static bool IsWebhook(PathString path) =>
        path.StartsWithSegments($"/api/v1/{Api.ApiRoutes.Tenant}{Api.Webhooks.WebhookEndpoint.PathPrefix.TrimEnd('/')}", StringComparison.Ordinal)
        || path.StartsWithSegments($"/api/v1{Api.Webhooks.WebhookEndpoint.PathPrefix.TrimEnd('/')}", StringComparison.Ordinal);

    private bool Accepts(string header)
    {
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string given;
        try
        {
            given = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(given), _expected);
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
