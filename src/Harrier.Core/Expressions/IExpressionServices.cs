namespace Harrier.Core.Expressions;

/// <summary>
/// What expressions need from the outside world (storage, secrets, time). The engine passes an
/// execution-bound implementation; <see cref="EnvironmentExpressionServices"/> serves standalone rendering.
/// </summary>
public interface IExpressionServices
{
    TimeProvider TimeProvider { get; }

    /// <summary>Content of an internal-storage URI or a namespace file path, as text.</summary>
    string ReadFile(string uriOrPath);

    /// <summary>The internal-storage URI of a file in the current working context.</summary>
    string FileUri(string path);

    long FileSize(string uri);

    /// <summary>The secret's value, or null when no such secret exists.</summary>
    string? GetSecret(string name);

    /// <summary>The error logs of the current execution (for <c>errors</c> branches).</summary>
    IReadOnlyList<object?> ErrorLogs();

    /// <summary>
    /// The typed value of a KV pair (<c>kv('key')</c>); Found is false when the key does not exist or has expired. Without
    /// a KV store (rendering outside an execution) there is nothing to read.
    /// </summary>
    (bool Found, object? Value) GetKeyValue(string ns, string key) =>
        throw new ExpressionException("kv() needs the KV store of an execution, which this rendering has not");
}
