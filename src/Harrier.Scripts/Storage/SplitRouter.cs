using System.Text.RegularExpressions;
using Harrier.Core.Flows;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Storage;

/// <summary>
/// Where Split sends each line, one rule per way of cutting (Kestra's rules, kept exact so batch counts match):
/// <c>rows</c> and <c>bytes</c> start a new file once the current one holds that many rows or bytes or more
/// (a file may pass <c>bytes</c> by its last line), <c>partitions</c> deals lines round-robin, <c>regexPattern</c>
/// groups lines by the value of the first capture group and leaves out lines that do not match.
/// </summary>
internal abstract class SplitRouter
{
    private static readonly string[] Ways = ["bytes", "partitions", "rows", "regexPattern"];

    /// <summary>The chunk <paramref name="line"/> goes to (null: nowhere), and the chunk that gets no more lines, if any.</summary>
    public abstract long? ChunkOf(string line, long bytes, out long? finished);

    /// <summary>The one way <c>storage.Split</c> is given (exactly one, or it fails saying so).</summary>
    public static SplitRouter From(TaskDefinition task, PropertyReader properties)
    {
        // A way whose expression renders nothing is not given: a flow may pick one with inputs ("{{ inputs.rows }}").
        var given = Ways.Where(way => IsGiven(properties, way)).ToList();
        if (given.Count != 1)
        {
            throw new TaskFailedException(given.Count == 0
                ? $"{task.Path}: Split needs one of bytes, partitions, rows or regexPattern to know how to cut the file (for example rows: 1000)"
                : $"{task.Path}: {string.Join(", ", given)} are set; Split cuts a file one way: keep only one of them");
        }

        return Of(task, properties, given[0]);
    }

    /// <summary>Whether <paramref name="way"/> is set to something (an expression rendering empty is not).</summary>
    public static bool IsGiven(PropertyReader properties, string way) => properties.Has(way) && properties.Value(way) is not (null or "");

    /// <summary><paramref name="rows"/> lines per file.</summary>
    public static SplitRouter EveryRows(long rows) => new Sequential(rows, countRows: true);

    /// <summary>The router of one way (bytes, partitions, rows or regexPattern), its value read from <paramref name="properties"/>.</summary>
    public static SplitRouter Of(TaskDefinition task, PropertyReader properties, string way)
    {
        switch (way)
        {
            case "bytes":
                var text = properties.RequiredString("bytes");
                return ByteSize.TryParse(text, out var limit) && limit > 0
                    ? new Sequential(limit, countRows: false)
                    : throw StorageTaskFiles.Fail(task, "bytes", $"'{text}' is not a size; write a number of bytes of 1 or more, or one with a unit such as 500KB, 10MB or 1GB");
            case "partitions":
                return new RoundRobin(AtLeastOne(task, properties, "partitions"));
            case "rows":
                return new Sequential(AtLeastOne(task, properties, "rows"), countRows: true);
            default:
                return ByKey.Compile(task, properties.RequiredString("regexPattern"));
        }
    }

    private static long AtLeastOne(TaskDefinition task, PropertyReader properties, string name) =>
        properties.Integer(name) is { } value and > 0 ? value : throw StorageTaskFiles.Fail(task, name, "must be a whole number of 1 or more");

    private sealed class Sequential(long limit, bool countRows) : SplitRouter
    {
        private long _current = -1;
        private long _held;

        public override long? ChunkOf(string line, long bytes, out long? finished)
        {
            finished = null;
            if (_current < 0 || _held >= limit)
            {
                finished = _current < 0 ? null : _current;
                _current++;
                _held = 0;
            }

            _held += countRows ? 1 : bytes;
            return _current;
        }
    }

    private sealed class RoundRobin(long partitions) : SplitRouter
    {
        private long _next;

        public override long? ChunkOf(string line, long bytes, out long? finished)
        {
            finished = null;
            var chunk = _next;
            _next = (_next + 1) % partitions;
            return chunk;
        }
    }

    private sealed class ByKey(Regex pattern) : SplitRouter
    {
        private readonly Dictionary<string, long> _chunks = new(StringComparer.Ordinal);

        public static ByKey Compile(TaskDefinition task, string text)
        {
            Regex regex;
            try
            {
                regex = new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
            }
            catch (ArgumentException ex)
            {
                throw StorageTaskFiles.Fail(task, "regexPattern", $"'{text}' is not a valid regular expression: {ex.Message}");
            }

            return regex.GetGroupNumbers().Length > 1
                ? new ByKey(regex)
                : throw StorageTaskFiles.Fail(task, "regexPattern", $"'{text}' has no capture group; put the part of a line that names its file in parentheses, such as \\[(\\w+)\\]");
        }

        public override long? ChunkOf(string line, long bytes, out long? finished)
        {
            finished = null;
            var match = pattern.Match(line);
            if (!match.Success)
            {
                return null;
            }

            // A group that took no part in the match keys its lines apart from an empty value (Java's null key).
            var key = match.Groups[1] is { Success: true } group ? "=" + group.Value : "null";
            if (!_chunks.TryGetValue(key, out var chunk))
            {
                chunk = _chunks.Count;
                _chunks[key] = chunk;
            }

            return chunk;
        }
    }
}
