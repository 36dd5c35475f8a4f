using System.Collections;

namespace Harrier.Core.Expressions.Ast;

/// <summary><c>x is [not] test</c>. Only <c>defined</c> tolerates an undefined operand.</summary>
internal sealed class TestExpression(Expression operand, string test, bool negated, int line, int column)
    : Expression(line, column)
{
    public static readonly string[] Names = ["defined", "null", "empty", "even", "odd", "iterable", "map", "json", "number", "string", "boolean"];

    public override object? Evaluate(RenderState state)
    {
        bool result;
        if (test == "defined")
        {
            result = operand.TryEvaluate(state, out _);
        }
        else
        {
            var value = ExpressionValues.Normalize(operand.Evaluate(state));
            try
            {
                result = Check(value);
            }
            catch (ExpressionException ex)
            {
                throw Fail(ex.Message, ex);
            }
        }

        return negated ? !result : result;
    }

    private bool Check(object? value) => test switch
    {
        "null" => value is null,
        "empty" => value switch
        {
            null => true,
            string s => s.Length == 0,
            ICollection c => c.Count == 0,
            _ when ValueAccess.TryAsMap(value, out var m) => m.Count == 0,
            _ when ValueAccess.TryAsList(value, out var l) => l.Count == 0,
            _ => false,
        },
        "even" => ExpressionValues.ToLong(value) % 2 == 0,
        "odd" => ExpressionValues.ToLong(value) % 2 != 0,
        "iterable" => ValueAccess.TryAsList(value, out _) || ValueAccess.TryAsMap(value, out _),
        "map" => ValueAccess.TryAsMap(value, out _),
        "json" => value is string s && JsonValues.IsJson(s),
        "number" => value is long or double,
        "string" => value is string,
        _ => value is bool,
    };
}
