namespace Harrier.Bench.Scenarios;

/// <summary>
/// The Python the Python scenarios run. Harrier's flow and the bare floor run these exact texts, so the
/// only difference between the two sides is who starts the interpreter.
/// </summary>
public static class PythonWork
{
    /// <summary>
    /// About 10 ms of pure-Python arithmetic on a quiet machine (the shape of Windmill's cross-engine
    /// benchmark: short scripts, where orchestration overhead is most visible). CPU work, not sleep, so
    /// that a busy machine slows both sides alike.
    /// </summary>
    public static string Script(int index) => $"""
        n = 0
        for i in range(80000):
            n += i * i
        print("task {index}:", n)

        """;

    /// <summary>Prints <paramref name="lines"/> short lines as fast as Python can (block-buffered).</summary>
    public static string PrintLines(int lines) => $"""
        import sys
        write = sys.stdout.write
        for i in range({lines}):
            write(f"line {"{"}i{"}"} of a benchmark log\n")

        """;
}
