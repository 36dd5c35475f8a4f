using Harrier.Core.Storage;
using Harrier.Core.Store.Search;
using Microsoft.Extensions.Logging;

namespace Harrier.Server.Api.Errors;

/// <summary>
/// Turns every failure of a request into Kestra's error document with the right status, and never lets a stack
/// trace reach the client: unexpected exceptions are logged here (type and message) and answered with a 500 that
/// says only what kind of failure it was.
/// </summary>
public sealed partial class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var (status, body) = Describe(context, ex);
            if (status >= 500)
            {
                LogUnexpected(logger, context.Request.Method, context.Request.Path, ex.GetType().Name, ex.Message);
            }

            context.Response.Clear();
            await ApiErrors.WriteAsync(context, status, body);
        }
    }

    private static (int Status, ApiErrorBody Body) Describe(HttpContext context, Exception ex) => ex switch
    {
        ApiException api => (api.Status, ApiErrors.Body(context, $"{api.Reason}: {api.Message}", api.Errors)),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            (bad.StatusCode, ApiErrors.Body(context, "Request Entity Too Large: the request body is larger than server.maxRequestBodySize allows", [])),
        BadHttpRequestException bad => (bad.StatusCode, ApiErrors.Body(context, $"Bad Request: {bad.Message}", [])),
        SearchFieldException search => (StatusCodes.Status422UnprocessableEntity, ApiErrors.Body(context, $"Illegal argument: {search.Message}", [])),
        StoragePathException path => (StatusCodes.Status422UnprocessableEntity, ApiErrors.Body(context, $"Illegal argument: {path.Message}", [])),
        InvalidDataException data => (StatusCodes.Status422UnprocessableEntity, ApiErrors.Body(context, $"Invalid entity: {data.Message}", [])),
        _ => (StatusCodes.Status500InternalServerError, ApiErrors.Body(context, $"Internal server error: unexpected {ex.GetType().Name}; the server log has the details", [])),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed: {Type}: {Reason}")]
    private static partial void LogUnexpected(ILogger logger, string method, string path, string type, string reason);
}
