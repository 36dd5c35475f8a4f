using Harrier.Scripts.Runners.Process;

namespace Harrier.Scripts.Tests.Runners.Contract;

/// <summary>
/// The same suite with the fallback launcher (System.Diagnostics.Process through util-linux setsid, used where
/// posix_spawn is not): a worker configured with it must keep every promise of the seam.
/// </summary>
public sealed class ProcessTaskRunnerSetsidLauncherContractTests : ProcessTaskRunnerContractTests
{
    protected override ChildLauncher Launcher => ChildLauncher.SetsidBinary;
}
