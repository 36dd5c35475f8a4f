using System.Globalization;

namespace Harrier.Core.Expressions.Filters;

/// <summary>Parses the jq subset described on <see cref="JqQuery"/> into composed stream functions.</summary>
/// <remarks>
/// Parsing recurses once per bracket and every link of a chain (<c>|</c>, <c>,</c>, <c>and</c>, <c>.a.b</c>) wraps one
/// more function, so running it recurses as deep: both are bounded, and a query past the bounds is refused with a
/// sentence instead of overflowing the stack.
/// </remarks>
internal sealed class JqParser(string text)
{
    public const int MaxDepth = 100;
    public const int MaxSteps = 1000;

    private int _i;
    private int _depth;
    private int _steps;

    public Func<object?, IEnumerable<object?>> ParseProgram()
    {
        var program = ParsePipe();
        Skip();
        return _i < text.Length ? throw Error($"unexpected '{text[_i]}'") : program;
    }

    private Func<object?, IEnumerable<object?>> ParsePipe()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nests deeper than {MaxDepth} levels of brackets");
        }

        var pipe = ParsePipeLinks();
        _depth--;
        return pipe;
    }

    private Func<object?, IEnumerable<object?>> ParsePipeLinks()
    {
        var left = ParseComma();
        while (Accept("|"))
        {
            Step();
            var first = left;
            var right = ParseComma();
            left = input => first(input).SelectMany(right);
        }

        return left;
    }

    private Func<object?, IEnumerable<object?>> ParseComma()
    {
        var left = ParseLogic();
        while (Accept(","))
        {
            Step();
            var first = left;
            var right = ParseLogic();
            left = input => first(input).Concat(right(input));
        }

        return left;
    }

    private Func<object?, IEnumerable<object?>> ParseLogic()
    {
        var left = ParseComparison();
        while (AcceptWord("and") is var and && (and || AcceptWord("or")))
        {
            Step();
            var first = left;
            var right = ParseComparison();
            left = and
                ? input => Pairs(first, right, input, (a, b) => ExpressionValues.IsTruthy(a) && ExpressionValues.IsTruthy(b))
                : input => Pairs(first, right, input, (a, b) => ExpressionValues.IsTruthy(a) || ExpressionValues.IsTruthy(b));
        }

        return left;
    }

    private Func<object?, IEnumerable<object?>> ParseComparison()
    {
        var left = ParsePostfix(ParsePrimary());
        foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
        {
            if (!Accept(op))
            {
                continue;
            }

            var right = ParsePostfix(ParsePrimary());
            Func<object?, object?, object?> compare = op switch
            {
                "==" => (a, b) => ExpressionValues.Equals(a, b),
                "!=" => (a, b) => !ExpressionValues.Equals(a, b),
                "<=" => (a, b) => ExpressionValues.Compare(a, b) <= 0,
                ">=" => (a, b) => ExpressionValues.Compare(a, b) >= 0,
                "<" => (a, b) => ExpressionValues.Compare(a, b) < 0,
                _ => (a, b) => ExpressionValues.Compare(a, b) > 0,
            };
            return input => Pairs(left, right, input, compare);
        }

        return left;
    }

    private Func<object?, IEnumerable<object?>> ParsePrimary()
    {
        Skip();
        if (_i >= text.Length)
        {
            throw Error("unexpected end of expression");
        }

        var c = text[_i];
        if (c == '.')
        {
            _i++;
            if (_i < text.Length && (char.IsLetter(text[_i]) || text[_i] == '_' || text[_i] == '"'))
            {
                var name = text[_i] == '"' ? ReadString() : ReadWord();
                return input => JqSteps.Field(input, name);
            }

            return input => [input];
        }

        if (c == '(')
        {
            _i++;
            var inner = ParsePipe();
            Expect(")");
            return inner;
        }

        if (c == '[')
        {
            _i++;
            if (Accept("]"))
            {
                return _ => [new List<object?>()];
            }

            var inner = ParsePipe();
            Expect("]");
            return input => [inner(input).ToList()];
        }

        if (c == '"')
        {
            var literal = ReadString();
            return _ => [literal];
        }

        if (char.IsDigit(c) || c == '-')
        {
            var start = _i++;
            while (_i < text.Length && (char.IsDigit(text[_i]) || text[_i] == '.'))
            {
                _i++;
            }

            object number = long.TryParse(text[start.._i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? (object)l : double.Parse(text[start.._i], CultureInfo.InvariantCulture);
            return _ => [number];
        }

        return ParseBuiltin(ReadWord());
    }

    private Func<object?, IEnumerable<object?>> ParseBuiltin(string word)
    {
        switch (word)
        {
            case "select" or "map":
                Expect("(");
                var inner = ParsePipe();
                Expect(")");
                return word == "select" ? input => JqSteps.Select(input, inner) : input => JqSteps.Map(input, inner);
            case "true": return _ => [true];
            case "false": return _ => [false];
            case "null": return _ => [null];
            default:
                var builtin = JqSteps.Builtin(word) ?? throw Error($"unsupported function '{word}'");
                return input => [builtin(input)];
        }
    }

    private Func<object?, IEnumerable<object?>> ParsePostfix(Func<object?, IEnumerable<object?>> target)
    {
        while (true)
        {
            Step();
            Skip();
            if (_i + 1 < text.Length && text[_i] == '.' && (char.IsLetter(text[_i + 1]) || text[_i + 1] is '_' or '"'))
            {
                _i++;
                var name = text[_i] == '"' ? ReadString() : ReadWord();
                var previous = target;
                target = input => previous(input).SelectMany(value => JqSteps.Field(value, name));
            }
            else if (_i < text.Length && text[_i] == '[' || (_i + 1 < text.Length && text[_i] == '.' && text[_i + 1] == '['))
            {
                _i += text[_i] == '.' ? 2 : 1;
                var previous = target;
                if (Accept("]"))
                {
                    target = input => previous(input).SelectMany(JqSteps.Iterate);
                    continue;
                }

                var index = ParsePipe();
                Expect("]");
                target = input => previous(input).SelectMany(value => index(input).SelectMany(key => JqSteps.Index(value, key)));
            }
            else if (_i < text.Length && text[_i] == '?')
            {
                _i++;
                var previous = target;
                target = input => JqSteps.Try(previous, input);
            }
            else
            {
                return target;
            }
        }
    }

    private static IEnumerable<object?> Pairs(Func<object?, IEnumerable<object?>> left, Func<object?, IEnumerable<object?>> right, object? input, Func<object?, object?, object?> combine) =>
        from b in right(input) from a in left(input) select combine(a, b);

    private string ReadWord()
    {
        var start = _i;
        while (_i < text.Length && (char.IsLetterOrDigit(text[_i]) || text[_i] == '_'))
        {
            _i++;
        }

        return start == _i ? throw Error($"unexpected '{(_i < text.Length ? text[_i] : ' ')}'") : text[start.._i];
    }

    private string ReadString()
    {
        var end = text.IndexOf('"', _i + 1);
        if (end < 0)
        {
            throw Error("unterminated string");
        }

        var value = text[(_i + 1)..end];
        _i = end + 1;
        return value;
    }

    private void Skip()
    {
        while (_i < text.Length && char.IsWhiteSpace(text[_i]))
        {
            _i++;
        }
    }

    private bool Accept(string token)
    {
        Skip();
        if (string.CompareOrdinal(text, _i, token, 0, token.Length) == 0)
        {
            _i += token.Length;
            return true;
        }

        return false;
    }

    private bool AcceptWord(string word)
    {
        Skip();
        var end = _i + word.Length;
        if (string.CompareOrdinal(text, _i, word, 0, word.Length) == 0 && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
        {
            _i = end;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Error($"expected '{token}'");
        }
    }

    private void Step()
    {
        if (++_steps > MaxSteps)
        {
            throw Error($"has more than {MaxSteps} steps; split it up");
        }
    }

    private ExpressionException Error(string message) =>
        new($"jq expression '{(text.Length <= 200 ? text : text[..200] + "…")}': {message} at character {_i + 1}");
}
