namespace Harrier.Core.Expressions;

/// <summary>Settings of a <see cref="TemplateEngine"/>.</summary>
/// <remarks>
/// Templates come from flows and, through <c>render()</c>, from task outputs: the limits below turn a hostile or
/// runaway one into a clear task failure instead of a stack overflow, an out-of-memory or a rendering that never ends.
/// "A rendering" is one property's template, nested <c>render()</c> calls included.
/// </remarks>
public sealed class TemplateEngineOptions
{
    /// <summary>Compiled templates kept by <see cref="TemplateEngine.GetOrCompile"/>; default 4096. When full, the cache is cleared.</summary>
    public int CacheCapacity { get; init; } = 4096;

    /// <summary>How deep <c>render()</c> may recurse before failing; default 20 (guards against self-referencing values).</summary>
    public int MaxRenderDepth { get; init; } = 20;

    /// <summary>
    /// How deep an expression may nest (brackets, calls, <c>not</c>, signs, chained <c>??</c> or <c>?:</c>), and tags
    /// (<c>{% if %}</c>, <c>{% for %}</c>) inside one another; default 100. Deeper is a syntax error.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 100;

    /// <summary>Longest text a rendering may produce or build (its output, a <c>~</c> concatenation, an indent); default 64 Mi characters.</summary>
    public int MaxOutputLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// <c>{% for %}</c> iterations a rendering may run, counting the items <c>range()</c> and <c>..</c> make; default 1,000,000.
    /// </summary>
    public long MaxLoopIterations { get; init; } = 1_000_000;

    /// <summary>Longest time a rendering may take (checked between loop iterations and prints); default 30 seconds.</summary>
    public TimeSpan MaxRenderTime { get; init; } = TimeSpan.FromSeconds(30);
}
