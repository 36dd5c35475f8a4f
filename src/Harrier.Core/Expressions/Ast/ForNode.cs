using System.Text;

namespace Harrier.Core.Expressions.Ast;

/// <summary>
/// <c>{% for x in items %}…{% else %}…{% endfor %}</c>. Maps iterate as entries with <c>key</c>/<c>value</c>
/// (or bind both with <c>{% for k, v in map %}</c>). The loop variable and <c>loop</c> live in a child scope.
/// </summary>
internal sealed class ForNode(string? keyName, string valueName, Expression source, BlockNode body, BlockNode? otherwise)
    : TemplateNode
{
    public override void Render(RenderState state, StringBuilder output)
    {
        var items = ExpressionValues.Normalize(source.Evaluate(state));
        IReadOnlyList<object?> list;
        IReadOnlyDictionary<string, object?>? map = null;
        if (ValueAccess.TryAsMap(items, out var m))
        {
            map = m;
            list = [.. m.Keys];
        }
        else if (items is null)
        {
            list = [];
        }
        else if (!ValueAccess.TryAsList(items, out list))
        {
            throw source.Fail($"Cannot iterate over {ExpressionValues.TypeName(items)}");
        }

        if (list.Count == 0)
        {
            otherwise?.Render(state, output);
            return;
        }

        var outer = state.Scope;
        var scope = outer.CreateChild();
        var loop = new Dictionary<string, object?>(6, StringComparer.Ordinal);
        scope.Set("loop", loop);
        state.Scope = scope;
        try
        {
            for (var i = 0; i < list.Count; i++)
            {
                Spend(state, output);
                Bind(scope, list[i], map);
                loop["index"] = (long)i;
                loop["revindex"] = (long)(list.Count - i - 1);
                loop["first"] = i == 0;
                loop["last"] = i == list.Count - 1;
                loop["length"] = (long)list.Count;
                body.Render(state, output);
            }
        }
        finally
        {
            state.Scope = outer;
        }
    }

    /// <summary>One iteration of the budget, and the output so far: a loop of text alone never reaches a print's check.</summary>
    private void Spend(RenderState state, StringBuilder output)
    {
        try
        {
            state.Budget.Iterate();
            state.Budget.CheckLength(output.Length);
        }
        catch (ExpressionException ex)
        {
            throw source.Fail(ex.Message, ex);
        }
    }

    private void Bind(TemplateContext scope, object? item, IReadOnlyDictionary<string, object?>? map)
    {
        if (map is null)
        {
            scope.Set(valueName, item);
            return;
        }

        var key = (string)item!;
        var value = ExpressionValues.Normalize(map[key]);
        if (keyName is not null)
        {
            scope.Set(keyName, key);
            scope.Set(valueName, value);
        }
        else
        {
            scope.Set(valueName, new Dictionary<string, object?>(2, StringComparer.Ordinal) { ["key"] = key, ["value"] = value });
        }
    }
}
