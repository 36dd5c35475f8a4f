namespace Harrier.Core.Expressions.Ast;

/// <summary>A compiled expression. Line and column point at its first token in the template source.</summary>
internal abstract class Expression(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>The value; undefined variables raise a positioned render error (strict mode).</summary>
    public abstract object? Evaluate(RenderState state);

    /// <summary>
    /// Like <see cref="Evaluate"/>, but reports an undefined variable or attribute by returning false instead
    /// of failing. Only lookups override it; <c>is defined</c>, <c>??</c>, <c>???</c> and <c>default</c> use it.
    /// </summary>
    public virtual bool TryEvaluate(RenderState state, out object? value)
    {
        value = Evaluate(state);
        return true;
    }

    public TemplateRenderException Fail(string reason, Exception? inner = null) => new(reason, Line, Column, inner);

    /// <summary>Runs a value operation, turning its plain errors into errors positioned at this expression.</summary>
    protected object? Guard<TArg>(Func<TArg, object?> operation, TArg argument)
    {
        try
        {
            return operation(argument);
        }
        catch (ExpressionException ex)
        {
            throw Fail(ex.Message, ex);
        }
    }
}
