using Harrier.Server.Tests.Support;

namespace Harrier.Server.Tests.Executions;

/// <summary>ForEachItem on the server: a FILE input uploaded with the execution, one execution of a deployed flow per batch.</summary>
public sealed class ForEachItemTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task AnUploadedFile_IsCutIntoBatches_EachProcessedByAnExecutionOfTheDeployedFlow()
    {
        var ns = ApiCalls.UniqueNamespace();
        await Http.DeployAsync($$$"""
            id: batch
            namespace: {{{ns}}}
            inputs:
              - id: items
                type: STRING
            tasks:
              - id: read
                type: io.kestra.plugin.core.debug.Return
                format: "{{ read(inputs.items) | trim }}"
            outputs:
              - id: lines
                type: STRING
                value: "{{ outputs.read.value }}"
            """);
        await Http.DeployAsync($$$"""
            id: parent
            namespace: {{{ns}}}
            inputs:
              - id: file
                type: FILE
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{{ inputs.file }}"
                batch:
                  rows: 2
                namespace: {{{ns}}}
                flowId: batch
                inputs:
                  items: "{{ taskrun.items }}"
              - id: merged
                type: io.kestra.plugin.core.debug.Return
                format: "{{ read(outputs.each.uri) }}"
            """);
        using var form = ApiCalls.Form();
        form.AddFile("file", "orders.txt", "a\nb\nc\n");

        var parent = await Http.ExecuteAsync(ns, "parent", inputs: form);

        Assert.Equal("SUCCESS", parent.State());
        var outputs = parent.TaskRun("each")["outputs"]!;
        Assert.Equal(2, outputs["numberOfBatches"]!.GetValue<int>());
        Assert.Equal(2, outputs["iterations"]!["SUCCESS"]!.GetValue<int>());
        Assert.Equal("{lines:\"a\\nb\"}\n{lines:\"c\"}\n", parent.TaskRun("merged")["outputs"]!["value"]!.GetValue<string>());
    }
}
