using Harrier.Core.Expressions;
using Harrier.Core.Logs;

namespace Harrier.Core.Engine.Workers;

/// <summary>Expression services that remember every secret handed out, so the task's logs can mask it.</summary>
internal sealed class SecretRecordingServices(IExpressionServices inner, SecretMasker masker) : IExpressionServices
{
    public TimeProvider TimeProvider => inner.TimeProvider;

    public string ReadFile(string uriOrPath) => inner.ReadFile(uriOrPath);

    public string FileUri(string path) => inner.FileUri(path);

    public long FileSize(string uri) => inner.FileSize(uri);

    public string? GetSecret(string name)
    {
        var secret = inner.GetSecret(name);
        masker.Add(secret);
        return secret;
    }

    public IReadOnlyList<object?> ErrorLogs() => inner.ErrorLogs();

    public (bool Found, object? Value) GetKeyValue(string ns, string key) => inner.GetKeyValue(ns, key);
}
