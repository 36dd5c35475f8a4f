namespace Harrier.Core.Expressions.Ast;

internal sealed class LiteralExpression(object? value, int line, int column) : Expression(line, column)
{
    public object? Value { get; } = value;

    public override object? Evaluate(RenderState state) => Value;
}
