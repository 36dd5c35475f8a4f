using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harrier.Server.Api;

/// <summary>
/// JSON of the API: camelCase, nulls left out (Kestra's Jackson setting), non-ASCII text as is. Dictionaries of plain
/// values (inputs, outputs) are written by their runtime types, so longs stay integers and map order is kept.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    /// <summary>One line of JSON (an SSE data field must not hold a line break; serialised JSON never does).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
