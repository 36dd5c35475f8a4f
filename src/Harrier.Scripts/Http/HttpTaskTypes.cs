using Harrier.Core.Tasks.Types;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Http;

/// <summary>Declarations of the HTTP tasks (Request, Download) and of the HTTP polling trigger.</summary>
public static class HttpTaskTypes
{
    public const string Request = "io.kestra.plugin.core.http.Request";
    public const string Download = "io.kestra.plugin.core.http.Download";
    public const string Trigger = "io.kestra.plugin.core.http.Trigger";

    private static PropertyDescriptor Options => Prop.Object("options", "HTTP client options.",
        Prop.Object("timeout", "Timeouts.",
            Prop.Duration("connectTimeout", "Time allowed to connect."),
            Prop.Duration("readIdleTimeout", "Time allowed without response data.", "PT5M")),
        Prop.Boolean("followRedirects", "Follow redirects.", true),
        Prop.Boolean("allowFailed", "Accept response codes of 400 and more.", false),
        Prop.Map("auth", "BASIC (username, password) or BEARER (token) authentication."),
        Prop.String("defaultCharset", "Charset of the request body.", defaultValue: "UTF-8"),
        Prop.Duration("connectTimeout", "Deprecated: timeout.connectTimeout.") with { Deprecated = true },
        Prop.Duration("readTimeout", "Deprecated: timeout.readIdleTimeout.") with { Deprecated = true },
        Prop.Duration("readIdleTimeout", "Deprecated; ignored.") with { Deprecated = true },
        Prop.Duration("connectionPoolIdleTimeout", "Deprecated; ignored.") with { Deprecated = true },
        Prop.Integer("maxContentLength", "Deprecated; ignored.") with { Deprecated = true },
        Prop.String("basicAuthUser", "Deprecated: auth.") with { Deprecated = true },
        Prop.String("basicAuthPassword", "Deprecated: auth.") with { Deprecated = true },
        Prop.Any("logs", "Parts of the exchange to log."),
        Prop.Map("proxy", "Proxy (not supported by Harrier)."),
        Prop.Map("ssl", "SSL options."),
        Prop.String("logLevel", "Deprecated: logs.") with { Deprecated = true });

    private static IReadOnlyList<PropertyDescriptor> Common =>
    [
        Prop.String("uri", "The http:// or https:// URL.", required: true),
        Prop.String("method", "HTTP method.", defaultValue: "GET"),
        Prop.String("body", "Request body, sent as contentType."),
        Prop.Map("formData", "Form fields (URL-encoded, or multipart with contentType multipart/form-data)."),
        Prop.String("contentType", "Content type of the body.", defaultValue: "application/json"),
        Prop.StringMap("headers", "Request headers."),
        Options,
        Prop.Map("sslOptions", "Deprecated: options.ssl.") with { Deprecated = true },
        Prop.Boolean("allowFailed", "Deprecated: options.allowFailed.", false) with { Deprecated = true },
        Prop.Map("auth", "Authentication, as options.auth."),
    ];

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        new(Request, TaskKind.Runnable, [.. Common, Prop.Boolean("encryptBody", "Encrypt the body in the outputs (not supported by Harrier).", false)])
        {
            Aliases = ["io.kestra.plugin.fs.http.Request"],
            Description = "Send an HTTP request; outputs uri, code, headers and body.",
        },
        new(Download, TaskKind.Runnable, [.. Common, Prop.Boolean("failOnEmptyResponse", "Fail when the body is empty.", true)])
        {
            Aliases = ["io.kestra.plugin.fs.http.Download"],
            Description = "Download a URL into internal storage; outputs uri, code, length and headers.",
        },
        new(Trigger, TaskKind.Trigger,
        [
            .. ScriptTriggerTypes.TriggerCommon,
            .. Common,
            Prop.String("responseCondition", "Fires when this renders true.", defaultValue: "{{ response.statusCode < 400 }}"),
            Prop.Duration("interval", "Polling interval.", "PT60S"),
            Prop.Boolean("encryptBody", "Encrypt the body (not supported by Harrier).", false),
        ])
        {
            Aliases = ["io.kestra.plugin.fs.http.Trigger"],
            Description = "Poll a URL and start an execution when the response matches (fires once Harrier has a scheduler).",
        },
    ];
}
