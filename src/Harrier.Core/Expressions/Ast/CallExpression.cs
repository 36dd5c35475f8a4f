namespace Harrier.Core.Expressions.Ast;

/// <summary>
/// <c>input | filter(args)</c> or <c>function(args)</c>. Literal-only argument lists are evaluated once at
/// compile time so the hot path allocates nothing for them.
/// </summary>
internal sealed class CallExpression : Expression
{
    private readonly Callable _callable;
    private readonly Expression? _input;
    private readonly Expression?[] _arguments;
    private readonly object?[]? _constantArguments;

    public CallExpression(Callable callable, Expression? input, Expression?[] arguments, int line, int column)
        : base(line, column)
    {
        _callable = callable;
        _input = input;
        _arguments = arguments;
        if (Array.TrueForAll(arguments, a => a is null or LiteralExpression))
        {
            _constantArguments = Array.ConvertAll(arguments, a => a is LiteralExpression l ? l.Value : Arguments.Missing);
        }
    }

    public override object? Evaluate(RenderState state)
    {
        object? input = null;
        if (_input is not null)
        {
            if (_callable.ToleratesUndefinedInput)
            {
                input = _input.TryEvaluate(state, out var value) ? value : Arguments.Missing;
            }
            else
            {
                input = _input.Evaluate(state);
            }
        }

        var values = _constantArguments ?? EvaluateArguments(state);
        try
        {
            return _callable.Body(input, new Arguments(values), state);
        }
        catch (ExpressionException ex)
        {
            throw Fail($"{_callable.Name}: {ex.Message}", ex);
        }
        catch (TemplateException)
        {
            throw;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw Fail($"{_callable.Name}: {ex.Message}", ex);
        }
    }

    private object?[] EvaluateArguments(RenderState state)
    {
        var values = new object?[_arguments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _arguments[i] is { } argument ? argument.Evaluate(state) : Arguments.Missing;
        }

        return values;
    }
}
