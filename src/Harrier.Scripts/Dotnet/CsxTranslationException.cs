namespace Harrier.Scripts.Dotnet;

/// <summary>A C# script uses something Harrier cannot carry over to a file-based app; <see cref="Line"/> is the script's line.</summary>
public sealed class CsxTranslationException(int line, string reason) : Exception($"script line {line}: {reason}")
{
    public int Line { get; } = line;
}
