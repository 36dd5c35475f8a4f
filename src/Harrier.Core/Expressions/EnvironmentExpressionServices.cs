using System.Text;

namespace Harrier.Core.Expressions;

/// <summary>
/// Services for rendering outside an execution: secrets come from <c>SECRET_NAME</c> environment variables
/// holding base64 (Kestra OSS behaviour); storage functions fail because there is no execution to read from.
/// </summary>
public sealed class EnvironmentExpressionServices : IExpressionServices
{
    public static EnvironmentExpressionServices Instance { get; } = new(TimeProvider.System);

    public EnvironmentExpressionServices(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>The KV store <c>kv()</c> reads (the engine's); null outside an engine.</summary>
    public Store.KeyValues.IKeyValueStore? KeyValues { get; init; }

    /// <summary>
    /// Reads the pair synchronously: expressions are evaluated synchronously, and a KV read is one indexed row of the
    /// local database.
    /// </summary>
    public (bool Found, object? Value) GetKeyValue(string ns, string key)
    {
        var store = KeyValues ?? throw new ExpressionException("kv() needs the KV store of an execution, which this rendering has not");
        var entry = store.GetAsync(ns, key, CancellationToken.None).GetAwaiter().GetResult();
        return entry is null || entry.IsExpiredAt(TimeProvider.GetUtcNow()) ? (false, null) : (true, entry.Value);
    }

    public string ReadFile(string uriOrPath) => throw NeedsExecution("read");

    public string FileUri(string path) => throw NeedsExecution("fileURI");

    public long FileSize(string uri) => throw NeedsExecution("fileSize");

    /// <summary>Reads the current execution's ERROR lines for <c>errorLogs()</c>; null outside an execution (then none).</summary>
    public Func<IReadOnlyList<object?>>? ErrorLogSource { get; init; }

    public IReadOnlyList<object?> ErrorLogs() => ErrorLogSource?.Invoke() ?? [];

    /// <summary>
    /// <c>SECRET_NAME</c> as written, else with the name upper-cased as Kestra looks it up: <c>secret('my_secret')</c>
    /// finds <c>SECRET_MY_SECRET</c>.
    /// </summary>
    public string? GetSecret(string name)
    {
        var variable = "SECRET_" + name;
        var encoded = Environment.GetEnvironmentVariable(variable);
        if (encoded is null)
        {
            variable = "SECRET_" + name.ToUpperInvariant();
            encoded = Environment.GetEnvironmentVariable(variable);
        }

        if (encoded is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
        }
        catch (FormatException ex)
        {
            throw new ExpressionException($"Secret '{name}' is not valid base64 in environment variable {variable}", ex);
        }
    }

    private static ExpressionException NeedsExecution(string function) =>
        new($"{function}() needs an execution context");
}
