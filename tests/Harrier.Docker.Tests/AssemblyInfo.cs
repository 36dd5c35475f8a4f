[assembly: Xunit.CollectionBehavior(MaxParallelThreads = 2)]

// These tests talk to a real Docker engine on a Unix socket: they are Linux tests by nature.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
