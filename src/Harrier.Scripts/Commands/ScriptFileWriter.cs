using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Commands;

/// <summary>
/// Turns a Script task's rendered code into the commands to run: Shell's text is the command itself;
/// other languages get a file named with random digits and the language extension in the working
/// directory (the language prelude first), and the language's run command for it.
/// </summary>
public static class ScriptFileWriter
{
    /// <param name="context">Where the runner sees the working directory; its FileName is replaced by the new file's.</param>
    public static async Task<IReadOnlyList<string>> WriteAndBuildCommandsAsync(
        IScriptLanguage language, string renderedScript, string localWorkingDirectory, ScriptFileContext context, CancellationToken cancellationToken)
    {
        if (language.ScriptFileExtension is not { } extension)
        {
            return [renderedScript];
        }

        var fileName = RandomDigits() + extension;
        var content = language.ScriptFileContent(renderedScript);
        await File.WriteAllTextAsync(Path.Combine(localWorkingDirectory, fileName), content, new UTF8Encoding(false), cancellationToken);
        return [language.BuildScriptCommand(context with { FileName = fileName })];
    }

    // Like the platform temp-file names Kestra gets (e.g. 7264512093381.py): digits only, no collisions in practice.
    private static string RandomDigits()
    {
        var value = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
        return (1_000_000_000_000 + (value % 9_000_000_000_000_000_000)).ToString(CultureInfo.InvariantCulture);
    }
}
