namespace Harrier.Core.Tasks.Types;

/// <summary>The shape a task property takes in a flow document.</summary>
public enum PropertyKind
{
    /// <summary>A text (numbers and booleans written plainly are accepted and read as text).</summary>
    String,
    Integer,
    Number,
    Boolean,

    /// <summary>An ISO-8601 duration such as <c>PT5S</c> or <c>P1DT2H</c>.</summary>
    Duration,

    /// <summary>One of <see cref="PropertyDescriptor.EnumValues"/>.</summary>
    Enum,

    /// <summary>A list of texts.</summary>
    StringList,

    /// <summary>A text or a list of texts (Log's <c>message</c>).</summary>
    StringOrStringList,

    /// <summary>A map of name to text (<c>env</c>).</summary>
    StringMap,

    /// <summary>A map or a text that renders to a JSON object (<c>inputFiles</c>).</summary>
    MapOrString,

    /// <summary>Any map.</summary>
    Map,

    /// <summary>A map whose fields are declared in <see cref="PropertyDescriptor.Fields"/>.</summary>
    Object,

    /// <summary>A list of tasks (Sequential's <c>tasks</c>, If's <c>then</c>…).</summary>
    TaskList,

    /// <summary>A map of names to task lists (Switch's <c>cases</c>); its children are keyed <c>name.key</c>.</summary>
    TaskListMap,

    /// <summary>A list of <c>{task, dependsOn}</c> items (Dag's <c>tasks</c>); the tasks are its children.</summary>
    DagTaskList,

    /// <summary>A task runner object with a <c>type</c> (<c>taskRunner</c>).</summary>
    TaskRunner,

    /// <summary>Anything: a scalar, a list or a map (Return's <c>format</c>, ForEach's <c>values</c>).</summary>
    Any,
}
