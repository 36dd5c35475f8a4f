using System.Text.Json.Serialization;

namespace Harrier.Server.Api.Errors;

/// <summary>
/// Kestra's error document (Micronaut's JsonError): <c>{"message", "_links": {"self": {"href"}}, "_embedded": {"errors":
/// [{"message", "path"}]}}</c>. Every error the API returns has this shape; none carries a stack trace.
/// </summary>
public sealed record ApiErrorBody(string Message)
{
    [JsonPropertyName("_links")]
    public ApiErrorLinks? Links { get; init; }

    [JsonPropertyName("_embedded")]
    public ApiErrorEmbedded? Embedded { get; init; }
}

public sealed record ApiErrorLinks(ApiErrorLink Self);

public sealed record ApiErrorLink(string Href)
{
    public bool Templated { get; init; }
}

public sealed record ApiErrorEmbedded(IReadOnlyList<ApiErrorItem> Errors);

/// <summary>One problem: a sentence, the property path it concerns, and where in a document when known.</summary>
public sealed record ApiErrorItem(string Message, string? Path)
{
    public int? Line { get; init; }

    public int? Column { get; init; }
}
