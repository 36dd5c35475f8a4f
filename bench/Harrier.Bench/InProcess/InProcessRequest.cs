namespace Harrier.Bench.InProcess;

/// <summary>What one in-process child run does (see <see cref="InProcessCommand"/>).</summary>
/// <param name="Mode"><c>sequential</c>: one execution of a flow of <paramref name="Size"/> tasks;
/// <c>throughput</c>: <paramref name="Size"/> executions of a one-task flow submitted at once.</param>
/// <param name="Kind">The flow kind of <see cref="Scenarios.BenchFlows"/>.</param>
/// <param name="Workers">Worker slots (null: Harrier's default).</param>
public sealed record InProcessRequest(string Mode, string Kind, int Size, int? Workers)
{
    public const string Sequential = "sequential";
    public const string Throughput = "throughput";

    public IReadOnlyList<string> ToArguments() =>
        ["inproc", Mode, Kind, Size.ToString(System.Globalization.CultureInfo.InvariantCulture), .. Workers is { } w ? new[] { w.ToString(System.Globalization.CultureInfo.InvariantCulture) } : []];

    public static InProcessRequest Parse(IReadOnlyList<string> args) => args.Count is 3 or 4
        ? new InProcessRequest(args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
            args.Count == 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : null)
        : throw new ArgumentException("usage: inproc sequential|throughput KIND SIZE [WORKERS]");
}
