using Harrier.Core.Queue;
using Harrier.Core.Store;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IQueueStatistics"/> must do: jobs waiting and jobs leased, an expired lease counting as waiting.</summary>
public abstract class QueueStatisticsContract : StoreContract
{
    protected abstract IQueueStatistics Statistics { get; }

    [Fact]
    public async Task Depth_CountsWaitingAndLeasedJobs()
    {
        await ClaimedRunAsync();
        var execution = await CreateExecutionAsync();
        await DrainWakeupsAsync();
        await PlanAsync(execution, NewRun(execution.Id), NewRun(execution.Id));

        Assert.Equal(new QueueDepth(2, 1), await Statistics.GetDepthAsync(Ct));

        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(new QueueDepth(3, 0), await Statistics.GetDepthAsync(Ct));
    }
}
