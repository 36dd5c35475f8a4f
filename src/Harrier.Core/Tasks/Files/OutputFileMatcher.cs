using System.Text.RegularExpressions;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Files;

/// <summary>
/// One <c>outputFiles</c> entry (spec §5.2): a Java glob anchored at the working directory (matched against the
/// path relative to it, which is what Kestra's <c>glob:&lt;workingDir&gt;/&lt;pattern&gt;</c> amounts to), or a raw
/// <c>glob:</c>/<c>regex:</c> matched against the absolute path.
/// </summary>
public sealed class OutputFileMatcher
{
    private readonly Func<string, string, bool> _matches;

    private OutputFileMatcher(Func<string, string, bool> matches) => _matches = matches;

    public bool IsMatch(string relativePath, string absolutePath) => _matches(relativePath, absolutePath);

    public static OutputFileMatcher Create(string pattern)
    {
        try
        {
            if (pattern.StartsWith("regex:", StringComparison.Ordinal))
            {
                var regex = new Regex(@"\A(?:" + pattern["regex:".Length..] + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                return new((_, absolute) => regex.IsMatch(absolute));
            }

            if (pattern.StartsWith("glob:", StringComparison.Ordinal))
            {
                var absoluteGlob = JavaGlob.Compile(pattern["glob:".Length..]);
                return new((_, absolute) => absoluteGlob.IsMatch(absolute));
            }

            var glob = JavaGlob.Compile(pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern);
            return new((relative, _) => glob.IsMatch(relative));
        }
        catch (ArgumentException ex)
        {
            throw new TaskFailedException($"outputFiles '{pattern}': {ex.Message}", ex);
        }
    }
}
