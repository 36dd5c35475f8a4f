using System.Globalization;
using Harrier.Core.Expressions;
using Harrier.Core.Store.KeyValues;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.KeyValues;

/// <summary>
/// <c>io.kestra.plugin.core.kv.Set</c>: stores <c>value</c> under <c>key</c>, typed as <c>kvType</c> or as the value is
/// (text STRING, number NUMBER, boolean BOOLEAN, list or map JSON); <c>overwrite: false</c> fails on an existing key.
/// </summary>
public sealed class KvSetTask(IKeyValueStore store) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var ns = KeyValueTasks.NamespaceOf(context);
        var key = properties.RequiredString("key");
        var value = properties.Value("value");
        if (!properties.Bool("overwrite", true) && await store.GetAsync(ns, key, cancellationToken).ConfigureAwait(false) is { } existing
            && !existing.IsExpiredAt(context.Time.GetUtcNow()))
        {
            throw new TaskFailedException($"{context.Task.Path}: key '{key}' already exists in namespace {ns} and overwrite is false");
        }

        var (type, typed) = Typed(properties.String("kvType"), value, context.Task.Path);
        await store.PutAsync(new KeyValuePut(ns, key, type, typed) { Ttl = properties.Duration("ttl") }, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success();
    }

    private static (string Type, object? Value) Typed(string? kvType, object? value, string path)
    {
        if (kvType is null)
        {
            return (value switch
            {
                string => "STRING",
                long or int or double => "NUMBER",
                bool => "BOOLEAN",
                DateTimeOffset => "DATETIME",
                _ => "JSON",
            }, value is DateTimeOffset date ? date.ToString("O", CultureInfo.InvariantCulture) : value);
        }

        return kvType switch
        {
            "STRING" => (kvType, ValueText.ToText(value)),
            "NUMBER" when value is long or double => (kvType, value),
            "NUMBER" when double.TryParse(ValueText.ToText(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
                (kvType, number == Math.Floor(number) && Math.Abs(number) < 9e15 ? (long)number : number),
            "BOOLEAN" when value is bool => (kvType, value),
            "BOOLEAN" when bool.TryParse(ValueText.ToText(value), out var flag) => (kvType, flag),
            "DATETIME" or "DATE" or "DURATION" or "JSON" => (kvType, value is string or null || kvType == "JSON" ? value : ValueText.ToText(value)),
            _ => throw new TaskFailedException($"{path}.value: {ValueText.ToText(value)} cannot be stored as {kvType}"),
        };
    }
}
