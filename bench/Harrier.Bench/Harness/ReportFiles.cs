using System.Text.Json;

namespace Harrier.Bench.Harness;

/// <summary>
/// Writes latest.json and latest.md, plus dated copies so a regression can be traced back. Quick runs
/// (CI) write quick.json/quick.md only: their tiny sizes must never replace real figures. Partial runs (<c>--only</c>)
/// write their dated copy only (named <c>…-only</c>): latest stays the last run of every scenario.
/// </summary>
public static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public static IReadOnlyList<string> Write(BenchReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = JsonSerializer.Serialize(report, Json) + "\n";
        var markdown = ReportTable.Markdown(report);
        var dated = Path.Combine("history", report.Date.ToString("yyyy-MM-dd'T'HHmm", System.Globalization.CultureInfo.InvariantCulture));
        var stems = report.Quick ? new[] { "quick" } : report.Partial ? [dated + "-only"] : ["latest", dated];
        var written = new List<string>();
        foreach (var stem in stems)
        {
            var path = Path.Combine(directory, stem);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path + ".json", json);
            File.WriteAllText(path + ".md", markdown);
            written.Add(path + ".json");
            written.Add(path + ".md");
        }

        return written;
    }
}
