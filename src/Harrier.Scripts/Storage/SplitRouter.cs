using System.Text.RegularExpressions;
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

    public static SplitRouter From(TaskRunContext context, PropertyReader properties)
    {
        // A way whose expression renders nothing is not given: a flow may pick one with inputs ("{{ inputs.rows }}").
        var given = Ways.Where(way => properties.Has(way) && properties.Value(way) is not (null or "")).ToList();
        if (given.Count != 1)
        {
            throw new TaskFailedException(given.Count == 0
                ? $"{context.Task.Path}: Split needs one of bytes, partitions, rows or regexPattern to know how to cut the file (for example rows: 1000)"
                : $"{context.Task.Path}: {string.Join(", ", given)} are set; Split cuts a file one way: keep only one of them");
        }

        switch (given[0])
        {
            case "bytes":
                var text = properties.RequiredString("bytes");
                return ByteSize.TryParse(text, out var limit) && limit > 0
                    ? new Sequential(limit, countRows: false)
                    : throw StorageTaskFiles.Fail(context, "bytes", $"'{text}' is not a size; write a number of bytes of 1 or more, or one with a unit such as 500KB, 10MB or 1GB");
            case "partitions":
                return new RoundRobin(AtLeastOne(context, properties, "partitions"));
            case "rows":
                return new Sequential(AtLeastOne(context, properties, "rows"), countRows: true);
            default:
                return ByKey.Compile(context, properties.RequiredString("regexPattern"));
        }
    }

    private static long AtLeastOne(TaskRunContext context, PropertyReader properties, string name) =>
        properties.Integer(name) is { } value and > 0 ? value : throw StorageTaskFiles.Fail(context, name, "must be a whole number of 1 or more");

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

        public static ByKey Compile(TaskRunContext context, string text)
        {
            Regex regex;
            try
            {
                regex = new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
            }
            catch (ArgumentException ex)
            {
                throw StorageTaskFiles.Fail(context, "regexPattern", $"'{text}' is not a valid regular expression: {ex.Message}");
            }

            return regex.GetGroupNumbers().Length > 1
                ? new ByKey(regex)
                : throw StorageTaskFiles.Fail(context, "regexPattern", $"'{text}' has no capture group; put the part of a line that names its file in parentheses, such as \\[(\\w+)\\]");
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
