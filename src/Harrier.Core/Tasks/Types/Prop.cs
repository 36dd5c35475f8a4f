namespace Harrier.Core.Tasks.Types;

/// <summary>Short factory for property declarations, so type declarations read like a table.</summary>
public static class Prop
{
    public static PropertyDescriptor String(string name, string description, bool required = false, object? defaultValue = null) =>
        new(name, PropertyKind.String) { Description = description, Required = required, Default = defaultValue };

    public static PropertyDescriptor Integer(string name, string description, object? defaultValue = null) =>
        new(name, PropertyKind.Integer) { Description = description, Default = defaultValue };

    public static PropertyDescriptor Number(string name, string description) =>
        new(name, PropertyKind.Number) { Description = description };

    public static PropertyDescriptor Boolean(string name, string description, bool? defaultValue = null) =>
        new(name, PropertyKind.Boolean) { Description = description, Default = defaultValue };

    public static PropertyDescriptor Duration(string name, string description, string? defaultValue = null) =>
        new(name, PropertyKind.Duration) { Description = description, Default = defaultValue };

    public static PropertyDescriptor Enum(string name, string description, string? defaultValue, params string[] values) =>
        new(name, PropertyKind.Enum) { Description = description, Default = defaultValue, EnumValues = values };

    public static PropertyDescriptor StringList(string name, string description, bool required = false, int minItems = 0) =>
        new(name, PropertyKind.StringList) { Description = description, Required = required, MinItems = minItems };

    public static PropertyDescriptor StringMap(string name, string description) =>
        new(name, PropertyKind.StringMap) { Description = description };

    public static PropertyDescriptor Map(string name, string description) =>
        new(name, PropertyKind.Map) { Description = description };

    public static PropertyDescriptor Any(string name, string description, bool required = false) =>
        new(name, PropertyKind.Any) { Description = description, Required = required };

    public static PropertyDescriptor Object(string name, string description, params PropertyDescriptor[] fields) =>
        new(name, PropertyKind.Object) { Description = description, Fields = fields };

    public static PropertyDescriptor Tasks(string name, string description, bool required = false) =>
        new(name, PropertyKind.TaskList) { Description = description, Required = required, MinItems = required ? 1 : 0, Dynamic = false };

    public static PropertyDescriptor DagTasks(string name, string description) =>
        new(name, PropertyKind.DagTaskList) { Description = description, Required = true, MinItems = 1, Dynamic = false };

    public static PropertyDescriptor TaskLists(string name, string description) =>
        new(name, PropertyKind.TaskListMap) { Description = description, Dynamic = false };
}
