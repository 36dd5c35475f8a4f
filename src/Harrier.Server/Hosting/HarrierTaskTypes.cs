using Harrier.Core.Tasks.Types;
using Harrier.Docker;
using Harrier.Scripts.Tasks;

namespace Harrier.Server.Hosting;

/// <summary>Every task, runner and trigger type this build of Harrier knows.</summary>
public static class HarrierTaskTypes
{
    public static TaskTypeRegistry Registry { get; } =
        TaskTypeRegistry.Create(CoreTaskTypes.All, Core.Tasks.KeyValues.KeyValueTaskTypes.All, Core.Tasks.FlowStates.StateTaskTypes.All, ScriptTaskTypes.All, DockerRunnerType.All);
}
