using System.Text;
using System.Text.RegularExpressions;

namespace Harrier.Core.Storage;

/// <summary>
/// Java NIO's <c>glob:</c> syntax (what Kestra's <c>outputFiles</c> and namespace-file filters use), translated the
/// way <c>sun.nio.fs.Globs.toUnixRegexPattern</c> does: <c>*</c> stays within a segment, <c>**</c> crosses '/',
/// <c>?</c> is one non-'/' character, <c>[abc]</c>/<c>[!a-c]</c> never match '/', <c>{a,b}</c> (not nested),
/// <c>\</c> escapes. The whole text must match. .NET's own patterns and FileSystemGlobbing differ (their
/// <c>**</c> matches zero folders in <c>**/x</c>; Java's needs one), hence this port.
/// </summary>
public sealed class JavaGlob
{
    private const string RegexMeta = ".^$+{[]|()";
    private const string GlobMeta = "\\*?[{";
    private readonly Regex _regex;

    private JavaGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    public bool IsMatch(string path) => _regex.IsMatch(path);

    /// <summary>Compiles a glob; a malformed one throws <see cref="ArgumentException"/> with Java's reason.</summary>
    public static JavaGlob Compile(string glob) =>
        new(glob, new Regex(ToRegex(glob), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));

    public static string ToRegex(string glob)
    {
        var regex = new StringBuilder(@"\A");
        var inGroup = false;
        var i = 0;
        while (i < glob.Length)
        {
            var c = glob[i++];
            switch (c)
            {
                case '\\':
                    if (i == glob.Length)
                    {
                        throw Invalid(glob, "no character to escape");
                    }

                    var next = glob[i++];
                    regex.Append(GlobMeta.Contains(next, StringComparison.Ordinal) || RegexMeta.Contains(next, StringComparison.Ordinal) ? "\\" + next : Regex.Escape(next.ToString()));
                    break;
                case '[':
                    i = AppendClass(glob, i, regex);
                    break;
                case '{':
                    regex.Append(inGroup ? throw Invalid(glob, "cannot nest groups") : "(?:(?:");
                    inGroup = true;
                    break;
                case '}':
                    regex.Append(inGroup ? "))" : "\\}");
                    inGroup = false;
                    break;
                case ',':
                    regex.Append(inGroup ? ")|(?:" : ",");
                    break;
                case '*':
                    if (i < glob.Length && glob[i] == '*')
                    {
                        regex.Append(".*");
                        i++;
                    }
                    else
                    {
                        regex.Append("[^/]*");
                    }

                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return inGroup ? throw Invalid(glob, "missing '}'") : regex.Append(@"\z").ToString();
    }

    /// <summary>A bracket class after its '['; Java's <c>[[^/]&amp;&amp;[…]]</c> becomes a negative look-ahead for '/'.</summary>
    private static int AppendClass(string glob, int i, StringBuilder regex)
    {
        regex.Append("(?!/)[");
        if (Peek(glob, i) == '^')
        {
            regex.Append("\\^");
            i++;
        }
        else
        {
            if (Peek(glob, i) == '!')
            {
                regex.Append('^');
                i++;
            }

            if (Peek(glob, i) == '-')
            {
                regex.Append("\\-");
                i++;
            }
        }

        var hasRangeStart = false;
        var last = '\0';
        var closed = false;
        while (i < glob.Length)
        {
            var c = glob[i++];
            if (c == ']')
            {
                closed = true;
                break;
            }

            if (c == '/')
            {
                throw Invalid(glob, "explicit '/' in a [class]");
            }

            if (c == '-')
            {
                if (!hasRangeStart)
                {
                    throw Invalid(glob, "invalid range");
                }

                var end = Peek(glob, i++);
                if (end is '\0' or ']')
                {
                    regex.Append("\\-");
                    closed = end == ']';
                    break;
                }

                if (end < last)
                {
                    throw Invalid(glob, "invalid range");
                }

                regex.Append('-').Append(ClassChar(end));
                hasRangeStart = false;
            }
            else
            {
                regex.Append(ClassChar(c));
                hasRangeStart = true;
                last = c;
            }
        }

        if (!closed)
        {
            throw Invalid(glob, "missing ']'");
        }

        regex.Append(']');
        return i;
    }

    private static string ClassChar(char c) => c is '\\' or '[' or ']' or '^' or '-' ? "\\" + c : c.ToString();

    private static char Peek(string glob, int i) => i < glob.Length ? glob[i] : '\0';

    private static ArgumentException Invalid(string glob, string reason) => new($"invalid glob '{glob}': {reason}");
}
