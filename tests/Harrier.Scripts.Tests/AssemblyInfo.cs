[assembly: Xunit.CollectionBehavior(MaxParallelThreads = 2)]

// These tests run real processes and read /proc: they are Linux tests by nature.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
