namespace Harrier.Persistence.Sqlite;

/// <summary>Checks up front that the data directory can be created and written, so the user gets one clear sentence.</summary>
internal static class DataDirectoryProbe
{
    public static void EnsureWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".harrier-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DataDirectoryException(
                $"Harrier cannot write to its data directory '{directory}': {exception.Message} " +
                "Choose a writable directory (the data directory setting) or fix its permissions.", exception);
        }
    }
}
