using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tasks.Core;

/// <summary>Registers the core runnable tasks.</summary>
public static class CoreTaskImplementations
{
    public static TaskImplementations AddCoreTasks(this TaskImplementations implementations) => implementations
        .Add(CoreTaskTypes.Log, () => new LogTask())
        .Add(CoreTaskTypes.Return, () => new ReturnTask())
        .Add(CoreTaskTypes.Echo, () => new EchoTask())
        .Add(CoreTaskTypes.OutputValues, () => new OutputValuesTask())
        .Add(CoreTaskTypes.Fail, () => new FailTask())
        .Add(CoreTaskTypes.Assert, () => new AssertTask())
        .Add(CoreTaskTypes.Sleep, () => new SleepTask());
}
