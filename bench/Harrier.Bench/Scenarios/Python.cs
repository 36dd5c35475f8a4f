using Harrier.Bench.Processes;

namespace Harrier.Bench.Scenarios;

/// <summary>Finds the interpreter the floor runs.</summary>
public static class Python
{
    /// <summary>
    /// The real interpreter behind the first <c>python3</c> on PATH. A pyenv shim costs ~0.3 s per start;
    /// a fair floor is what a person's loop would run once they noticed, i.e. the interpreter itself.
    /// </summary>
    public static string ResolveInterpreter()
    {
        var result = ChildProcess.RunCaptured(["python3", "-c", "import sys; print(sys.executable)"]);
        var path = result.Stdout.Trim();
        return result.Succeeded && path.Length > 0
            ? path
            : throw new InvalidOperationException("python3 is not on PATH; install it (apt-get install -y python3) to run the Python scenarios.");
    }
}
