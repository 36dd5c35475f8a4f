using System.Text.Json;

namespace Harrier.Server.Api.Errors;

/// <summary>Writes <see cref="ApiErrorBody"/> documents (also for the answers middleware gives: 401, 404 of unknown paths).</summary>
public static class ApiErrors
{
    public static ApiErrorBody Body(HttpContext context, string message, IReadOnlyList<ApiErrorItem> errors) => new(message)
    {
        Links = new ApiErrorLinks(new ApiErrorLink(context.Request.Path + context.Request.QueryString)),
        Embedded = errors.Count == 0 ? null : new ApiErrorEmbedded(errors),
    };

    public static Task WriteAsync(HttpContext context, int status, ApiErrorBody body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, ApiJson.Options, context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, Body(context, message, []));
}
