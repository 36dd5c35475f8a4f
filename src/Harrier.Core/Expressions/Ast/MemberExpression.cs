namespace Harrier.Core.Expressions.Ast;

/// <summary>
/// <c>target.name</c> or <c>target[key]</c>. <see cref="Path"/> is the dotted path as written
/// (e.g. <c>outputs.prev.vars.n</c>) so errors name the whole lookup that failed.
/// </summary>
internal sealed class MemberExpression(Expression target, string? name, Expression? key, string path, int line, int column)
    : Expression(line, column)
{
    public string Path { get; } = path;

    public override object? Evaluate(RenderState state)
    {
        var container = target.Evaluate(state);
        if (TryRead(state, container, out var value))
        {
            return value;
        }

        if (container is null)
        {
            throw Fail($"Undefined variable '{Path}': '{ParentPath()}' is null");
        }

        var member = name ?? ExpressionValues.ToText(key!.Evaluate(state));
        throw Fail($"Undefined variable '{Path}'" + Suggestions.Hint(member, ValueAccess.MemberNames(container)));
    }

    public override bool TryEvaluate(RenderState state, out object? value)
    {
        if (target.TryEvaluate(state, out var container) && container is not null)
        {
            return TryRead(state, container, out value);
        }

        value = null;
        return false;
    }

    private bool TryRead(RenderState state, object? container, out object? value)
    {
        if (name is not null)
        {
            return ValueAccess.TryGetMember(container, name, out value);
        }

        var index = key!.Evaluate(state);
        try
        {
            return ValueAccess.TryGetIndex(container, index, out value);
        }
        catch (ExpressionException ex)
        {
            throw Fail(ex.Message, ex);
        }
    }

    private string ParentPath()
    {
        var cut = Path.LastIndexOfAny(['.', '[']);
        return cut > 0 ? Path[..cut] : Path;
    }
}
