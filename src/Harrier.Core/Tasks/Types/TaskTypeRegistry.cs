using Harrier.Core.Text;

namespace Harrier.Core.Tasks.Types;

/// <summary>
/// Resolves the type names written in flows — Kestra's full names, legacy aliases and short names — to
/// one declaration. Short names are the tails of the full name (<c>scripts.python.Script</c>,
/// <c>python.Script</c>, <c>Log</c>); a tail shared by two types is ambiguous and not registered.
/// </summary>
public sealed class TaskTypeRegistry
{
    private const string PluginPrefix = "io.kestra.plugin.";

    private readonly Dictionary<string, TaskTypeDescriptor> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _ambiguous = new(StringComparer.Ordinal);

    private TaskTypeRegistry(IReadOnlyList<TaskTypeDescriptor> types)
    {
        All = types;
        foreach (var type in types)
        {
            AddExact(type.Type, type);
            foreach (var alias in type.Aliases)
            {
                AddExact(alias, type);
            }
        }

        var shortNames = new Dictionary<string, List<TaskTypeDescriptor>>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            foreach (var tail in ShortNames(type.Type))
            {
                if (!shortNames.TryGetValue(tail, out var list))
                {
                    shortNames[tail] = list = [];
                }

                list.Add(type);
            }
        }

        foreach (var (tail, owners) in shortNames)
        {
            if (_byName.ContainsKey(tail))
            {
                continue;
            }

            if (owners.Count == 1)
            {
                _byName[tail] = owners[0];
            }
            else
            {
                _ambiguous[tail] = [.. owners.Select(o => o.Type)];
            }
        }
    }

    public IReadOnlyList<TaskTypeDescriptor> All { get; }

    public static TaskTypeRegistry Create(params IEnumerable<TaskTypeDescriptor>[] groups) =>
        new([.. groups.SelectMany(g => g)]);

    public TaskTypeDescriptor? Resolve(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Why <paramref name="name"/> does not resolve, in a sentence with a suggestion.</summary>
    public string ExplainUnknown(string name, TaskKind? expectedKind = null)
    {
        if (_ambiguous.TryGetValue(name, out var owners))
        {
            return $"type '{name}' is ambiguous: it could be {string.Join(" or ", owners.Select(o => $"'{o}'"))}; write the full type name";
        }

        // Every registered name (full, legacy and short) is a candidate, so a typo in a short name such as
        // 'python.Scirpt' is answered with the short name the author meant.
        var candidates = _byName.Where(n => expectedKind is null || n.Value.Kind == expectedKind || (expectedKind == TaskKind.Runnable && n.Value.Kind == TaskKind.Flowable))
            .Select(n => n.Key);
        return string.IsNullOrWhiteSpace(name)
            ? "the type is empty; give a task type such as io.kestra.plugin.scripts.shell.Commands"
            : $"unknown type '{name}'{Suggestions.DidYouMean(name, candidates)}";
    }

    private void AddExact(string name, TaskTypeDescriptor type)
    {
        if (!_byName.TryAdd(name, type))
        {
            throw new InvalidOperationException($"Task type name '{name}' is declared twice ({_byName[name].Type} and {type.Type}).");
        }
    }

    private static IEnumerable<string> ShortNames(string type)
    {
        if (!type.StartsWith(PluginPrefix, StringComparison.Ordinal))
        {
            yield break;
        }

        var rest = type[PluginPrefix.Length..];
        while (true)
        {
            yield return rest;
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                yield break;
            }

            rest = rest[(dot + 1)..];
        }
    }
}
