using Microsoft.OpenApi;

namespace Harrier.Server.Api;

/// <summary>
/// Describes a request body in the OpenAPI document only. <c>Accepts&lt;T&gt;()</c> would also make routing refuse other
/// content types (404/415), while Kestra's clients send flows as <c>application/x-yaml</c>, curl as form data, and an
/// execution without inputs sends no body at all.
/// </summary>
public static class OpenApiBodies
{
    public static TBuilder DescribesBody<TBuilder>(this TBuilder builder, string contentType, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [contentType] = new() { Schema = new OpenApiSchema { Type = contentType.StartsWith("multipart", StringComparison.Ordinal) ? JsonSchemaType.Object : JsonSchemaType.String } },
                },
            };
            return Task.CompletedTask;
        });
}
