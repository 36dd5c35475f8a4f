namespace Harrier.Core.Tests.Engine;

/// <summary>A fake of <see cref="Random"/> whose NextDouble always returns the given value.</summary>
internal sealed class FakeRandom(double value) : Random
{
    public override double NextDouble() => value;
}
