using System.Globalization;
using System.Text;

namespace Harrier.Bench.Harness;

/// <summary>The report as a table: aligned text for the terminal, GitHub Markdown for the README.</summary>
public static class ReportTable
{
    private static readonly string[] Headers = ["Scenario", "Harrier", "Floor", "Ratio", "Figure", "Target", "Peak RSS H / F"];

    public static string Text(BenchReport report)
    {
        var rows = Rows(report);
        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(Headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Line);
        return text.ToString();
    }

    public static string Markdown(BenchReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {report.Date:yyyy-MM-dd HH:mm} UTC on {report.Machine}, commit {report.Commit}{(report.Quick ? " (--quick: sizes too small to mean anything)" : "")}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Times are medians; floors ran in the same run, alternating with Harrier.");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", Headers) + " |");
        text.AppendLine("|" + string.Concat(Headers.Select(_ => "---|")));
        foreach (var (row, result) in Rows(report).Zip(report.Scenarios))
        {
            row[2] = result.FloorMs is null ? result.FloorLabel : $"{row[2]} ({result.FloorLabel})";
            text.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        return text.ToString();
    }

    private static List<string[]> Rows(BenchReport report) => report.Scenarios.Select(r => new[]
    {
        r.Title,
        Time(r.HarrierMs),
        r.FloorMs is null ? "—" : Time(r.FloorMs),
        r.Ratio is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) : "—",
        r.Error is not null ? "FAILED: " + FirstLine(r.Error) : r.Skipped is not null ? "skipped: " + r.Skipped : r.Figure ?? "",
        r.Target ?? "",
        $"{Mb(r.HarrierPeakRssKb)} / {Mb(r.FloorPeakRssKb)}",
    }).ToList();

    private static string Time(double? milliseconds) => milliseconds switch
    {
        null => "—",
        >= 1000 => $"{milliseconds / 1000:F2} s",
        >= 10 => $"{milliseconds:F0} ms",
        >= 0.01 => $"{milliseconds:F2} ms",
        _ => $"{milliseconds * 1e6:F0} ns",
    };

    private static string Mb(long kb) => kb == 0 ? "—" : $"{kb / 1024.0:F0} MB";

    private static string FirstLine(string text) => text.Split('\n')[0];
}
