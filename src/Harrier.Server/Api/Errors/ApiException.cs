namespace Harrier.Server.Api.Errors;

/// <summary>
/// An error an endpoint answers with: its HTTP status, Kestra's reason prefix (<c>Invalid entity</c>, <c>Not Found</c>…)
/// and message, and the itemised problems. Thrown by handlers, turned into <see cref="ApiErrorBody"/> by
/// <see cref="ApiErrorMiddleware"/>.
/// </summary>
public sealed class ApiException(int status, string reason, string message, IReadOnlyList<ApiErrorItem>? errors = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Reason { get; } = reason;

    public IReadOnlyList<ApiErrorItem> Errors { get; } = errors ?? [];

    public static ApiException NotFound(string message) => new(StatusCodes.Status404NotFound, "Not Found", message);

    /// <summary>A request that is well formed but asks for something its target's state forbids (Kestra's IllegalStateException).</summary>
    public static ApiException Conflict(string message) => new(StatusCodes.Status409Conflict, "Illegal state", message);

    public static ApiException Gone(string message) => new(StatusCodes.Status410Gone, "Resource has expired", message);

    /// <summary>Invalid content (Kestra's ConstraintViolationException): one item per problem.</summary>
    public static ApiException Invalid(IReadOnlyList<ApiErrorItem> errors) =>
        new(StatusCodes.Status422UnprocessableEntity, "Invalid entity", string.Join("\n", errors.Select(e => e.Message)), errors);

    public static ApiException Invalid(string message, string? path = null) => Invalid([new ApiErrorItem(message, path)]);

    /// <summary>An argument that cannot be used (Kestra's IllegalArgumentException, also 422).</summary>
    public static ApiException IllegalArgument(string message) => new(StatusCodes.Status422UnprocessableEntity, "Illegal argument", message);

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "Bad Request", message);

    public static ApiException UnsupportedMediaType(string message) => new(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", message);
}
