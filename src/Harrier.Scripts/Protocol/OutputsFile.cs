namespace Harrier.Scripts.Protocol;

/// <summary>
/// The <c>$HARRIER_OUTPUTS</c> side channel: a file in the working directory where a script appends
/// protocol JSON objects (<c>{"outputs":…,"metrics":[…],"logs":[…]}</c>), one per line. Unlike stdout it
/// cannot lose a record to line mangling; it is read after the process exits and merged after stdout.
/// </summary>
public static class OutputsFile
{
    public const string EnvironmentVariable = "HARRIER_OUTPUTS";

    /// <summary>File name inside the working directory; engines exclude it from <c>outputFiles</c>.</summary>
    public const string FileName = ".harrier-outputs.jsonl";

    public static string PathIn(string workingDirectory) => Path.Combine(workingDirectory, FileName);

    /// <summary>
    /// Merges every record of the file into <paramref name="collector"/>. A missing file is no record.
    /// A last line without newline that does not parse was cut by a crash mid-write: reported at WARN.
    /// </summary>
    public static async Task ReadIntoAsync(string path, ScriptOutputCollector collector, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var content = await File.ReadAllTextAsync(path, cancellationToken);
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var isUnterminatedLast = i == lines.Length - 1;
            if (isUnterminatedLast && !ProtocolMessageParser.TryParse(line, out _, out var error))
            {
                collector.Warn($"Ignored the last record of ${EnvironmentVariable}: it was cut short (the script probably stopped while writing it; {error}).");
                continue;
            }

            collector.ApplyJson(line, $"${EnvironmentVariable} record (line {i + 1})");
        }
    }
}
