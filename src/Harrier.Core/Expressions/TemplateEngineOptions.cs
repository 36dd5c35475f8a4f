namespace Harrier.Core.Expressions;

/// <summary>Settings of a <see cref="TemplateEngine"/>.</summary>
public sealed class TemplateEngineOptions
{
    /// <summary>Compiled templates kept by <see cref="TemplateEngine.GetOrCompile"/>; default 4096. When full, the cache is cleared.</summary>
    public int CacheCapacity { get; init; } = 4096;

    /// <summary>How deep <c>render()</c> may recurse before failing; default 20 (guards against self-referencing values).</summary>
    public int MaxRenderDepth { get; init; } = 20;
}
