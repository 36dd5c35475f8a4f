using System.Text.Json;
using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;
using Harrier.TestKit.Users;

namespace Harrier.Cli.Tests.Docker;

/// <summary>
/// Through <c>harrier run</c> and a real engine: a flow cannot give its container the host (privileged, the host's
/// network) without the administrator's opt-in, and what a root container leaves with MOUNT cannot serve another local
/// user (a real one) as a setuid-root binary, nor is it stored world-writable.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DockerHostAccessFlowTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    // This engine runs inside a VM that refuses privileged containers ("unable to apply caps"): allowed, the
    // privileged task reaches the engine, which is all Harrier decides.
    [Theory]
    [InlineData("privileged: true", "privileged containers are disabled on this Harrier server", false)]
    [InlineData("networkMode: host", "'host' is disabled on this Harrier server", true)]
    public void HostAccess_IsRefusedWithAHowToEnable_UnlessTheAdministratorAllowsIt(string property, string expected, bool runsOnThisEngine)
    {
        var flow = $"""
            id: host_access
            namespace: tests.docker
            tasks:
              - id: reach
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: harrier-test/busybox:1
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
                  pullPolicy: NEVER
                  {property}
                commands:
                  - echo reached
            """;

        var refused = Run(flow);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(Messages(refused), m => m.Contains(expected, StringComparison.Ordinal) && m.Contains("--allow-docker-host-access", StringComparison.Ordinal));
        Assert.DoesNotContain("reached", Messages(refused));

        foreach (var flag in new[] { "--allow-docker-host-access", "--allow-docker-volumes" })
        {
            var allowed = Run(flow, flag);
            Assert.DoesNotContain(Messages(allowed), m => m.Contains(expected, StringComparison.Ordinal));
            if (runsOnThisEngine)
            {
                Assert.True(allowed.ExitCode == 0, allowed.Output + allowed.Error);
                Assert.Contains("reached", Messages(allowed));
            }
        }
    }

    [Fact]
    public void Mount_ASetuidRootBinaryTheContainerMakes_CannotBeRunByAnotherUser_AndIsNotSetuidAfterwards()
    {
        var other = SecondUser.Get();
        var run = Run($$"""
            id: mount_setuid
            namespace: tests.docker
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: plant
                    type: io.kestra.plugin.scripts.shell.Commands
                    containerImage: harrier-test/busybox:1
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      pullPolicy: NEVER
                      fileHandlingStrategy: MOUNT
                    outputFiles: [open]
                    commands:
                      - cp /bin/busybox suid && chmod 4755 suid && echo w > open && chmod 666 open && chmod 777 .
                      - grep NoNewPrivs /proc/self/status
                  - id: check
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo "modes $(stat -c '%a' suid) $(stat -c '%a' open) $(stat -c '%a' .)"
                      - setpriv --reuid={{{other.Uid}}} --regid={{{other.Gid}}} --clear-groups "$PWD/suid" id -u || echo "other user refused"
            """.Replace("{{{other.Uid}}}", other.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
               .Replace("{{{other.Gid}}}", other.Gid.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var messages = Messages(run);
        Assert.Contains("NoNewPrivs:\t1", messages);
        Assert.Contains("modes 755 644 700", messages);
        Assert.Contains("other user refused", messages);
        Assert.DoesNotContain("0", messages);
        var stored = Directory.EnumerateFiles(_scratch.Combine("data", "storage", "files"), "open", SearchOption.AllDirectories).Single();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
    }

    private CliRun Run(string flow, params string[] extra)
    {
        var path = _scratch.Combine($"flow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, flow);
        return CliRun.Of(["run", path, "--json", "--logs", "--data-dir", _scratch.Combine("data"), .. extra]);
    }

    private static List<string> Messages(CliRun run) =>
        run.Output.TrimStart().StartsWith('{')
            ? [.. JsonDocument.Parse(run.Output).RootElement.GetProperty("logs").EnumerateArray().Select(l => l.GetProperty("message").GetString()!)]
            : [run.Error];
}
