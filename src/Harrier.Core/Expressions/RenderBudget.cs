using System.Diagnostics;
using System.Globalization;

namespace Harrier.Core.Expressions;

/// <summary>
/// What one rendering (nested <c>render()</c> calls included) may still spend: loop iterations, text length and time,
/// as set by <see cref="TemplateEngineOptions"/>. Not thread-safe: a rendering runs on one thread.
/// </summary>
internal sealed class RenderBudget
{
    private readonly TemplateEngineOptions _options;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly CancellationToken _cancellation;
    private long _iterations;

    public RenderBudget(TemplateEngineOptions options, CancellationToken cancellation = default)
    {
        _options = options;
        _cancellation = cancellation;
    }

    /// <summary>Counts <paramref name="count"/> loop iterations (or range items) and checks the clock.</summary>
    /// <exception cref="ExpressionException">A limit is exceeded.</exception>
    public void Iterate(long count = 1)
    {
        _iterations += count;
        if (_iterations > _options.MaxLoopIterations)
        {
            throw new ExpressionException(
                $"the rendering went past {Number(_options.MaxLoopIterations)} loop iterations and range items (TemplateEngineOptions.MaxLoopIterations); loop over less data, or raise the limit");
        }

        CheckTime();
    }

    /// <summary>Checks a text about to be produced against the length limit, and the clock.</summary>
    /// <exception cref="ExpressionException">A limit is exceeded.</exception>
    public void CheckLength(long length)
    {
        if (length > _options.MaxOutputLength)
        {
            throw new ExpressionException(
                $"the rendering would produce more than {Number(_options.MaxOutputLength)} characters (TemplateEngineOptions.MaxOutputLength); write large data to a file instead, or raise the limit");
        }

        CheckTime();
    }

    private void CheckTime()
    {
        _cancellation.ThrowIfCancellationRequested();
        if (Stopwatch.GetElapsedTime(_started) > _options.MaxRenderTime)
        {
            throw new ExpressionException(
                $"the rendering took longer than {_options.MaxRenderTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (TemplateEngineOptions.MaxRenderTime); simplify it, or raise the limit");
        }
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
