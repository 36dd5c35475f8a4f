using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tests.Tasks;

public sealed class TaskTypeRegistryTests
{
    private static readonly TaskTypeRegistry Core = TaskTypeRegistry.Create(CoreTaskTypes.All);

    [Theory]
    [InlineData("io.kestra.plugin.core.log.Log")]
    [InlineData("io.kestra.plugin.core.debug.Return")]
    [InlineData("io.kestra.plugin.core.execution.Fail")]
    [InlineData("io.kestra.plugin.core.flow.Sleep")]
    [InlineData("io.kestra.plugin.core.flow.Sequential")]
    [InlineData("io.kestra.plugin.core.flow.Parallel")]
    [InlineData("io.kestra.plugin.core.flow.If")]
    [InlineData("io.kestra.plugin.core.flow.ForEach")]
    [InlineData("io.kestra.plugin.core.flow.WorkingDirectory")]
    [InlineData("io.kestra.plugin.core.runner.Process")]
    [InlineData("io.kestra.plugin.core.trigger.Schedule")]
    [InlineData("io.kestra.plugin.core.trigger.Flow")]
    [InlineData("io.kestra.plugin.core.trigger.Webhook")]
    public void Resolve_FindsEachCoreTypeByItsKestraName(string type) =>
        Assert.Equal(type, Core.Resolve(type)?.Type);

    [Theory]
    [InlineData("io.kestra.core.tasks.log.Log", CoreTaskTypes.Log)]
    [InlineData("io.kestra.core.tasks.debugs.Return", CoreTaskTypes.Return)]
    [InlineData("io.kestra.core.tasks.executions.Fail", CoreTaskTypes.Fail)]
    [InlineData("io.kestra.core.tasks.flows.Sleep", CoreTaskTypes.Sleep)]
    [InlineData("io.kestra.core.tasks.flows.Sequential", CoreTaskTypes.Sequential)]
    [InlineData("io.kestra.core.tasks.flows.Parallel", CoreTaskTypes.Parallel)]
    [InlineData("io.kestra.core.tasks.flows.If", CoreTaskTypes.If)]
    [InlineData("io.kestra.core.tasks.flows.WorkingDirectory", CoreTaskTypes.WorkingDirectory)]
    [InlineData("io.kestra.core.tasks.flows.Worker", CoreTaskTypes.WorkingDirectory)]
    [InlineData("io.kestra.core.models.tasks.runners.types.ProcessTaskRunner", CoreTaskTypes.ProcessRunner)]
    [InlineData("io.kestra.core.models.triggers.types.Schedule", "io.kestra.plugin.core.trigger.Schedule")]
    public void Resolve_MapsLegacyNamesToTheCurrentType(string legacy, string current) =>
        Assert.Equal(current, Core.Resolve(legacy)?.Type);

    [Theory]
    [InlineData("Log", CoreTaskTypes.Log)]
    [InlineData("log.Log", CoreTaskTypes.Log)]
    [InlineData("core.log.Log", CoreTaskTypes.Log)]
    [InlineData("flow.WorkingDirectory", CoreTaskTypes.WorkingDirectory)]
    [InlineData("If", CoreTaskTypes.If)]
    [InlineData("Process", CoreTaskTypes.ProcessRunner)]
    [InlineData("trigger.Schedule", "io.kestra.plugin.core.trigger.Schedule")]
    public void Resolve_AcceptsTheTailsOfAPluginTypeAsShortNames(string shortName, string type) =>
        Assert.Equal(type, Core.Resolve(shortName)?.Type);

    [Theory]
    [InlineData("log")]
    [InlineData("io.kestra.plugin.core.log.log")]
    [InlineData("plugin.core.log.Log")]
    [InlineData("kestra.plugin.core.log.Log")]
    [InlineData(".Log")]
    [InlineData("")]
    public void Resolve_IsExactAndCaseSensitive(string name) =>
        Assert.Null(Core.Resolve(name));

    [Fact]
    public void Resolve_GivesEveryTypeItsKind()
    {
        Assert.Equal(TaskKind.Runnable, Core.Resolve("Log")!.Kind);
        Assert.Equal(TaskKind.Flowable, Core.Resolve("Parallel")!.Kind);
        Assert.Equal(TaskKind.Flowable, Core.Resolve("WorkingDirectory")!.Kind);
        Assert.Equal(TaskKind.TaskRunner, Core.Resolve("Process")!.Kind);
        Assert.Equal(TaskKind.Trigger, Core.Resolve("Webhook")!.Kind);
    }

    [Fact]
    public void ShortName_SharedByTwoTypes_IsAmbiguousAndNamesBoth()
    {
        var registry = TaskTypeRegistry.Create(
        [
            new TaskTypeDescriptor("io.kestra.plugin.alpha.Thing", TaskKind.Runnable, []),
            new TaskTypeDescriptor("io.kestra.plugin.beta.Thing", TaskKind.Runnable, []),
        ]);

        Assert.Null(registry.Resolve("Thing"));
        Assert.Equal("io.kestra.plugin.alpha.Thing", registry.Resolve("alpha.Thing")?.Type);
        Assert.Equal(
            "type 'Thing' is ambiguous: it could be 'io.kestra.plugin.alpha.Thing' or 'io.kestra.plugin.beta.Thing'; write the full type name",
            registry.ExplainUnknown("Thing"));
    }

    [Fact]
    public void ShortName_NeverShadowsAnExactName()
    {
        var registry = TaskTypeRegistry.Create(
        [
            new TaskTypeDescriptor("io.kestra.plugin.alpha.Thing", TaskKind.Runnable, []) { Aliases = ["Thing"] },
            new TaskTypeDescriptor("io.kestra.plugin.beta.Thing", TaskKind.Runnable, []),
        ]);

        Assert.Equal("io.kestra.plugin.alpha.Thing", registry.Resolve("Thing")?.Type);
    }

    [Fact]
    public void Create_RefusesANameDeclaredTwice()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TaskTypeRegistry.Create(CoreTaskTypes.All, CoreTaskTypes.All));

        Assert.Contains("declared twice", ex.Message);
    }

    [Fact]
    public void TypesOutsideThePluginNamespace_GetNoShortNames()
    {
        var registry = TaskTypeRegistry.Create([new TaskTypeDescriptor("com.example.Custom", TaskKind.Runnable, [])]);

        Assert.NotNull(registry.Resolve("com.example.Custom"));
        Assert.Null(registry.Resolve("Custom"));
    }

    [Theory]
    [InlineData("io.kestra.plugin.core.log.Logg", "io.kestra.plugin.core.log.Log")]
    [InlineData("io.kestra.plugin.core.log.log", "io.kestra.plugin.core.log.Log")]
    [InlineData("io.kestra.plugin.core.flow.Paralel", "io.kestra.plugin.core.flow.Parallel")]
    [InlineData("io.kestra.core.tasks.flows.Workr", "io.kestra.core.tasks.flows.Worker")]
    [InlineData("Lgo", "Log")]
    [InlineData("flow.Sequentail", "flow.Sequential")]
    public void ExplainUnknown_SuggestsTheClosestName(string written, string suggestion) =>
        Assert.Equal($"unknown type '{written}'; did you mean '{suggestion}'?", Core.ExplainUnknown(written, TaskKind.Runnable));

    [Fact]
    public void ExplainUnknown_SuggestsNothingWhenNothingIsClose() =>
        Assert.Equal("unknown type 'com.acme.Frobnicate'", Core.ExplainUnknown("com.acme.Frobnicate", TaskKind.Runnable));

    [Fact]
    public void ExplainUnknown_SuggestsOnlyTypesOfTheExpectedKind()
    {
        Assert.Equal("unknown type 'Proces'", Core.ExplainUnknown("Proces", TaskKind.Runnable));
        Assert.Equal("unknown type 'Proces'; did you mean 'Process'?", Core.ExplainUnknown("Proces", TaskKind.TaskRunner));
    }

    [Fact]
    public void EveryCoreTask_DeclaresEachPropertyOnce()
    {
        foreach (var type in CoreTaskTypes.All)
        {
            var names = type.Properties.SelectMany(p => p.Aliases.Prepend(p.Name)).ToList();
            Assert.True(names.Count == names.Distinct().Count(), $"{type.Type} declares a property twice");
        }
    }
}
