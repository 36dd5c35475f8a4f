using System.Collections.Concurrent;
using Harrier.Core.Expressions.Parsing;

namespace Harrier.Core.Expressions;

/// <summary>
/// Compiles Pebble-compatible templates (strict: undefined variables are errors) and caches them by source.
/// Thread-safe; one instance is meant to be shared.
/// </summary>
public sealed class TemplateEngine
{
    private readonly ConcurrentDictionary<string, CompiledTemplate> _cache = new(StringComparer.Ordinal);

    public TemplateEngine(TemplateEngineOptions? options = null)
    {
        Options = options ?? new TemplateEngineOptions();
    }

    public TemplateEngineOptions Options { get; }

    /// <summary>True when the text contains <c>{{</c> or <c>{%</c> (a comment alone does not count).</summary>
    public static bool ContainsExpression(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = text.IndexOf('{', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('{', i + 1))
        {
            if (text[i + 1] is '{' or '%')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses the template once; rendering never parses again.</summary>
    /// <exception cref="TemplateSyntaxException">The template is malformed or names an unknown filter, function or test.</exception>
    public CompiledTemplate Compile(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new TemplateParser(source, Options.MaxNestingDepth);
        var root = parser.ParseTemplate();
        return new CompiledTemplate(this, source, root);
    }

    /// <summary>Compiles, or returns the template compiled earlier from the same source.</summary>
    public CompiledTemplate GetOrCompile(string source)
    {
        if (_cache.TryGetValue(source, out var cached))
        {
            return cached;
        }

        var compiled = Compile(source);
        if (_cache.Count >= Options.CacheCapacity)
        {
            // A crude bound: flows reuse a small set of templates, so a full cache means churn worth resetting.
            _cache.Clear();
        }

        return _cache.GetOrAdd(source, compiled);
    }

    /// <summary>Compiles (cached) and renders in one call.</summary>
    public string Render(string source, TemplateContext context) => GetOrCompile(source).Render(context);

    /// <summary>Compiles (cached) and evaluates in one call.</summary>
    public object? Evaluate(string source, TemplateContext context) => GetOrCompile(source).Evaluate(context);
}
