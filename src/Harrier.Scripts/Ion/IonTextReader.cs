using System.Globalization;
using System.Text;

namespace Harrier.Scripts.Ion;

/// <summary>
/// Reads Amazon Ion text — the row files Kestra's tasks write (one value per line, usually structs) — into plain
/// values: structs become ordered maps, lists and s-expressions lists, symbols and strings texts, integers longs,
/// decimals and floats doubles, timestamps their ISO text, blobs and clobs their text; annotations are dropped.
/// JSON is valid Ion text, so JSON lines read too. Errors name the line and column.
/// </summary>
public sealed class IonTextReader(string text)
{
    private int _position;

    /// <summary>Every top-level value, in order.</summary>
    public static IEnumerable<object?> ReadAll(string text)
    {
        var reader = new IonTextReader(text);
        while (reader.SkipSpace())
        {
            yield return reader.ReadValue();
        }
    }

    private bool SkipSpace()
    {
        while (_position < text.Length)
        {
            var c = text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < text.Length && text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? throw Error("unterminated comment") : end + 2;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private object? ReadValue()
    {
        SkipSpace();
        var value = ReadUnannotated();
        // An annotation is a symbol followed by '::' — it qualifies the value after it.
        while (SkipSpace() && text[_position] == ':' && Peek(1) == ':')
        {
            _position += 2;
            SkipSpace();
            value = ReadUnannotated();
        }

        return value;
    }

    private object? ReadUnannotated()
    {
        if (_position >= text.Length)
        {
            throw Error("a value was expected");
        }

        var c = text[_position];
        switch (c)
        {
            case '{' when Peek(1) == '{':
                return ReadLob();
            case '{':
                return ReadStruct();
            case '[':
                return ReadSequence(']');
            case '(':
                return ReadSequence(')');
            case '"':
                return ReadQuoted('"');
            case '\'' when Peek(1) == '\'' && Peek(2) == '\'':
                return ReadLongStrings();
            case '\'':
                return ReadQuoted('\'');
        }

        var token = ReadToken();
        return Atom(token);
    }

    private Dictionary<string, object?> ReadStruct()
    {
        _position++;
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (Current() == '}')
            {
                _position++;
                return map;
            }

            var key = Current() switch
            {
                '"' => ReadQuoted('"'),
                '\'' when Peek(1) == '\'' && Peek(2) == '\'' => ReadLongStrings(),
                '\'' => ReadQuoted('\''),
                _ => ReadToken(),
            };
            SkipSpace();
            if (Current() != ':')
            {
                throw Error($"':' expected after the field name '{key}'");
            }

            _position++;
            map[key] = ReadValue();
            SkipSpace();
            if (Current() == ',')
            {
                _position++;
            }
        }
    }

    private List<object?> ReadSequence(char close)
    {
        _position++;
        var list = new List<object?>();
        while (true)
        {
            SkipSpace();
            if (Current() == close)
            {
                _position++;
                return list;
            }

            list.Add(ReadValue());
            SkipSpace();
            if (Current() == ',')
            {
                _position++;
            }
        }
    }

    private string ReadLob()
    {
        var end = text.IndexOf("}}", _position + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("unterminated blob or clob");
        }

        var inner = text[(_position + 2)..end].Trim();
        _position = end + 2;
        return inner.StartsWith('"') || inner.StartsWith('\'') ? new IonTextReader(inner).ReadUnannotated() as string ?? string.Empty : inner;
    }

    private string ReadLongStrings()
    {
        // Adjacent '''…''' parts form one string.
        var builder = new StringBuilder();
        while (_position + 2 < text.Length && text[_position] == '\'' && Peek(1) == '\'' && Peek(2) == '\'')
        {
            _position += 3;
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw Error("unterminated long string");
                }

                if (text[_position] == '\'' && Peek(1) == '\'' && Peek(2) == '\'')
                {
                    _position += 3;
                    break;
                }

                builder.Append(text[_position] == '\\' ? ReadEscape() : text[_position++]);
            }

            SkipSpace();
        }

        return builder.ToString();
    }

    private string ReadQuoted(char quote)
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= text.Length || text[_position] == '\n')
            {
                throw Error("unterminated string");
            }

            var c = text[_position];
            if (c == quote)
            {
                _position++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                builder.Append(ReadEscape());
            }
            else
            {
                builder.Append(c);
                _position++;
            }
        }
    }

    private string ReadEscape()
    {
        _position++;
        var c = Current();
        _position++;
        return c switch
        {
            'n' => "\n",
            't' => "\t",
            'r' => "\r",
            '0' => "\0",
            'a' => "\a",
            'b' => "\b",
            'f' => "\f",
            'v' => "\v",
            '/' => "/",
            '?' => "?",
            '\n' => string.Empty,
            'x' => Hex(2),
            'u' => Hex(4),
            'U' => Hex(8),
            _ => c.ToString(),
        };
    }

    private string Hex(int digits)
    {
        if (_position + digits > text.Length || !int.TryParse(text.AsSpan(_position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
        {
            throw Error("invalid escape sequence");
        }

        _position += digits;
        return char.ConvertFromUtf32(code);
    }

    private string ReadToken()
    {
        var start = _position;
        while (_position < text.Length && !char.IsWhiteSpace(text[_position]) && text[_position] is not (',' or ']' or ')' or '}' or '{' or '[' or '(' or '"' or '\'')
            // ':' ends a field name or starts an annotation's '::', except inside a timestamp (which starts with a digit).
            && !(text[_position] == ':' && (_position == start || !char.IsAsciiDigit(text[start]) || Peek(1) == ':')))
        {
            _position++;
        }

        return _position > start ? text[start.._position] : throw Error($"unexpected '{text[_position]}'");
    }

    private static object? Atom(string token)
    {
        switch (token)
        {
            case "null" or "true" or "false":
                return token == "null" ? null : token == "true";
            case "nan":
                return double.NaN;
            case "+inf":
                return double.PositiveInfinity;
            case "-inf":
                return double.NegativeInfinity;
        }

        if (token.StartsWith("null.", StringComparison.Ordinal))
        {
            return null;
        }

        var plain = token.Replace("_", string.Empty, StringComparison.Ordinal);
        if (plain.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || plain.StartsWith("-0x", StringComparison.OrdinalIgnoreCase))
        {
            var negative = plain[0] == '-';
            var hex = long.Parse(plain.AsSpan(negative ? 3 : 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return negative ? -hex : hex;
        }

        if (long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        // Ion decimals write their exponent with 'd' (1.5d3); floats with 'e'.
        var number = plain.Replace('d', 'e').Replace('D', 'e');
        if (char.IsDigit(number.TrimStart('-')[0]) && !number.Contains('T', StringComparison.Ordinal) && number.Count(ch => ch == '-') <= 1
            && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        // A timestamp (2024-01-02T03:04:05Z) or a symbol: both read as text.
        return token;
    }

    private char Current() => _position < text.Length ? text[_position] : throw Error("unexpected end of the Ion text");

    private char Peek(int offset) => _position + offset < text.Length ? text[_position + offset] : '\0';

    private FormatException Error(string message)
    {
        var before = text.AsSpan(0, Math.Min(_position, text.Length));
        var line = before.Count('\n') + 1;
        var column = _position - (before.LastIndexOf('\n') + 1) + 1;
        return new FormatException($"Ion text, line {line}, column {column}: {message}");
    }
}
