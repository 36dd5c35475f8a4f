using Harrier.Core.Validation;

namespace Harrier.Cli;

/// <summary>The expression syntax checker used when validating flows (wired to the template engine).</summary>
public static class ExpressionChecking
{
    public static IExpressionSyntaxChecker? Checker => null;
}
