namespace Harrier.Scripts.Dotnet;

/// <summary>Harrier's C# helper (<c>Helpers/Files/csharp/Harrier.cs</c>), embedded like the other helpers, appended to C# scripts.</summary>
public static class CSharpHelperSource
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(CSharpHelperSource).Assembly.GetManifestResourceStream("helpers/csharp/Harrier.cs")
            ?? throw new InvalidOperationException("The embedded C# helper is missing from Harrier.Scripts.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Text => Source.Value;
}
