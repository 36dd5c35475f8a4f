using System.Security.Cryptography;
using Harrier.Core.Expressions.Ast;
using Harrier.Core.Expressions.Filters;

namespace Harrier.Core.Expressions.Functions;

/// <summary>Functions that only compute: ids, random numbers, ranges, min/max, JSON and YAML parsing.</summary>
internal static class ValueFunctions
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static void Register(Dictionary<string, Callable> into)
    {
        into.Add("uuid", [], 0, (_, _, _) => Guid.NewGuid().ToString());
        into.Add("id", [], 0, (_, _, _) => ShortId());
        into.Add("randomInt", ["lower", "upper"], 2, (_, args, _) => RandomInt(args.Long(0, 0), args.Long(1, 0)));
        into.Add("range", ["start", "end", "step"], 2, (_, args, state) => Operators.Range(args[0], args[1], args.Has(2) ? args[2] : 1L, state.Budget));
        into.Add("max", ["values", "..."], 1, (_, args, _) => Extreme(args, wantMax: true));
        into.Add("min", ["values", "..."], 1, (_, args, _) => Extreme(args, wantMax: false));
        into.Add("fromJson", ["json"], 1, (_, args, _) => args[0] is null ? null : JsonValues.Parse(args.Text(0, "null")));
        into.Add("json", ["json"], 1, (_, args, _) => args[0] is null ? null : JsonValues.Parse(args.Text(0, "null")));
        into.Add("yaml", ["yaml"], 1, (_, args, _) => YamlValues.Parse(args.Text(0, string.Empty)));
    }

    /// <summary>A 22-character base62 rendering of 128 random bits, like Kestra's ids.</summary>
    private static string ShortId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true);
        Span<char> chars = stackalloc char[22];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        return new string(chars);
    }

    /// <summary>Lower bound inclusive, upper bound exclusive (Kestra's randomInt).</summary>
    private static long RandomInt(long lower, long upper) =>
        upper <= lower ? throw new ExpressionException("upper must be greater than lower") : Random.Shared.NextInt64(lower, upper);

    private static object? Extreme(Arguments args, bool wantMax)
    {
        IReadOnlyList<object?> values;
        if (args.Count == 1 && ValueAccess.TryAsList(args[0], out var list))
        {
            values = list;
        }
        else
        {
            var collected = new List<object?>(args.Count);
            for (var i = 0; i < args.Count; i++)
            {
                collected.Add(args[i]);
            }

            values = collected;
        }

        object? best = null;
        foreach (var value in values)
        {
            if (best is null || (ExpressionValues.Compare(value, best) > 0) == wantMax && !ExpressionValues.Equals(value, best))
            {
                best = value;
            }
        }

        return best;
    }
}
