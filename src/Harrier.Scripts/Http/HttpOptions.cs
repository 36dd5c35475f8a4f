using System.Globalization;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Time;

namespace Harrier.Scripts.Http;

/// <summary>
/// Kestra's <c>options</c> of the HTTP tasks (its HttpConfiguration): <c>timeout.connectTimeout</c>,
/// <c>timeout.readIdleTimeout</c> (default 5 minutes; the deprecated <c>connectTimeout</c>/<c>readTimeout</c> too),
/// <c>followRedirects</c> (true), <c>allowFailed</c> (false; also the deprecated top-level property),
/// <c>auth</c> (<c>{type: BASIC, username, password}</c> or <c>{type: BEARER, token}</c>; the deprecated
/// <c>basicAuthUser</c>/<c>basicAuthPassword</c>) and <c>defaultCharset</c>.
/// </summary>
internal sealed record HttpOptions(TimeSpan? ConnectTimeout, TimeSpan ReadTimeout, bool FollowRedirects, bool AllowFailed, string? Authorization, string Charset)
{
    public static HttpOptions Read(PropertyReader properties)
    {
        var options = properties.Value("options") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var timeout = options.GetValueOrDefault("timeout") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var auth = options.GetValueOrDefault("auth") as IReadOnlyDictionary<string, object?> ?? properties.Value("auth") as IReadOnlyDictionary<string, object?>;
        return new HttpOptions(
            Duration(timeout.GetValueOrDefault("connectTimeout") ?? options.GetValueOrDefault("connectTimeout"), "options.timeout.connectTimeout"),
            Duration(timeout.GetValueOrDefault("readIdleTimeout") ?? options.GetValueOrDefault("readTimeout"), "options.timeout.readIdleTimeout") ?? TimeSpan.FromMinutes(5),
            Bool(options.GetValueOrDefault("followRedirects"), true),
            Bool(options.GetValueOrDefault("allowFailed"), properties.Bool("allowFailed", false)),
            AuthorizationHeader(auth, options),
            Text(options.GetValueOrDefault("defaultCharset")) ?? "UTF-8");
    }

    private static string? AuthorizationHeader(IReadOnlyDictionary<string, object?>? auth, IReadOnlyDictionary<string, object?> options)
    {
        var type = Text(auth?.GetValueOrDefault("type"))?.ToUpperInvariant();
        if (type == "BEARER")
        {
            return "Bearer " + (Text(auth!.GetValueOrDefault("token")) ?? throw new TaskFailedException("options.auth.token: must not be null for BEARER authentication"));
        }

        var user = type == "BASIC" ? Text(auth!.GetValueOrDefault("username")) : Text(options.GetValueOrDefault("basicAuthUser"));
        var password = type == "BASIC" ? Text(auth!.GetValueOrDefault("password")) : Text(options.GetValueOrDefault("basicAuthPassword"));
        if (type is not (null or "BASIC" or "BEARER"))
        {
            throw new TaskFailedException($"options.auth.type: '{type}' is not supported; use BASIC or BEARER");
        }

        return user is null ? null : "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + (password ?? string.Empty)));
    }

    private static TimeSpan? Duration(object? value, string property) => Text(value) is { } text
        ? IsoDuration.TryParse(text, out var duration) ? duration : throw new TaskFailedException($"{property}: {IsoDuration.Explain(text)}")
        : null;

    private static bool Bool(object? value, bool defaultValue) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var parsed) => parsed,
        _ => defaultValue,
    };

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
}
