using System.Buffers;
using Docker.DotNet;
using Harrier.Scripts.Runners;

namespace Harrier.Docker.Running;

/// <summary>
/// Reads Docker's multiplexed stream (stdout and stderr frames) into a sink, line by line as the frames arrive.
/// One reader, so sink calls never overlap. A sink that throws does not stop the reading (the container would
/// block on a full pipe); the first failure is kept for the runner to rethrow after the run.
/// </summary>
internal sealed class OutputPump
{
    private const int ChunkSize = 64 * 1024;

    private readonly ITaskOutputSink _sink;
    private readonly LineAssembler _stdout;
    private readonly LineAssembler _stderr;

    public OutputPump(ITaskOutputSink sink, int maxLineBytes)
    {
        _sink = sink;
        _stdout = new LineAssembler(line => Deliver(line, isStderr: false), maxLineBytes, () => Cut(isStderr: false, maxLineBytes));
        _stderr = new LineAssembler(line => Deliver(line, isStderr: true), maxLineBytes, () => Cut(isStderr: true, maxLineBytes));
    }

    public Exception? SinkFailure { get; private set; }

    /// <summary>Reads until the engine closes the stream (the container ended) or <paramref name="cancellationToken"/> fires.</summary>
    public async Task PumpAsync(MultiplexedStream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, ChunkSize, cancellationToken).ConfigureAwait(false);
                if (read.EOF)
                {
                    break;
                }

                var target = read.Target == MultiplexedStream.TargetStream.StandardError ? _stderr : _stdout;
                target.Append(buffer.AsSpan(0, read.Count));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _stdout.Flush();
            _stderr.Flush();
        }
    }

    private void Cut(bool isStderr, int maxLineBytes)
    {
        try
        {
            _sink.OnLineCut(isStderr, maxLineBytes);
        }
        catch (Exception exception)
        {
            SinkFailure ??= exception;
        }
    }

    private void Deliver(string line, bool isStderr)
    {
        try
        {
            if (isStderr)
            {
                _sink.OnStderr(line);
            }
            else
            {
                _sink.OnStdout(line);
            }
        }
        catch (Exception exception)
        {
            SinkFailure ??= exception;
        }
    }
}
