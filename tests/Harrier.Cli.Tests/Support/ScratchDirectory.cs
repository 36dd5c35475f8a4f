namespace Harrier.Cli.Tests.Support;

/// <summary>A fresh directory deleted at the end of the test or fixture.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string prefix = "harrier-cli-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

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
        catch (UnauthorizedAccessException)
        {
            // git makes pack files read-only; the OS temp dir is cleaned anyway.
        }
    }
}
