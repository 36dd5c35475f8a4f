using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Harrier.Core.Rendering;
using Harrier.Scripts.Ion;

namespace Harrier.Scripts.Storage;

/// <summary>
/// The variables an expression rendered per item sees (FilterItems' <c>filterCondition</c>, DeduplicateItems'
/// <c>expr</c>): the item's fields, over the task's own variables (a field named <c>outputs</c> hides them, as in
/// Kestra). Looked up, never copied: the task's variables compute <c>outputs</c> on first read, and copying them
/// once per item would cost a whole execution's outputs per line.
/// </summary>
internal sealed class ItemVariables(IReadOnlyDictionary<string, object?> item, IReadOnlyDictionary<string, object?> task) : IReadOnlyDictionary<string, object?>
{
    public int Count => item.Count + task.Keys.Count(key => !item.ContainsKey(key));

    public IEnumerable<string> Keys => item.Keys.Concat(task.Keys.Where(key => !item.ContainsKey(key)));

    public IEnumerable<object?> Values => Keys.Select(key => this[key]);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => item.ContainsKey(key) || task.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) =>
        item.TryGetValue(key, out value) || task.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(key => KeyValuePair.Create(key, this[key])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The scope for one line of an ION (or JSON-lines) file: null for a blank line, which is no item. A line that is
    /// not one struct fails, naming the property and the line.
    /// </summary>
    public static RenderScope? ScopeFor(Harrier.Core.Tasks.Running.TaskRunContext context, string line, long number)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        List<object?> values;
        try
        {
            values = [.. IonTextReader.ReadAll(line)];
        }
        catch (FormatException ex)
        {
            throw StorageTaskFiles.Fail(context, "from", $"line {number} is not ION or JSON ({ex.Message}); give a file of one record per line, such as the output of a CsvToIon or log.Fetch task");
        }

        return values is [IReadOnlyDictionary<string, object?> fields]
            ? context.Scope with { Variables = new ItemVariables(fields, context.Scope.Variables) }
            : throw StorageTaskFiles.Fail(context, "from", $"line {number} is not one record ({{field: value, …}}) but '{Shorten(line)}'; give a file of one ION or JSON record per line");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
