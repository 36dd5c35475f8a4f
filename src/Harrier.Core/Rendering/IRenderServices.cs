namespace Harrier.Core.Rendering;

/// <summary>What expression functions need from the running execution (files, secrets, error logs).</summary>
public interface IRenderServices
{
    string ReadFile(string uriOrPath);

    string FileUri(string path);

    long FileSize(string uri);

    string? GetSecret(string name);

    IReadOnlyList<object?> ErrorLogs();
}
