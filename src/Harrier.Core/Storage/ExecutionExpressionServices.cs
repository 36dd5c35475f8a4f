using Harrier.Core.Expressions;

namespace Harrier.Core.Storage;

/// <summary>
/// <c>read()</c>, <c>fileURI()</c> and <c>fileSize()</c> for one task run, scoped by <see cref="ExecutionFiles"/>
/// (an execution cannot read another's files); secrets and error logs come from <paramref name="inner"/>.
/// </summary>
public sealed class ExecutionExpressionServices(ExecutionFiles files, IExpressionServices inner) : IExpressionServices
{
    public TimeProvider TimeProvider => inner.TimeProvider;

    public string ReadFile(string uriOrPath) => Guard("read", uriOrPath, () => files.ReadText(uriOrPath));

    /// <summary>The URI of a namespace file of the flow's namespace (Kestra's <c>fileURI('path')</c>).</summary>
    public string FileUri(string path) =>
        Guard("fileURI", path, () => ExecutionFiles.IsUri(path) ? path : StoragePaths.NamespaceFiles(files.Scope.Namespace).Append(path).ToString());

    public long FileSize(string uri) => Guard("fileSize", uri, () => files.Size(uri));

    public string? GetSecret(string name) => inner.GetSecret(name);

    public IReadOnlyList<object?> ErrorLogs() => inner.ErrorLogs();

    public (bool Found, object? Value) GetKeyValue(string ns, string key) => inner.GetKeyValue(ns, key);

    private static T Guard<T>(string function, string argument, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (StoragePathException ex)
        {
            throw new ExpressionException($"{function}('{argument}'): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ExpressionException($"{function}('{argument}'): no such file", ex);
        }
    }
}
