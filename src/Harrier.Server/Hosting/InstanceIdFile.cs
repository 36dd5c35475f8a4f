namespace Harrier.Server.Hosting;

/// <summary>The server instance's id (Kestra's <c>uuid</c> in <c>/api/v1/configs</c>), created once per data directory.</summary>
public static class InstanceIdFile
{
    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "instance-id");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        var id = Guid.NewGuid().ToString();
        File.WriteAllText(path, id + "\n");
        return id;
    }
}
