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
        if (string.IsNullOrWhiteSpace(name))
        {
            return "the type is empty; give a task type such as io.kestra.plugin.scripts.shell.Commands";
        }

        return name.StartsWith("io.kestra.", StringComparison.Ordinal) ? ExplainKestraType(name, candidates) : $"unknown type '{name}'{Suggestions.DidYouMean(name, candidates)}";
    }

    /// <summary>
    /// A Kestra type name: a typo of a type of the same package gets its suggestion (<c>log.Lgo</c> → <c>log.Log</c>);
    /// anything else is a Kestra type Harrier does not run, said as such rather than matched to an unrelated neighbour
    /// (<c>flow.Switch</c> is not a misspelt <c>flow.Sleep</c>).
    /// </summary>
    private static string ExplainKestraType(string name, IEnumerable<string> candidates)
    {
        var dot = name.LastIndexOf('.');
        var package = name[..(dot + 1)];
        var siblings = candidates.Where(c => c.Length > package.Length && c.StartsWith(package, StringComparison.Ordinal) && c.LastIndexOf('.') == dot).ToList();
        return Suggestions.Closest(name[(dot + 1)..], siblings.Select(c => c[(dot + 1)..])) is { } match
            ? $"unknown type '{name}'; did you mean '{package}{match}'?"
            : $"Kestra's '{name}' is not implemented by Harrier; the README lists the types it runs";
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
