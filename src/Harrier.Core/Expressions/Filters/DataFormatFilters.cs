using Harrier.Core.Expressions.Ast;
using YamlDotNet.Serialization;

namespace Harrier.Core.Expressions.Filters;

/// <summary>Serialisation to JSON, Ion and YAML, and jq queries.</summary>
internal static class DataFormatFilters
{
    private static readonly ISerializer Yaml = new SerializerBuilder().DisableAliases().Build();

    public static void Register(Dictionary<string, Callable> into)
    {
        into.Add("toJson", [], 0, (input, _, _) => ValueText.ToJson(input));
        into.Add("json", [], 0, (input, _, _) => ValueText.ToJson(input));
        into.Add("toIon", [], 0, (input, _, _) => IonWriter.Write(input));
        into.Add("yaml", [], 0, (input, _, _) => ToYaml(input));
        into.Add("jq", ["expression"], 1, (input, args, _) => JqQuery.Compile(args.Text(0, ".")).Run(ToStructured(input)));
    }

    /// <summary>jq reads JSON text too: a string that parses as a JSON object or array is queried as data.</summary>
    private static object? ToStructured(object? input)
    {
        if (input is string s && s.TrimStart() is ['{' or '[', ..] && JsonValues.IsJson(s))
        {
            return JsonValues.Parse(s);
        }

        return input;
    }

    public static string ToYaml(object? value) => Yaml.Serialize(ToPlain(value));

    /// <summary>Converts to types the YAML serializer writes naturally (it would otherwise reflect over views).</summary>
    private static object? ToPlain(object? value)
    {
        value = ExpressionValues.Normalize(value);
        if (ValueAccess.TryAsMap(value, out var map))
        {
            var plain = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
            foreach (var pair in map)
            {
                plain[pair.Key] = ToPlain(pair.Value);
            }

            return plain;
        }

        if (ValueAccess.TryAsList(value, out var list))
        {
            var plain = new List<object?>(list.Count);
            foreach (var item in list)
            {
                plain.Add(ToPlain(item));
            }

            return plain;
        }

        return value is DateTimeOffset date ? ValueText.FormatDate(date) : value;
    }
}
