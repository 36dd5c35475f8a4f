using Harrier.Cli;

// `harrier run`: idle thread-pool workers block at once instead of spinning first. The engine hands work between threads
// at every await, and in a 10,000-iteration ForEach on a loaded 2-core machine that spinning was about a quarter of the
// process's CPU (dotnet-trace); without it the run took 11 s instead of 15-17 s. Not for the server, whose request
// latency (api-wait p50) the spinning shortens. Set before the thread pool starts, which reads it once.
if (args is ["run", ..])
{
    AppContext.SetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", 0);
}

return HarrierCli.Run(args);
