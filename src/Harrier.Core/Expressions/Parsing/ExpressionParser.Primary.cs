using Harrier.Core.Expressions.Ast;
using Harrier.Core.Expressions.Filters;
using Harrier.Core.Expressions.Functions;

namespace Harrier.Core.Expressions.Parsing;

/// <summary>Filters, member access, calls and literals.</summary>
internal sealed partial class ExpressionParser
{
    private Expression ParseFilters()
    {
        var mark = _depth;
        var left = ParsePostfix(ParsePrimary());
        while (Current.Kind == TokenKind.Punctuation && Current.Text == "|")
        {
            Chain();
            Next();
            var nameToken = Current;
            var name = ExpectName();
            if (!FilterRegistry.All.TryGetValue(name, out var filter))
            {
                throw Error($"Unknown filter '{name}'" + Suggestions.Hint(name, FilterRegistry.All.Keys), nameToken);
            }

            var arguments = Current.Is("(") && Current.Kind == TokenKind.Punctuation ? ParseArguments(filter, nameToken) : NoArguments(filter, nameToken);
            var (line, column) = map.Locate(nameToken.Offset);
            left = new CallExpression(filter, left, arguments, line, column);
        }

        _depth = mark;
        return left;
    }

    private Expression ParsePostfix(Expression target)
    {
        var mark = _depth;
        while (Current.Kind == TokenKind.Punctuation)
        {
            if (Current.Text is "." or "[")
            {
                Chain();
            }

            if (Current.Text == ".")
            {
                Next();
                var member = Current.Kind == TokenKind.Number ? Next().Text : ExpectName();
                target = new MemberExpression(target, member, null, PathOf(target) + "." + member, target.Line, target.Column);
            }
            else if (Current.Text == "[")
            {
                Next();
                var key = ParseExpression();
                Expect("]");
                var keyText = key is LiteralExpression { Value: string s } ? "'" + s + "'" : key is LiteralExpression l ? ValueText.ToText(l.Value) : "…";
                target = new MemberExpression(target, null, key, PathOf(target) + "[" + keyText + "]", target.Line, target.Column);
            }
            else
            {
                break;
            }
        }

        _depth = mark;
        return target;
    }

    private static string PathOf(Expression expression) => expression switch
    {
        VariableExpression v => v.Name,
        MemberExpression m => m.Path,
        _ => "(…)",
    };

    private Expression ParsePrimary()
    {
        var token = Next();
        var (line, column) = map.Locate(token.Offset);
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
                return new LiteralExpression(token.Value, line, column);
            case TokenKind.Name:
                return ParseName(token, line, column);
            case TokenKind.Punctuation when token.Text == "(":
                var inner = ParseExpression();
                Expect(")");
                return inner;
            case TokenKind.Punctuation when token.Text == "[":
                return ParseList(line, column);
            case TokenKind.Punctuation when token.Text == "{":
                return ParseMap(line, column);
            default:
                throw Error(token.Kind == TokenKind.End ? "Expected an expression" : $"Unexpected {Describe(token)}", token);
        }
    }

    private Expression ParseName(Token token, int line, int column)
    {
        switch (token.Text)
        {
            case "true": return new LiteralExpression(true, line, column);
            case "false": return new LiteralExpression(false, line, column);
            case "null" or "none": return new LiteralExpression(null, line, column);
        }

        if (!(Current.Kind == TokenKind.Punctuation && Current.Text == "("))
        {
            return new VariableExpression(token.Text, line, column);
        }

        if (!FunctionRegistry.All.TryGetValue(token.Text, out var function))
        {
            throw Error($"Unknown function '{token.Text}'" + Suggestions.Hint(token.Text, FunctionRegistry.All.Keys), token);
        }

        return new CallExpression(function, null, ParseArguments(function, token), line, column);
    }

    private ListExpression ParseList(int line, int column)
    {
        var items = new List<Expression>();
        while (!Accept("]"))
        {
            items.Add(ParseExpression());
            if (!Accept(","))
            {
                Expect("]");
                break;
            }
        }

        return new ListExpression([.. items], line, column);
    }

    private MapExpression ParseMap(int line, int column)
    {
        var keys = new List<Expression>();
        var values = new List<Expression>();
        while (!Accept("}"))
        {
            // Bare names as keys read as text, like YAML/JSON-minded users expect ({a: 1}).
            if (Current.Kind == TokenKind.Name && tokens[_position + 1].Is(":"))
            {
                var key = Next();
                var (l, c) = map.Locate(key.Offset);
                keys.Add(new LiteralExpression(key.Text, l, c));
            }
            else
            {
                keys.Add(ParseExpression());
            }

            Expect(":");
            values.Add(ParseExpression());
            if (!Accept(","))
            {
                Expect("}");
                break;
            }
        }

        return new MapExpression([.. keys], [.. values], line, column);
    }

    private Expression?[] ParseArguments(Callable callable, Token nameToken)
    {
        Expect("(");
        var arguments = new List<Expression?>();
        var positional = 0;
        while (!Accept(")"))
        {
            var index = positional;
            if (Current.Kind == TokenKind.Name && tokens[_position + 1].Kind == TokenKind.Punctuation && tokens[_position + 1].Text == "=")
            {
                var argumentToken = Next();
                Next();
                index = Array.IndexOf(callable.Parameters, argumentToken.Text);
                if (index < 0)
                {
                    throw Error($"'{callable.Name}' has no argument '{argumentToken.Text}'" + Suggestions.Hint(argumentToken.Text, callable.Parameters), argumentToken);
                }
            }
            else
            {
                positional++;
            }

            while (arguments.Count <= index)
            {
                arguments.Add(null);
            }

            arguments[index] = ParseExpression();
            if (!Accept(","))
            {
                Expect(")");
                break;
            }
        }

        CheckRequired(callable, arguments, nameToken);
        return [.. arguments];
    }

    private Expression?[] NoArguments(Callable callable, Token nameToken)
    {
        CheckRequired(callable, [], nameToken);
        return [];
    }

    private void CheckRequired(Callable callable, List<Expression?> arguments, Token nameToken)
    {
        for (var i = 0; i < callable.Required; i++)
        {
            if (i >= arguments.Count || arguments[i] is null)
            {
                throw Error($"'{callable.Name}' needs argument '{callable.Parameters[i]}'", nameToken);
            }
        }

        if (arguments.Count > callable.Parameters.Length && !(callable.Parameters.Length > 0 && callable.Parameters[^1] == "..."))
        {
            throw Error($"'{callable.Name}' takes at most {callable.Parameters.Length} argument(s)", nameToken);
        }
    }
}
