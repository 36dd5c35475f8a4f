using System.Text.RegularExpressions;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Types;
using Harrier.Core.Time;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>Reads task lists into <see cref="TaskDefinition"/>s, applying plugin defaults and validating each task.</summary>
internal sealed partial class TaskReader(LoadContext context)
{
    public const int MaxIdLength = 256;

    private readonly PropertyValidator _properties = new(context);

    public IReadOnlyList<TaskDefinition> ReadList(YNode? node, string path, TaskListRules rules, bool required)
    {
        if (node is null)
        {
            // An absent required list is reported once, with the parent's position, by the property validator.
            return [];
        }

        if (node is YScalar { IsNull: true })
        {
            if (required)
            {
                context.Error(node, path, "must not be empty: give at least one task");
            }

            return [];
        }

        if (node is not YSequence sequence)
        {
            context.Error(node, path, $"must be a list of tasks (each item starting with '- id:'), found {node.KindName}");
            return [];
        }

        if (required && sequence.Items.Count == 0)
        {
            context.Error(node, path, $"The '{LastSegment(path)}' property cannot be empty: give at least one task");
        }

        var tasks = new List<TaskDefinition>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (Read(sequence.Items[i], $"{path}[{i}]", rules) is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    private TaskDefinition? Read(YNode item, string path, TaskListRules rules)
    {
        if (item is not YMapping raw)
        {
            context.Error(item, path, $"a task must be a map with at least 'id' and 'type', found {item.KindName}");
            return null;
        }

        var typeNode = raw["type"] as YScalar;
        var descriptor = typeNode is { IsNull: false } ? context.Registry.Resolve(typeNode.Value) : null;

        // A task whose type resolves to a task is validated property by property below, which reports a
        // missing or null id; otherwise the id is checked here so that no error goes unreported.
        var id = ReadId(raw, path, reportMissing: descriptor?.Kind is not (TaskKind.Runnable or TaskKind.Flowable));
        if (typeNode is null || typeNode.IsNull)
        {
            context.Error(raw, PropertyValidator.Join(path, "type"), "must not be null: every task needs a 'type', e.g. io.kestra.plugin.scripts.shell.Commands");
            return null;
        }

        if (descriptor is null)
        {
            context.Error(typeNode, PropertyValidator.Join(path, "type"), context.Registry.ExplainUnknown(typeNode.Value, TaskKind.Runnable));
            return null;
        }

        if (descriptor.Kind is TaskKind.TaskRunner or TaskKind.Trigger)
        {
            var where = descriptor.Kind == TaskKind.TaskRunner ? "put it under a script task's 'taskRunner'" : "put it under 'triggers'";
            context.Error(typeNode, PropertyValidator.Join(path, "type"), $"'{typeNode.Value}' is a {(descriptor.Kind == TaskKind.TaskRunner ? "task runner" : "trigger")}, not a task; {where}");
            return null;
        }

        if (rules.RunnableOnly && descriptor.Kind != TaskKind.Runnable)
        {
            context.Error(typeNode, PropertyValidator.Join(path, "type"), "Only runnable tasks are allowed as children of a WorkingDirectory task");
        }

        var node = ApplyPluginDefaults(raw, typeNode.Value, descriptor.Type);
        if (rules.NoWorkerGroup && node.Find("workerGroup") is { } workerGroup)
        {
            context.Error(workerGroup.Key, PropertyValidator.Join(path, "workerGroup"), "Cannot set a Worker Group in any WorkingDirectory sub-tasks, it is only supported at the WorkingDirectory level");
        }

        IReadOnlyList<PropertyDescriptor> properties = [.. CommonTaskProperties.All, .. descriptor.Properties];
        _properties.ValidateObject(node, properties, path, handledElsewhere: name => descriptor.FindProperty(name)?.Kind is PropertyKind.TaskList or PropertyKind.TaskListMap or PropertyKind.DagTaskList);
        ValidateRetry(node["retry"], PropertyValidator.Join(path, "retry"));
        var children = ReadChildren(node, descriptor, path);
        if (descriptor.Type is LegacyEachTasks.EachSequential or LegacyEachTasks.EachParallel)
        {
            (node, descriptor) = (LegacyEachTasks.AsForEach(node, descriptor.Type), context.Registry.Resolve(CoreTaskTypes.ForEach)!);
        }

        var flowable = descriptor.Kind == TaskKind.Flowable
            ? Engine.Flowables.FlowableCatalog.For(descriptor.Type).Read(new Engine.Flowables.FlowableSource(node, path, children, context))
            : null;
        return id is null ? null : Build(id, descriptor, node, path, children) with { Flowable = flowable };
    }

    private Dictionary<string, IReadOnlyList<TaskDefinition>> ReadChildren(YMapping node, TaskTypeDescriptor descriptor, string path)
    {
        var children = new Dictionary<string, IReadOnlyList<TaskDefinition>>(StringComparer.Ordinal);
        foreach (var property in descriptor.Properties.Where(p => p.Kind == PropertyKind.TaskList))
        {
            var rules = descriptor.Type == CoreTaskTypes.WorkingDirectory && property.Name == "tasks"
                ? TaskListRules.WorkingDirectoryChildren
                : TaskListRules.None;
            var list = ReadList(node[property.Name], PropertyValidator.Join(path, property.Name), rules, property.Required);
            if (list.Count > 0)
            {
                children[property.Name] = list;
            }
        }

        foreach (var property in descriptor.Properties.Where(p => p.Kind == PropertyKind.TaskListMap))
        {
            ReadListMap(node[property.Name], property.Name, path, children);
        }

        foreach (var property in descriptor.Properties.Where(p => p.Kind == PropertyKind.DagTaskList))
        {
            children[property.Name] = ReadDagList(node[property.Name], PropertyValidator.Join(path, property.Name));
        }

        return children;
    }

    /// <summary>A map of task lists (Switch's <c>cases</c>): each list is read as a child list keyed <c>name.key</c>.</summary>
    private void ReadListMap(YNode? node, string name, string path, Dictionary<string, IReadOnlyList<TaskDefinition>> children)
    {
        var mapPath = PropertyValidator.Join(path, name);
        switch (node)
        {
            case null or YScalar { IsNull: true }:
                return;
            case YMapping map:
                foreach (var entry in map.Entries)
                {
                    var list = ReadList(entry.Value, PropertyValidator.Join(mapPath, entry.Key.Value), TaskListRules.None, required: true);
                    children[$"{name}.{entry.Key.Value}"] = list;
                }

                return;
            default:
                context.Error(node, mapPath, $"must be a map whose keys are the values to match, each holding a list of tasks (FIRST: then '- id: …' below it), found {node.KindName}");
                return;
        }
    }

    /// <summary>
    /// Dag's <c>tasks</c>: each item a map of <c>task</c> (read as a child task) and <c>dependsOn</c> (ids, checked by
    /// the Dag's own reader against the list once every task is known).
    /// </summary>
    private List<TaskDefinition> ReadDagList(YNode? node, string path)
    {
        var tasks = new List<TaskDefinition>();
        if (node is null or YScalar { IsNull: true })
        {
            // Absent or null: the property validator reports the required property once.
            return tasks;
        }

        if (node is not YSequence sequence || sequence.Items.Count == 0)
        {
            context.Error(node, path, $"must be a non-empty list of items '- task: {{id: …, type: …}}' with an optional 'dependsOn: [ids]', found {node.KindName}");
            return tasks;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (sequence.Items[i] is not YMapping item)
            {
                context.Error(sequence.Items[i], itemPath, $"must be a map with 'task' and an optional 'dependsOn', found {sequence.Items[i].KindName}");
                continue;
            }

            foreach (var entry in item.Entries.Where(e => e.Key.Value is not ("task" or "dependsOn")))
            {
                context.Error(entry.Key, PropertyValidator.Join(itemPath, entry.Key.Value), $"unknown property '{entry.Key.Value}': a Dag item has only 'task' and 'dependsOn'");
            }

            if (item["task"] is not { } taskNode)
            {
                context.Error(item, PropertyValidator.Join(itemPath, "task"), "must not be null: each Dag item needs a 'task'");
            }
            else if (Read(taskNode, PropertyValidator.Join(itemPath, "task"), TaskListRules.None) is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    /// <summary>Per-type required fields of a retry and a sane attempt count (shared with the flow-level retry).</summary>
    public void ValidateRetry(YNode? node, string path)
    {
        if (node is not YMapping map)
        {
            return;
        }

        foreach (var field in RetryReader.MissingFields(map))
        {
            context.Error(map, PropertyValidator.Join(path, field), $"must not be null: {Article(((YScalar)map["type"]!).Value)} retry needs '{field}'");
        }

        if ((map["maxAttempts"] ?? map["maxAttempt"]) is YScalar attempts && attempts.ToPlain() is long count && count < 1)
        {
            context.Error(attempts, PropertyValidator.Join(path, "maxAttempts"), "must be at least 1 (it counts every attempt, the first included)");
        }
    }

    private string? ReadId(YMapping raw, string path, bool reportMissing)
    {
        var idPath = PropertyValidator.Join(path, "id");
        if (raw["id"] is not YScalar { IsNull: false } idNode)
        {
            if (reportMissing)
            {
                context.Error(raw["id"] ?? raw, idPath, "must not be null: every task needs an 'id', unique in the flow");
            }

            return null;
        }

        var id = idNode.Value;
        if (!IdPattern().IsMatch(id) || id.Length > MaxIdLength)
        {
            context.Error(idNode, idPath, $"'{Validation.Diagnostics.Shorten(id)}' is not a valid task id: use letters, digits, '-' and '_' (starting with a letter or digit), at most {MaxIdLength} characters");
            return null;
        }

        if (!context.TaskIds.TryAdd(id, idNode.Position))
        {
            context.Error(idNode, idPath, $"duplicate task id '{id}' (first used at line {context.TaskIds[id].Line}); task ids are unique across the whole flow");
        }

        return id;
    }

    private YMapping ApplyPluginDefaults(YMapping node, string writtenType, string canonicalType)
    {
        foreach (var pluginDefault in context.PluginDefaults)
        {
            if (pluginDefault.AppliesTo(writtenType, canonicalType))
            {
                node = NodeMerger.Merge(node, pluginDefault.Values, pluginDefault.Forced);
            }
        }

        return node;
    }

    private static TaskDefinition Build(string id, TaskTypeDescriptor descriptor, YMapping node, string path, Dictionary<string, IReadOnlyList<TaskDefinition>> children)
    {
        var timeoutText = Text(node, "timeout");
        TimeSpan? timeout = timeoutText is not null && IsoDuration.TryParse(timeoutText, out var parsed) ? parsed : null;
        var logLevel = TaskLogLevels.TryParse(Text(node, "logLevel"), out var level) ? level : (TaskLogLevel?)null;
        return new TaskDefinition
        {
            Id = id,
            Type = descriptor.Type,
            Descriptor = descriptor,
            Node = node,
            Path = path,
            Description = Text(node, "description"),
            TimeoutText = timeoutText,
            Timeout = timeout,
            Retry = RetryReader.Read(node["retry"]),
            Disabled = Flag(node, "disabled"),
            AllowFailure = Flag(node, "allowFailure"),
            AllowWarning = Flag(node, "allowWarning"),
            RunIf = Text(node, "runIf"),
            LogLevel = Text(node, "logLevel") is null ? null : logLevel,
            WorkerGroup = node["workerGroup"] is YMapping group ? Text(group, "key") : null,
            WorkerGroupFallback = node["workerGroup"] is YMapping withFallback ? Fallback(Text(withFallback, "fallback")) : WorkerGroupFallback.Wait,
            Children = children,
        };
    }

    private static string? Text(YMapping node, string key) => node[key] is YScalar { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>An unknown value was already reported by the property's validation (WAIT stands in for it).</summary>
    private static WorkerGroupFallback Fallback(string? text) => text?.ToUpperInvariant() switch
    {
        "FAIL" => WorkerGroupFallback.Fail,
        "CANCEL" => WorkerGroupFallback.Cancel,
        _ => WorkerGroupFallback.Wait,
    };

    private static bool Flag(YMapping node, string key) => node[key] is YScalar scalar && scalar.ToPlain() is true;

    private static string LastSegment(string path) => path[(path.LastIndexOf('.') + 1)..];

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial Regex IdPattern();

    private static string Article(string word) => (word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an " : "a ") + word;
}
