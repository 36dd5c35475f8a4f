namespace Harrier.Cli.Tests.Security;

/// <summary>A folder like /tmp (mode 1777: anyone may create in it) to give harrier as TMPDIR; deleted on dispose.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class SharedTemp : IDisposable
{
    public SharedTemp()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"harrier-shared-tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        File.SetUnixFileMode(Path, UnixFileMode.StickyBit | (UnixFileMode)0b111_111_111);
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["TMPDIR"] = Path + "/" };

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived the test may still hold a file; the OS temp cleaner takes it later.
        }
    }
}
