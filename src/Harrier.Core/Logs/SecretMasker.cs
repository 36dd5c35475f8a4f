using System.Buffers;

namespace Harrier.Core.Logs;

/// <summary>
/// Replaces known secret values with <c>******</c> in task log lines, outputs, metrics and flow outputs: the values of
/// SECRET inputs, of the worker's <c>SECRET_*</c> variables and of every <c>secret('…')</c> rendered for the task. A
/// multi-line secret (a PEM key) is also masked line by line, as a script printing it delivers it one line at a time.
/// </summary>
/// <remarks>
/// Only exact text is found: a secret transformed (base64, reversed, upper-cased, split differently) is not recognised.
/// Values shorter than <see cref="MinimumLength"/> are not masked: hiding "1" would garble every log line.
/// </remarks>
public sealed class SecretMasker
{
    public const int MinimumLength = 3;
    public const string Mask = "******";

    private readonly Lock _gate = new();
    private string[] _secrets = [];
    private SearchValues<string>? _search;

    public bool IsEmpty => _secrets.Length == 0;

    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            var candidates = new List<string> { secret };
            if (secret.Contains('\n', StringComparison.Ordinal))
            {
                foreach (var line in secret.Split('\n'))
                {
                    candidates.Add(line.TrimEnd('\r'));
                    candidates.Add(line.Trim());
                }
            }

            var added = candidates.Where(c => c.Length >= MinimumLength && !_secrets.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            if (added.Count == 0)
            {
                return;
            }

            // Longest first, so a secret containing another (the whole key, then its lines) is masked whole.
            var all = _secrets.Concat(added).OrderByDescending(s => s.Length).ToArray();
            _search = SearchValues.Create(all, StringComparison.Ordinal);
            _secrets = all;
        }
    }

    public void AddRange(IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Add(secret);
        }
    }

    public string Apply(string text)
    {
        var search = _search;
        if (search is null || text.AsSpan().IndexOfAny(search) < 0)
        {
            // One vectorised scan for every secret at once: the common line holds none.
            return text;
        }

        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// The value with every text in it masked: strings, and the keys and items of maps and lists (copied only
    /// where something changed); other values as they are.
    /// </summary>
    public object? Apply(object? value) => IsEmpty ? value : MaskValue(value);

    private object? MaskValue(object? value)
    {
        switch (value)
        {
            case string text:
                return Apply(text);
            case IReadOnlyDictionary<string, object?> map:
                Dictionary<string, object?>? copy = null;
                foreach (var (key, item) in map)
                {
                    var maskedKey = Apply(key);
                    var maskedItem = MaskValue(item);
                    if (copy is null && (!ReferenceEquals(maskedKey, key) || !ReferenceEquals(maskedItem, item)))
                    {
                        copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                        foreach (var (earlierKey, earlierItem) in map)
                        {
                            if (earlierKey == key)
                            {
                                break;
                            }

                            copy[earlierKey] = earlierItem;
                        }
                    }

                    if (copy is not null)
                    {
                        copy[maskedKey] = maskedItem;
                    }
                }

                return copy ?? value;
            case IReadOnlyList<object?> list:
                List<object?>? items = null;
                for (var i = 0; i < list.Count; i++)
                {
                    var masked = MaskValue(list[i]);
                    if (items is null && !ReferenceEquals(masked, list[i]))
                    {
                        items = [.. list.Take(i)];
                    }

                    items?.Add(masked);
                }

                return items ?? value;
            default:
                return value;
        }
    }
}
