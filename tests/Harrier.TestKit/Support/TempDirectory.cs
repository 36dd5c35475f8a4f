namespace Harrier.TestKit.Support;

/// <summary>A fresh directory deleted at the end of the test.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <param name="prefix">Names the folder after its test project; under /tmp, which test images have too.</param>
    public TempDirectory(string prefix = "harrier-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
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
