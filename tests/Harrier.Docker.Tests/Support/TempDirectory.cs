namespace Harrier.Docker.Tests.Support;

/// <summary>A fresh working directory under /tmp (which the test image also has), deleted at the end of the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("harrier-docker-test-").FullName;
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
            // A mount still being torn down; the OS temp dir is cleaned anyway.
        }
    }
}
