namespace Harrier.Core.Tasks.Types;

/// <summary>Declarations of the core tasks, flowables, the Process runner and the basic triggers.</summary>
public static class CoreTaskTypes
{
    public const string Log = "io.kestra.plugin.core.log.Log";
    public const string Return = "io.kestra.plugin.core.debug.Return";
    public const string Echo = "io.kestra.plugin.core.debug.Echo";
    public const string OutputValues = "io.kestra.plugin.core.output.OutputValues";
    public const string Fail = "io.kestra.plugin.core.execution.Fail";
    public const string Assert = "io.kestra.plugin.core.execution.Assert";
    public const string Sleep = "io.kestra.plugin.core.flow.Sleep";
    public const string Sequential = "io.kestra.plugin.core.flow.Sequential";
    public const string Parallel = "io.kestra.plugin.core.flow.Parallel";
    public const string If = "io.kestra.plugin.core.flow.If";
    public const string ForEach = "io.kestra.plugin.core.flow.ForEach";
    public const string WorkingDirectory = "io.kestra.plugin.core.flow.WorkingDirectory";
    public const string Switch = "io.kestra.plugin.core.flow.Switch";
    public const string Dag = "io.kestra.plugin.core.flow.Dag";
    public const string WaitFor = "io.kestra.plugin.core.flow.WaitFor";
    public const string Pause = "io.kestra.plugin.core.flow.Pause";
    public const string AllowFailure = "io.kestra.plugin.core.flow.AllowFailure";
    public const string Subflow = "io.kestra.plugin.core.flow.Subflow";
    public const string ForEachItem = Engine.Flowables.ForEachItem.ForEachItemType.Type;
    public const string ProcessRunner = "io.kestra.plugin.core.runner.Process";

    private static PropertyDescriptor Errors => Prop.Tasks("errors", "Tasks run when a child fails.");

    private static PropertyDescriptor Finally => Prop.Tasks("finally", "Tasks always run after the children.");

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        new(Log, TaskKind.Runnable,
        [
            new PropertyDescriptor("message", PropertyKind.StringOrStringList) { Required = true, Description = "Text (or list of texts) to log." },
            Prop.Enum("level", "Level of the log line.", "INFO", "TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
        ]) { Aliases = ["io.kestra.core.tasks.log.Log"], Description = "Write a message to the task's logs." },
        new(Return, TaskKind.Runnable, [Prop.Any("format", "Value to render and return as output `value`.")])
        { Aliases = ["io.kestra.core.tasks.debugs.Return"], Description = "Render a value and return it as output `value`." },
        new(Echo, TaskKind.Runnable,
        [
            Prop.String("format", "Text to render and log.", required: true),
            Prop.Enum("level", "Level of the log line.", "INFO", "TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
        ]) { Aliases = ["io.kestra.core.tasks.debugs.Echo"], Description = "Render a text and log it (deprecated in Kestra for Log)." },
        new(OutputValues, TaskKind.Runnable, [Prop.Map("values", "Values to render and return as outputs `values.<key>`.")])
        { Aliases = ["io.kestra.core.tasks.outputs.OutputValues"], Description = "Render values and return them as output `values`." },
        new(Fail, TaskKind.Runnable,
        [
            Prop.String("condition", "Fail only when this renders truthy."),
            Prop.String("errorMessage", "Message of the failure.", defaultValue: "Task failure"),
        ]) { Aliases = ["io.kestra.core.tasks.executions.Fail"], Description = "Fail the execution on purpose." },
        new(Assert, TaskKind.Runnable,
        [
            Prop.StringList("conditions", "Expressions that must all render truthy.", required: true, minItems: 1),
            Prop.String("errorMessage", "Text added to the failure."),
        ]) { Description = "Fail when any condition renders falsy ('', 0, false, null)." },
        new(Sleep, TaskKind.Runnable, [Prop.Duration("duration", "How long to wait.") with { Required = true }])
        { Aliases = ["io.kestra.core.tasks.flows.Sleep"], Description = "Wait for a duration." },
        new(Sequential, TaskKind.Flowable, [Prop.Tasks("tasks", "Children, run one after another.", required: true), Errors, Finally])
        { Aliases = ["io.kestra.core.tasks.flows.Sequential"], Description = "Run tasks one after another." },
        new(Parallel, TaskKind.Flowable,
        [
            Prop.Tasks("tasks", "Children, run at the same time.", required: true),
            Prop.Integer("concurrent", "How many children run at once; 0 means all.", 0) with { Dynamic = false },
            Errors, Finally,
        ]) { Aliases = ["io.kestra.core.tasks.flows.Parallel"], Description = "Run tasks at the same time." },
        new(If, TaskKind.Flowable,
        [
            Prop.String("condition", "Expression deciding the branch.", required: true),
            Prop.Tasks("then", "Tasks run when the condition is truthy.", required: true),
            Prop.Tasks("else", "Tasks run otherwise."),
            Errors, Finally,
        ]) { Aliases = ["io.kestra.core.tasks.flows.If"], Description = "Choose a branch from a condition." },
        new(Switch, TaskKind.Flowable,
        [
            Prop.String("value", "Expression whose text picks the case.", required: true),
            Prop.TaskLists("cases", "Task lists by the value that runs them."),
            Prop.Tasks("defaults", "Tasks run when no case matches."),
            Errors, Finally,
        ]) { Aliases = ["io.kestra.core.tasks.flows.Switch"], Description = "Choose a list of tasks by the text of a value." },
        new(Dag, TaskKind.Flowable,
        [
            Prop.DagTasks("tasks", "Items '{task, dependsOn: [ids]}': each task starts once its dependencies ended."),
            Prop.Integer("concurrent", "How many tasks run at once; 0 means no limit.", 0) with { Dynamic = false },
            Errors, Finally,
        ]) { Aliases = ["io.kestra.core.tasks.flows.Dag"], Description = "Run tasks in the order of their dependencies." },
        new(WaitFor, TaskKind.Flowable,
        [
            Prop.Tasks("tasks", "Tasks run in each iteration.", required: true),
            Prop.String("condition", "Expression that ends the loop once truthy; rendered after each iteration.", required: true),
            Prop.Object("checkFrequency", "How often and how long to loop.",
                Prop.Duration("interval", "Wait between two iterations.", "PT1S"),
                Prop.Integer("maxIterations", "Most iterations to run.", 100) with { Dynamic = false },
                Prop.Duration("maxDuration", "Longest time to loop, from the task's start.", "PT1H")),
            Prop.Boolean("failOnMaxReached", "Fail (instead of succeeding) when a maximum is reached first.", false) with { Dynamic = false },
            Errors, Finally,
        ]) { Description = "Run tasks again and again until a condition is true." },
        new(Pause, TaskKind.Flowable,
        [
            Prop.Duration("delay", "Go on by itself after this long."),
            Prop.Duration("timeout", "Fail after this long unless resumed first."),
            Prop.Any("onResume", "Inputs a resume may give (as flow inputs), output as onResume.") with { Dynamic = false },
            Prop.Tasks("tasks", "Deprecated: tasks run once the pause is over."),
            Errors, Finally,
        ]) { Aliases = ["io.kestra.core.tasks.flows.Pause"], Description = "Pause the execution for a delay or until it is resumed." },
        new(AllowFailure, TaskKind.Flowable, [Prop.Tasks("tasks", "Children, run one after another; a failure ends WARNING.", required: true), Errors, Finally])
        { Aliases = ["io.kestra.core.tasks.flows.AllowFailure"], Description = "Deprecated in Kestra for allowFailure: run tasks, a failure ending WARNING." },
        new(Subflow, TaskKind.Flowable,
        [
            Prop.String("namespace", "Namespace of the flow to start.", required: true),
            Prop.String("flowId", "Id of the flow to start.", required: true),
            Prop.Integer("revision", "Revision to start (default: the latest)."),
            Prop.Map("inputs", "Inputs of the child execution (rendered)."),
            Prop.Any("labels", "Labels of the child execution: a map, or a list of {key, value}."),
            Prop.Boolean("inheritLabels", "Give the child this execution's labels too.", false) with { Dynamic = false },
            Prop.Boolean("wait", "Wait for the child's end (its state and outputs become this task's).", true) with { Dynamic = false },
            Prop.Boolean("transmitFailed", "A child ending FAILED, KILLED or WARNING ends this task so.", true) with { Dynamic = false },
            Prop.Map("outputs", "Deprecated in Kestra and refused here: declare the child flow's outputs instead."),
            Errors, Finally,
        ])
        {
            Aliases = ["io.kestra.core.tasks.flows.Subflow", "io.kestra.core.tasks.flows.Flow"],
            Description = "Start an execution of another flow, and wait for its end.",
        },
        new(ForEach, TaskKind.Flowable,
        [
            Prop.Any("values", "A list (or JSON list text) of values; each runs the tasks once.", required: true),
            Prop.Integer("concurrencyLimit", "How many iterations run at once; 0 means all.", 1) with { Dynamic = false },
            Prop.Tasks("tasks", "Tasks run for every value.", required: true),
            Errors, Finally,
        ]) { Description = "Run tasks for each value of a list." },
        new(WorkingDirectory, TaskKind.Flowable,
        [
            Prop.Tasks("tasks", "Runnable tasks run one after another in one shared directory.", required: true),
            Errors, Finally,
            FileTaskProperties.InputFiles,
            FileTaskProperties.OutputFiles,
            FileTaskProperties.NamespaceFiles,
            Prop.Object("cache", "Keep files matching patterns between executions.",
                Prop.StringList("patterns", "Globs of files to cache.", required: true, minItems: 1),
                Prop.Duration("ttl", "How long a cache entry lives.")),
        ])
        {
            Aliases = ["io.kestra.core.tasks.flows.WorkingDirectory", "io.kestra.core.tasks.flows.Worker"],
            Description = "Run several tasks in one working directory on one worker.",
        },
        new(ProcessRunner, TaskKind.TaskRunner, [Prop.String("type", "Runner type.", required: true) with { Dynamic = false }])
        {
            Aliases = ["io.kestra.core.models.tasks.runners.types.ProcessTaskRunner"],
            Description = "Run the task as a local process on the worker.",
        },
        Engine.Flowables.ForEachItem.ForEachItemType.Descriptor,
        .. Flows.Loading.LegacyEachTasks.All,
        Executions.LabelsTask.Descriptor,
        Executions.ResumeTask.Descriptor,
        Executions.CountTask.Descriptor,
        Executions.PurgeExecutionsTask.Descriptor,
        Executions.PurgeLogsTask.Descriptor,
        Triggers.ToggleTask.Descriptor,
        .. CoreTriggerTypes.All,
    ];
}
