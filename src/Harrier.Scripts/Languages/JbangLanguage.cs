namespace Harrier.Scripts.Languages;

/// <summary>
/// JBang (Java): a Script task runs <c>jbang --quiet &lt;file&gt;</c>; the file's extension (<c>.java</c> by default,
/// also <c>.jsh</c>, <c>.kt</c>…) and <c>--quiet</c> are the task's <c>extension</c> and <c>quiet</c> properties.
/// </summary>
public sealed class JbangLanguage(string extension = ".java", bool quiet = true) : ScriptLanguage
{
    public override string Name => "jbang";

    public override string? ScriptFileExtension { get; } = extension.StartsWith('.') ? extension : "." + extension;

    public override string DefaultContainerImage => "jbangdev/jbang-action";

    public override ToolRequirement? RequiredTool { get; } = new("jbang", "install JBang so that 'jbang' is on PATH (it is not packaged for Debian)");

    protected override string RunTool => quiet ? "jbang --quiet" : "jbang";

    /// <summary>The same language with a task's <c>extension</c> and <c>quiet</c>.</summary>
    public static JbangLanguage With(string? extension, bool quiet) => new(string.IsNullOrWhiteSpace(extension) ? ".java" : extension.Trim(), quiet);
}
