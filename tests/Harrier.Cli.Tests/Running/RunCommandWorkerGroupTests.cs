namespace Harrier.Cli.Tests.Running;

/// <summary><c>harrier run</c> and worker groups: one process runs every task of its execution, as Kestra OSS does.</summary>
public sealed class RunCommandWorkerGroupTests
{
    [Fact]
    public void ATaskWithAWorkerGroup_RunsInTheRunProcess_WhateverItsFallback()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: grouped
            namespace: company.team
            tasks:
              - id: gpu
                type: io.kestra.plugin.core.log.Log
                message: on the gpu group
                workerGroup:
                  key: gpu
                  fallback: FAIL
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("SUCCESS", result.StateOf("gpu"));
        Assert.Contains("on the gpu group", result.LogMessages);
    }
}
