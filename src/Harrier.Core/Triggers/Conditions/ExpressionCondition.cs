namespace Harrier.Core.Triggers.Conditions;

/// <summary><c>Expression</c>: the rendered expression is truthy (<c>true</c>, a non-empty text, a non-zero number).</summary>
public sealed record ExpressionCondition(string Expression) : ITriggerCondition
{
    public string Type => "Expression";

    public bool Test(ConditionScope scope) => scope.RenderTruth(Expression, "Expression condition");
}
