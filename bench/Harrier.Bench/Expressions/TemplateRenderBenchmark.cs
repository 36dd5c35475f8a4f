using BenchmarkDotNet.Attributes;
using Harrier.Core.Expressions;

namespace Harrier.Bench.Expressions;

/// <summary>Rendering a typical script command line from a template compiled once (the worker's hot path).</summary>
[MemoryDiagnoser]
public class TemplateRenderBenchmark
{
    private const string Source =
        "python {{ workingDir }}/main.py --date {{ inputs.date | date('yyyy-MM-dd') }} --n {{ outputs.prev.vars.n }}";

    private CompiledTemplate _template = null!;
    private TemplateContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _template = new TemplateEngine().Compile(Source);
        _context = new TemplateContext(new Dictionary<string, object?>
        {
            ["workingDir"] = "/tmp/harrier/wd",
            ["inputs"] = new Dictionary<string, object?> { ["date"] = "2024-03-15T10:30:00Z" },
            ["outputs"] = new Dictionary<string, object?>
            {
                ["prev"] = new Dictionary<string, object?> { ["vars"] = new Dictionary<string, object?> { ["n"] = 42L } },
            },
        });
    }

    [Benchmark]
    public string RenderCompiled() => _template.Render(_context);
}
