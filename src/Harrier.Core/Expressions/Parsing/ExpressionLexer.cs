using System.Globalization;
using System.Text;

namespace Harrier.Core.Expressions.Parsing;

/// <summary>
/// Tokenises the inside of one <c>{{ … }}</c> or <c>{% … %}</c>, stopping at its closer. Braces are counted
/// so that map literals ending in <c>}}</c> do not close the tag early.
/// </summary>
internal sealed class ExpressionLexer(string source, SourceMap map)
{
    private static readonly string[] Punctuation =
        ["???", "??", "..", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~", "|", "(", ")", "[", "]", "{", "}", ",", ":", ".", "?", "<", ">", "="];

    /// <summary>Reads tokens from <paramref name="start"/> up to the closer; the last token has kind End.</summary>
    public List<Token> Tokenize(int start, string closer, out int next, out bool trimAfter)
    {
        var tokens = new List<Token>();
        var depth = 0;
        var i = start;
        while (true)
        {
            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            if (i >= source.Length)
            {
                throw Error($"Unclosed tag: expected '{closer}' before the end of the template", start - 2);
            }

            var c = source[i];
            if (depth == 0 && c == '-' && At(i + 1, closer))
            {
                tokens.Add(new Token(TokenKind.End, closer, i));
                next = i + 1 + closer.Length;
                trimAfter = true;
                return tokens;
            }

            if (depth == 0 && At(i, closer))
            {
                tokens.Add(new Token(TokenKind.End, closer, i));
                next = i + closer.Length;
                trimAfter = false;
                return tokens;
            }

            if (char.IsDigit(c))
            {
                tokens.Add(ReadNumber(ref i));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(ref i));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var begin = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, source[begin..i], begin));
            }
            else
            {
                var punctuation = Array.Find(Punctuation, p => At(i, p))
                    ?? throw Error($"Unexpected character '{c}'", i);
                depth += punctuation switch { "{" => 1, "}" => -1, _ => 0 };
                tokens.Add(new Token(TokenKind.Punctuation, punctuation, i));
                i += punctuation.Length;
            }
        }
    }

    private bool At(int offset, string text) =>
        offset + text.Length <= source.Length && string.CompareOrdinal(source, offset, text, 0, text.Length) == 0;

    private Token ReadNumber(ref int i)
    {
        var begin = i;
        while (i < source.Length && char.IsDigit(source[i]))
        {
            i++;
        }

        // "1..5" is a range: a dot followed by another dot does not start a fraction.
        var isDouble = i + 1 < source.Length && source[i] == '.' && char.IsDigit(source[i + 1]);
        if (isDouble)
        {
            i++;
            while (i < source.Length && char.IsDigit(source[i]))
            {
                i++;
            }
        }

        var text = source[begin..i];
        object value = isDouble
            ? double.Parse(text, CultureInfo.InvariantCulture)
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? (object)l : double.Parse(text, CultureInfo.InvariantCulture);
        return new Token(TokenKind.Number, text, begin, value);
    }

    private Token ReadString(ref int i)
    {
        var begin = i;
        var quote = source[i++];
        var builder = new StringBuilder();
        while (true)
        {
            if (i >= source.Length)
            {
                throw Error("Unterminated string literal", begin);
            }

            var c = source[i++];
            if (c == quote)
            {
                return new Token(TokenKind.String, source[begin..i], begin, builder.ToString());
            }

            if (c != '\\' || i >= source.Length)
            {
                builder.Append(c);
                continue;
            }

            var escaped = source[i++];
            builder.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                '0' => '\0',
                _ => escaped,
            });
        }
    }

    private TemplateSyntaxException Error(string message, int offset)
    {
        var (line, column) = map.Locate(Math.Max(0, offset));
        return new TemplateSyntaxException(message, line, column);
    }
}
