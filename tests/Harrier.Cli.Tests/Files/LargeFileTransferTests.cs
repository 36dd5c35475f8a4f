using System.Diagnostics;
using Xunit.Abstractions;

namespace Harrier.Cli.Tests.Files;

/// <summary>Runs alone: it measures the process's allocations, which parallel tests would blur.</summary>
[CollectionDefinition(nameof(LargeFileTransferTests), DisableParallelization = true)]
public sealed class LargeFileTransferCollection;

/// <summary>A 200 MB file through a FILE input, inputFiles → outputFiles → inputFiles, with the worker's memory measured.</summary>
[Collection(nameof(LargeFileTransferTests))]
public sealed class LargeFileTransferTests(ITestOutputHelper output) : IDisposable
{
    private const long Size = 200L << 20;
    private readonly FlowSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A200MegabyteFile_StreamsThroughOutputAndInputFiles_WithFlatMemory()
    {
        Directory.CreateDirectory(_sandbox.Root);
        var source = Path.Combine(_sandbox.Root, "big.bin");
        WriteRandomFile(source);
        var cp = Stopwatch.StartNew();
        using (var process = Process.Start("cp", [source, source + ".cp"]))
        {
            process.WaitForExit();
        }

        cp.Stop();
        File.Delete(source + ".cp");

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var run = _sandbox.Run("""
            id: big_file
            namespace: company.team
            inputs:
              - id: big
                type: FILE
            tasks:
              - id: relay
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  in.bin: "{{ inputs.big }}"
                outputFiles: [out.bin]
                commands:
                  - mv in.bin out.bin
              - id: receive
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  got.bin: "{{ outputs.relay.outputFiles['out.bin'] }}"
                commands:
                  - stat -c %s got.bin
            """, "--input", $"big=@{source}");
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal("SUCCESS", run.State);
        Assert.Equal([Size.ToString(System.Globalization.CultureInfo.InvariantCulture)], run.Logs("receive", "INFO"));
        output.WriteLine($"200 MB copied 4 times (input upload, relay download + upload, receive download): whole run {clock.ElapsedMilliseconds} ms; "
            + $"one cp of the same bytes: {cp.ElapsedMilliseconds} ms (x4 = {cp.ElapsedMilliseconds * 4} ms); managed bytes allocated during the run: {allocated >> 20} MB; "
            + $"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB");
        Assert.True(allocated < Size / 4, $"{allocated >> 20} MB allocated while moving a {Size >> 20} MB file");
    }

    private static void WriteRandomFile(string path)
    {
        var buffer = new byte[1 << 20];
        Random.Shared.NextBytes(buffer);
        using var file = File.Create(path);
        for (var i = 0; i < Size / buffer.Length; i++)
        {
            buffer[i % buffer.Length] ^= (byte)i;
            file.Write(buffer);
        }
    }
}
