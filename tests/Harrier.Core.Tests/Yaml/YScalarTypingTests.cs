using Harrier.Core.Yaml;

namespace Harrier.Core.Tests.Yaml;

/// <summary>
/// Plain scalars resolve under the YAML 1.2 core schema: <c>yes</c>/<c>no</c>/<c>on</c> stay texts (unlike
/// YAML 1.1), <c>0x1F</c> and <c>0o17</c> are integers, quoted and block scalars are always texts.
/// </summary>
public sealed class YScalarTypingTests
{
    public static TheoryData<string, ScalarType, object?> PlainScalars => new()
    {
        { "yes", ScalarType.String, "yes" },
        { "no", ScalarType.String, "no" },
        { "on", ScalarType.String, "on" },
        { "off", ScalarType.String, "off" },
        { "y", ScalarType.String, "y" },
        { "true", ScalarType.Boolean, true },
        { "False", ScalarType.Boolean, false },
        { "TRUE", ScalarType.Boolean, true },
        { "tRUE", ScalarType.String, "tRUE" },
        { "~", ScalarType.Null, null },
        { "null", ScalarType.Null, null },
        { "NULL", ScalarType.Null, null },
        { "1", ScalarType.Integer, 1L },
        { "-42", ScalarType.Integer, -42L },
        { "+7", ScalarType.Integer, 7L },
        { "012", ScalarType.Integer, 12L },
        { "0x1F", ScalarType.Integer, 31L },
        { "0o17", ScalarType.Integer, 15L },
        { "0x", ScalarType.String, "0x" },
        { "0o8", ScalarType.String, "0o8" },
        { "1_000", ScalarType.String, "1_000" },
        { "99999999999999999999", ScalarType.Integer, 1e20 },
        { "1.0", ScalarType.Float, 1.0 },
        { "-0.5", ScalarType.Float, -0.5 },
        { ".5", ScalarType.Float, 0.5 },
        { "1e3", ScalarType.Float, 1000.0 },
        { "6.02E+23", ScalarType.Float, 6.02e23 },
        { ".inf", ScalarType.Float, double.PositiveInfinity },
        { "-.Inf", ScalarType.Float, double.NegativeInfinity },
        { ".NaN", ScalarType.Float, double.NaN },
        { "1.2.3", ScalarType.String, "1.2.3" },
        { "PT5S", ScalarType.String, "PT5S" },
        { "3.13-slim", ScalarType.String, "3.13-slim" },
    };

    [Theory]
    [MemberData(nameof(PlainScalars))]
    public void PlainScalar_ResolvesUnderTheCoreSchema(string text, ScalarType type, object? value)
    {
        var scalar = Assert.IsType<YScalar>(YamlText.Read("v: " + text).Map["v"]);

        Assert.True(scalar.IsPlain);
        Assert.Equal(type, scalar.PlainType);
        Assert.Equal(value, scalar.ToPlain());
    }

    [Theory]
    [InlineData("v: '1'", "1")]
    [InlineData("v: \"true\"", "true")]
    [InlineData("v: 'null'", "null")]
    [InlineData("v: \"0x1F\"", "0x1F")]
    [InlineData("v: |\n  1.0\n", "1.0\n")]
    [InlineData("v: >-\n  42\n", "42")]
    public void QuotedOrBlockScalar_IsAlwaysAText(string document, string value)
    {
        var scalar = Assert.IsType<YScalar>(YamlText.Read(document).Map["v"]);

        Assert.False(scalar.IsPlain);
        Assert.Equal(ScalarType.String, scalar.PlainType);
        Assert.Equal(value, scalar.ToPlain());
        Assert.Equal("a string", scalar.KindName);
    }

    [Fact]
    public void EmptyValue_IsNull()
    {
        var scalar = Assert.IsType<YScalar>(YamlText.Read("v:\nw: 1\n").Map["v"]);

        Assert.True(scalar.IsNull);
        Assert.Equal("null", scalar.KindName);
        Assert.Null(scalar.ToPlain());
    }

    [Theory]
    [InlineData("v: 3", "an integer")]
    [InlineData("v: 3.5", "a number")]
    [InlineData("v: false", "a boolean")]
    [InlineData("v: text", "a string")]
    [InlineData("v: [1]", "a list")]
    [InlineData("v: {a: 1}", "a map")]
    public void KindName_NamesTheKindForMessages(string document, string kind) =>
        Assert.Equal(kind, YamlText.Read(document).Map["v"]!.KindName);

    [Fact]
    public void ToPlain_TurnsMapsAndListsIntoOrderedPlainData()
    {
        var plain = YamlText.Read("v: {b: [1, x, true], a: ~}").Map["v"]!.ToPlain();

        var map = Assert.IsType<Dictionary<string, object?>>(plain);
        Assert.Equal(["b", "a"], map.Keys);
        Assert.Equal(new List<object?> { 1L, "x", true }, map["b"]);
        Assert.Null(map["a"]);
    }
}
