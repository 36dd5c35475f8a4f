using Harrier.Server.Hosting;
using Harrier.Server.Tests.Support;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Flows;

/// <summary><c>--flows DIR</c>: the folder is deployed at start and kept in sync while the server runs.</summary>
public sealed class FlowDirectorySyncTests
{
    private static async Task<FlowSyncReport> NextScanAsync(FlowDirectorySync sync, Func<Task> change)
    {
        var scanned = new TaskCompletionSource<FlowSyncReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnScanned(FlowSyncReport report)
        {
            if (report.Deployed.Count + report.Deleted.Count + report.Invalid.Count > 0)
            {
                scanned.TrySetResult(report);
            }
        }

        sync.Scanned += OnScanned;
        try
        {
            await change();
            return await scanned.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            sync.Scanned -= OnScanned;
        }
    }

    [Fact]
    public async Task FlowsFolder_IsDeployedAtStart_ThenChangesAddRevisions_AndRemovedFilesDeleteTheirFlows()
    {
        using var folder = new TempDirectory();
        var flows = Directory.CreateDirectory(Path.Combine(folder.Path, "flows", "team")).FullName;
        await File.WriteAllTextAsync(Path.Combine(flows, "a.yml"), TestFlows.OneLog("sync.test", "a"));
        await File.WriteAllTextAsync(Path.Combine(flows, "b.yaml"), TestFlows.OneLog("sync.test", "b"));
        await File.WriteAllTextAsync(Path.Combine(flows, "broken.yml"), "id: broken\nnamespace: sync.test\ntasks: 1\n");
        await File.WriteAllTextAsync(Path.Combine(flows, "notes.txt"), "not a flow");

        await using var server = await TestServer.StartAsync(o => o with { FlowsDirectory = Path.GetDirectoryName(flows) });
        var start = server.Server.FlowSync!;
        Assert.Equal(["sync.test.a", "sync.test.b"], start.Deployed);
        Assert.Equal(Path.Combine(flows, "broken.yml") + ":3:8: tasks: must be a list of tasks (each item starting with '- id:'), found an integer", Assert.Single(start.Invalid));

        var sync = server.Server.FlowDirectory!;
        var changed = await NextScanAsync(sync, () => File.WriteAllTextAsync(Path.Combine(flows, "a.yml"), TestFlows.OneLog("sync.test", "a", "changed")));
        Assert.Equal(["sync.test.a"], changed.Deployed);
        Assert.Equal(2, (await server.Http.GetJsonAsync("flows/sync.test/a"))["revision"]!.GetValue<int>());

        var removed = await NextScanAsync(sync, () => { File.Delete(Path.Combine(flows, "b.yaml")); return Task.CompletedTask; });
        Assert.Equal(["sync.test.b"], removed.Deleted);
        using var gone = await server.Http.GetAsync("flows/sync.test/b");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }
}
