using Harrier.Core.Executions;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>Field-by-field equality of stored records, including the contents of their collections.</summary>
public static class RecordAssert
{
    /// <summary>Equal but for the store's change sequence (see <see cref="ContractData.AsStored"/> for the flow document).</summary>
    public static void Equal(Execution expected, Execution? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Inputs = actual.Inputs, Outputs = actual.Outputs, Labels = actual.Labels, ChangeSeq = actual.ChangeSeq, Progress = actual.Progress }, actual);
        Assert.Equal(expected.Progress?.Lists, actual.Progress?.Lists);
        PlainAssert.Equal(expected.Inputs, actual.Inputs);
        PlainAssert.Equal(expected.Outputs, actual.Outputs);
        Assert.Equal(expected.Labels, actual.Labels);
    }

    /// <summary>Equal but for the store's version; ForEach values are compared by count (the store keeps them apart).</summary>
    public static void Equal(TaskRun expected, TaskRun? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            expected with
            {
                Attempts = actual.Attempts, Outputs = actual.Outputs, Metrics = actual.Metrics, Decision = actual.Decision, Version = actual.Version,
                OutputPath = actual.OutputPath, Progress = actual.Progress,
            },
            actual);
        Assert.Equal(expected.OutputPath, actual.OutputPath);
        Assert.Equal(expected.Progress?.Lists, actual.Progress?.Lists);
        Assert.Equal(expected.Attempts, actual.Attempts);
        PlainAssert.Equal(expected.Outputs, actual.Outputs);
        Assert.Equal(expected.Metrics.Count, actual.Metrics.Count);
        for (var i = 0; i < expected.Metrics.Count; i++)
        {
            var (e, a) = (expected.Metrics[i], actual.Metrics[i]);
            Assert.Equal((e.Name, e.Type, e.Value), (a.Name, a.Type, a.Value));
            Assert.Equal(e.Tags.OrderBy(t => t.Key, StringComparer.Ordinal), a.Tags.OrderBy(t => t.Key, StringComparer.Ordinal));
        }

        Assert.Equal(expected.Decision?.Branch, actual.Decision?.Branch);
        Assert.Equal(expected.Decision?.CountOfValues, actual.Decision?.CountOfValues);
        Assert.Equal(expected.Decision?.WorkerState, actual.Decision?.WorkerState);
        Assert.Equal(expected.Decision?.ChildExecutionId, actual.Decision?.ChildExecutionId);
        Assert.Equal(expected.Decision?.ChildCount, actual.Decision?.ChildCount);
        Assert.Equal(expected.Decision is null, actual.Decision is null);
    }
}
