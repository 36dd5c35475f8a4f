using Harrier.Core.Expressions.Ast;
using Harrier.Core.Expressions.Filters;

namespace Harrier.Core.Expressions.Functions;

/// <summary>Functions that reach the render context or the outside world through <see cref="IExpressionServices"/>.</summary>
internal static class ContextFunctions
{
    public static void Register(Dictionary<string, Callable> into)
    {
        into.Add("now", ["timeZone"], 0, (_, args, state) => DateFilters.InZone(state.Services.TimeProvider.GetUtcNow(), args.TextOrNull(0)));
        into.Add("secret", ["key"], 1, (_, args, state) => Secret(args.Text(0, string.Empty), state));
        into.Add("read", ["path"], 1, (_, args, state) => state.Services.ReadFile(args.Text(0, string.Empty)));
        into.Add("fileURI", ["path"], 1, (_, args, state) => state.Services.FileUri(args.Text(0, string.Empty)));
        into.Add("fileSize", ["path"], 1, (_, args, state) => state.Services.FileSize(args.Text(0, string.Empty)));
        into.Add("errorLogs", [], 0, (_, _, state) => state.Services.ErrorLogs());
        into.Add("currentEachOutput", ["outputs"], 1, (_, args, state) => CurrentEachOutput(args[0], state));
        into.Add("kv", ["key", "namespace", "errorOnMissing"], 1, (_, args, state) => KeyValue(args.Text(0, string.Empty), args.TextOrNull(1), args.Bool(2, true), state));
        into.Add("render", ["expression", "recursive"], 1, (_, args, state) => Render(args[0], args.Bool(1, true), state));
        into.Add("renderOnce", ["expression"], 1, (_, args, state) => Render(args[0], false, state));
    }

    /// <summary>Kestra's <c>kv(key, namespace = flow.namespace, errorOnMissing = true)</c>: the pair's typed value.</summary>
    private static object? KeyValue(string key, string? ns, bool errorOnMissing, RenderState state)
    {
        ns ??= (state.Scope.TryGetVariable("flow", out var flow) && ValueAccess.TryGetMember(flow, "namespace", out var flowNamespace) ? flowNamespace as string : null)
            ?? throw new ExpressionException($"kv('{key}') has no flow namespace here; give it: kv('{key}', 'company.team')");
        var (found, value) = state.Services.GetKeyValue(ns, key);
        return found || !errorOnMissing ? value : throw new ExpressionException($"kv(): there is no key '{key}' in namespace {ns} (kv('{key}', errorOnMissing=false) gives null instead)");
    }

    /// <summary>
    /// Kestra's <c>currentEachOutput(outputs.task)</c>: a task's outputs in the ForEach iteration being rendered — its
    /// outputs are keyed by the value of each enclosing iteration, walked here from the outermost parent to this task
    /// run's own value. A level is entered only where the map holds the value (a Sequential inside an iteration carries
    /// the iteration's value too).
    /// </summary>
    private static object? CurrentEachOutput(object? outputs, RenderState state)
    {
        if (!ValueAccess.TryAsMap(outputs, out _))
        {
            throw new ExpressionException("currentEachOutput() takes a task's outputs, e.g. currentEachOutput(outputs.my_task)");
        }

        var values = new List<object?>();
        if (state.Scope.TryGetVariable("parents", out var parents) && ValueAccess.TryAsList(parents, out var list))
        {
            foreach (var parent in list)
            {
                values.Add(ValueAccess.TryGetMember(parent, "taskrun", out var taskrun) && ValueAccess.TryGetMember(taskrun, "value", out var value) ? value : null);
            }

            values.Reverse();
        }

        if (state.Scope.TryGetVariable("taskrun", out var current) && ValueAccess.TryGetMember(current, "value", out var own))
        {
            values.Add(own);
        }

        var level = outputs!;
        foreach (var value in values)
        {
            if (value is string key && ValueAccess.TryGetMember(level, key, out var next) && ValueAccess.TryAsMap(next, out _))
            {
                level = next;
            }
        }

        return level;
    }

    private static string Secret(string name, RenderState state) =>
        state.Services.GetSecret(name) ?? throw new ExpressionException($"Secret '{name}' not found");

    /// <summary>
    /// Renders text as a template in the current scope; recursive rendering repeats while the result still holds
    /// expressions (Kestra's render). Non-text values pass through, so render(outputs.x) is safe on numbers.
    /// </summary>
    private static object? Render(object? value, bool recursive, RenderState state)
    {
        if (value is not string text)
        {
            return value;
        }

        var depth = state.Depth;
        do
        {
            if (++depth > state.Engine.Options.MaxRenderDepth)
            {
                throw new ExpressionException($"render() went deeper than {state.Engine.Options.MaxRenderDepth} levels; does a value render itself?");
            }

            if (!TemplateEngine.ContainsExpression(text))
            {
                return text;
            }

            text = state.Engine.GetOrCompile(text).Render(state.Scope, depth, state.Budget);
        }
        while (recursive);

        return text;
    }
}
