using Harrier.Core.Inputs;
using Harrier.Core.Json;

namespace Harrier.Core.Tests.Inputs;

/// <summary>Every input type, with valid values (and the typed value they give) and invalid ones (and the message).</summary>
public sealed class InputResolverTypeTests
{
    [Theory]
    [InlineData("type: STRING", "hello", "\"hello\"")]
    [InlineData("type: STRING, validator: '[a-z]+'", "abc", "\"abc\"")]
    [InlineData("type: INT", "42", "42")]
    [InlineData("type: INT", " -7 ", "-7")]
    [InlineData("type: INT, min: 1, max: 10", "10", "10")]
    [InlineData("type: FLOAT", "3.25", "3.25")]
    [InlineData("type: FLOAT", "2", "2.0")]
    [InlineData("type: BOOL", "true", "true")]
    [InlineData("type: BOOLEAN", "False", "false")]
    [InlineData("type: SELECT, values: [a, b]", "b", "\"b\"")]
    [InlineData("type: SELECT, values: [a, b], allowCustomValue: true", "z", "\"z\"")]
    [InlineData("type: MULTISELECT, values: [a, b, c]", "a, c", "[\"a\",\"c\"]")]
    [InlineData("type: MULTISELECT, values: [a, b, c]", "[\"b\"]", "[\"b\"]")]
    [InlineData("type: DATETIME", "2024-01-31T10:00:00Z", "\"2024-01-31T10:00:00Z\"")]
    [InlineData("type: DATETIME", "2024-01-31T12:00:00+02:00", "\"2024-01-31T10:00:00Z\"")]
    [InlineData("type: DATETIME, after: '2024-01-01T00:00:00Z'", "2024-01-02T00:00:00Z", "\"2024-01-02T00:00:00Z\"")]
    [InlineData("type: DATE", "2024-01-31", "\"2024-01-31\"")]
    [InlineData("type: TIME", "13:45:00", "\"13:45:00\"")]
    [InlineData("type: DURATION", "PT1H30M", "\"PT1H30M\"")]
    [InlineData("type: DURATION, min: PT1M, max: PT1H", "PT5M", "\"PT5M\"")]
    [InlineData("type: FILE", "harrier:///company/team/test/ex1/data.csv", "\"harrier:///company/team/test/ex1/data.csv\"")]
    [InlineData("type: JSON", "{\"a\": [1, true]}", "{\"a\":[1,true]}")]
    [InlineData("type: YAML", "a: 1\nb: [x]", "{\"a\":1,\"b\":[\"x\"]}")]
    [InlineData("type: URI", "https://example.com/a?b=c", "\"https://example.com/a?b=c\"")]
    [InlineData("type: SECRET", "s3cr3t", "\"s3cr3t\"")]
    [InlineData("type: ARRAY, itemType: INT", "[1, 2]", "[1,2]")]
    [InlineData("type: ARRAY, itemType: STRING", "x,y", "[\"x\",\"y\"]")]
    [InlineData("type: EMAIL", "ann@example.com", "\"ann@example.com\"")]
    public void Resolve_TypesAValidText(string declaration, string given, string expectedJson)
    {
        var flow = InputFlows.With($"{{id: x, {declaration}}}");

        var resolution = InputResolver.Resolve(flow, new Dictionary<string, object?> { ["x"] = given });

        Assert.Empty(resolution.Errors);
        Assert.Equal(expectedJson, PlainJson.Serialize(resolution.Inputs["x"]));
    }

    [Theory]
    [InlineData("type: STRING, validator: '[a-z]+'", "ABC", "'ABC' does not match the validator [a-z]+")]
    [InlineData("type: INT", "4.5", "'4.5' is not an integer")]
    [InlineData("type: INT", "many", "'many' is not an integer")]
    [InlineData("type: INT, min: 1, max: 10", "0", "0 is less than the minimum 1")]
    [InlineData("type: INT, min: 1, max: 10", "11", "11 is more than the maximum 10")]
    [InlineData("type: FLOAT", "abc", "'abc' is not a number")]
    [InlineData("type: FLOAT, min: 0.5", "0.25", "0.25 is less than the minimum 0.5")]
    [InlineData("type: BOOL", "yes", "'yes' is not true or false")]
    [InlineData("type: SELECT, values: [a, b]", "c", "'c' is not one of a, b")]
    [InlineData("type: MULTISELECT, values: [a, b]", "a,z", "'z' is not one of a, b")]
    [InlineData("type: DATETIME", "tomorrow", "'tomorrow' is not an ISO-8601 date-time")]
    [InlineData("type: DATETIME, after: '2024-01-01T00:00:00Z'", "2023-12-31T00:00:00Z", "'2023-12-31T00:00:00Z' is not after 2024-01-01T00:00:00Z")]
    [InlineData("type: DATE", "31/01/2024", "'31/01/2024' is not a date such as 2024-01-31")]
    [InlineData("type: DATE, before: '2024-01-01'", "2024-06-01", "'2024-06-01' is not before 2024-01-01")]
    [InlineData("type: TIME", "25:00", "'25:00' is not a time")]
    [InlineData("type: TIME, after: '08:00:00'", "07:30:00", "'07:30:00' is not after 08:00:00")]
    [InlineData("type: DURATION", "5 minutes", "'5 minutes' is not an ISO-8601 duration")]
    [InlineData("type: DURATION, min: PT1M", "PT30S", "PT30S is shorter than the minimum PT1M")]
    [InlineData("type: DURATION, max: PT1M", "PT2M", "PT2M is longer than the maximum PT1M")]
    [InlineData("type: FILE", "data.csv", "'data.csv' is not an absolute URI")]
    [InlineData("type: JSON", "{bad", "invalid JSON")]
    [InlineData("type: YAML", "a: [1", "invalid YAML")]
    [InlineData("type: URI", "not a uri", "'not a uri' is not an absolute URI")]
    [InlineData("type: SECRET, validator: '\\d+'", "abc", "'abc' does not match the validator")]
    [InlineData("type: ARRAY, itemType: INT", "[1, \"x\"]", "'x' is not an integer")]
    [InlineData("type: EMAIL", "ann.example.com", "'ann.example.com' is not an e-mail address")]
    public void Resolve_RefusesAnInvalidText_WithOneMessageNamingTheInput(string declaration, string given, string fragment)
    {
        var flow = InputFlows.With($"{{id: x, {declaration}}}");

        var resolution = InputResolver.Resolve(flow, new Dictionary<string, object?> { ["x"] = given });

        var error = Assert.Single(resolution.Errors);
        Assert.StartsWith($"input 'x' ({flow.Inputs[0].Type}): ", error, StringComparison.Ordinal);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
        Assert.False(resolution.IsValid);
    }

    public static TheoryData<string, object, string> TypedValues => new()
    {
        { "type: INT", 5L, "5" },
        { "type: INT", 5.0, "5" },
        { "type: FLOAT", 2L, "2.0" },
        { "type: BOOL", true, "true" },
        { "type: STRING", 12L, "\"12\"" },
        { "type: JSON", new Dictionary<string, object?> { ["k"] = "v" }, "{\"k\":\"v\"}" },
        { "type: MULTISELECT, values: [a, b]", new List<object?> { "a", "b" }, "[\"a\",\"b\"]" },
        { "type: ARRAY, itemType: FLOAT", new List<object?> { 1L, 2.5 }, "[1.0,2.5]" },
    };

    [Theory]
    [MemberData(nameof(TypedValues))]
    public void Resolve_AcceptsTypedValues_FromAJsonInputsFile(string declaration, object given, string expectedJson)
    {
        var flow = InputFlows.With($"{{id: x, {declaration}}}");

        var resolution = InputResolver.Resolve(flow, new Dictionary<string, object?> { ["x"] = given });

        Assert.Empty(resolution.Errors);
        Assert.Equal(expectedJson, PlainJson.Serialize(resolution.Inputs["x"]));
    }
}
