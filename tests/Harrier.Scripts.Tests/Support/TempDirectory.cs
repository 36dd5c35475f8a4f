namespace Harrier.Scripts.Tests.Support;

/// <summary>A fresh directory deleted at the end of the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("harrier-scripts-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived the test may still hold a file; the OS temp dir is cleaned anyway.
        }
    }
}
