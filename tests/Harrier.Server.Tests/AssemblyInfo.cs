// Each test starts real servers (an engine with worker slots, Kestrel): two at a time keep a 2-core machine responsive.
[assembly: Xunit.CollectionBehavior(MaxParallelThreads = 2)]
