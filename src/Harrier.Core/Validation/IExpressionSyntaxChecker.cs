namespace Harrier.Core.Validation;

/// <summary>Checks the expression syntax of a template text at validation time.</summary>
public interface IExpressionSyntaxChecker
{
    /// <summary>Null when the text compiles; otherwise the error and its 1-based line and column inside the text.</summary>
    ExpressionSyntaxError? Check(string template);
}

/// <summary>An expression syntax error inside a template text.</summary>
public sealed record ExpressionSyntaxError(string Message, int Line, int Column);
