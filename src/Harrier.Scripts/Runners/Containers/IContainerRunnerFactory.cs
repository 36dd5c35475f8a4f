namespace Harrier.Scripts.Runners.Containers;

/// <summary>
/// Builds a container runner for one task attempt. The seam keeps Harrier.Scripts free of any container
/// engine: Harrier.Docker implements it, the host wires it in.
/// </summary>
public interface IContainerRunnerFactory
{
    /// <summary>A runner configured for this attempt; throws a TaskFailedException with a clear message for bad settings.</summary>
    ITaskRunner Create(ContainerRunSpec spec);
}
