using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harrier.Core.Expressions.Functions;

/// <summary>Parses YAML text into the value model; plain scalars are typed (int, float, bool, null), quoted ones stay text.</summary>
internal static class YamlValues
{
    public static object? Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(yaml);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ExpressionException($"Invalid YAML: {ex.Message}", ex);
        }

        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    /// <summary>
    /// Loading and converting recurse once per level, so a text nested thousands deep (from a task's output) would
    /// overflow the stack: the event stream, read without recursion, is checked first, with the flow reader's bound.
    /// </summary>
    private static void CheckDepth(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart:
                    if (++depth > Yaml.YamlDocumentReader.MaxDepth)
                    {
                        throw new ExpressionException($"Invalid YAML: it is nested more than {Yaml.YamlDocumentReader.MaxDepth} levels deep");
                    }

                    break;
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    depth--;
                    break;
            }
        }
    }

    private static object? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var pair in mapping.Children)
                {
                    map[((YamlScalarNode)pair.Key).Value ?? string.Empty] = Convert(pair.Value);
                }

                return map;
            case YamlSequenceNode sequence:
                return sequence.Children.Select(Convert).ToList();
            case YamlScalarNode scalar:
                return scalar.Style is ScalarStyle.Plain ? Typed(scalar.Value) : scalar.Value;
            default:
                return null;
        }
    }

    private static object? Typed(string? text) => text switch
    {
        null or "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => text,
    };
}
