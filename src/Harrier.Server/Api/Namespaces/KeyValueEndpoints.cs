using System.Text.RegularExpressions;
using Harrier.Core.Store.KeyValues;
using Harrier.Core.Time;
using Harrier.Server.Api.Errors;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Namespaces;

/// <summary>
/// Kestra's KV API: <c>GET|PUT|DELETE /namespaces/{ns}/kv/{key}</c> and <c>GET …/kv</c>. GET answers <c>{type, value}</c>,
/// 404 for a missing key and 410 for an expired one; PUT takes the value as its body and optional <c>ttl</c> (ISO-8601)
/// and <c>description</c> headers; DELETE answers whether there was a key.
/// </summary>
public static partial class KeyValueEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var kv = api.MapGroup("/namespaces/{namespace}/kv").WithTags("KV");
        kv.MapGet("", ListAsync).Produces<List<ApiKeyValueEntry>>().WithSummary("A namespace's keys (expired ones left out)");
        kv.MapGet("/{key}", GetAsync).Produces<ApiTypedValue>().WithSummary("A key's value and type (410 when it has expired)");
        kv.MapPut("/{key}", PutAsync).DescribesBody("application/json", "The value: JSON, or an unquoted date, duration or word").Produces(StatusCodes.Status200OK).WithSummary("Store a value (ttl and description headers)");
        kv.MapDelete("/{key}", DeleteAsync).Produces<bool>().WithSummary("Delete a key");
    }

    private static async Task<IResult> ListAsync(string @namespace, IKeyValueStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(@namespace, ct)).Select(e => new ApiKeyValueEntry(e.Key, e.Description, e.Created.UtcDateTime, e.Updated.UtcDateTime, e.Expires?.UtcDateTime)).ToList());

    private static async Task<IResult> GetAsync(string @namespace, string key, IKeyValueStore store, ServerContext server, CancellationToken ct)
    {
        var entry = await store.GetAsync(@namespace, CheckKey(key), ct) ?? throw ApiException.NotFound($"there is no key '{key}' in namespace {@namespace}");
        return entry.IsExpiredAt(server.Time.GetUtcNow())
            ? throw ApiException.Gone($"key '{key}' of namespace {@namespace} expired at {entry.Expires!.Value.UtcDateTime:O}")
            : TypedResults.Ok(new ApiTypedValue(entry.Type, entry.Value));
    }

    private static async Task<IResult> PutAsync(string @namespace, string key, HttpRequest request, IKeyValueStore store, CancellationToken ct)
    {
        CheckKey(key);
        TimeSpan? ttl = null;
        if (request.Headers["ttl"].ToString() is { Length: > 0 } text)
        {
            ttl = IsoDuration.TryParse(text, out var parsed) && parsed > TimeSpan.Zero
                ? parsed
                : throw ApiException.IllegalArgument($"ttl '{text}' is not a positive ISO-8601 duration such as PT1H");
        }

        var (type, value) = KeyValueParser.Parse(await RequestBodies.ReadTextAsync(request, ct));
        var description = request.Headers["description"].ToString();
        await store.PutAsync(new KeyValuePut(@namespace, key, type, value) { Ttl = ttl, Description = description.Length == 0 ? null : description }, ct);
        return TypedResults.Ok();
    }

    private static async Task<IResult> DeleteAsync(string @namespace, string key, IKeyValueStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.DeleteAsync(@namespace, CheckKey(key), ct));

    private static string CheckKey(string key) =>
        KeyPattern().IsMatch(key) && key.Length <= 255
            ? key
            : throw ApiException.IllegalArgument($"'{key}' is not a valid key: use letters, digits, '.', '-' and '_', starting with a letter or digit (at most 255 characters)");

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex KeyPattern();
}
