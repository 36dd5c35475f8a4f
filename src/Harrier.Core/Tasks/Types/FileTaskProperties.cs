namespace Harrier.Core.Tasks.Types;

/// <summary>File properties shared by script tasks and WorkingDirectory (spec §5).</summary>
public static class FileTaskProperties
{
    public static PropertyDescriptor InputFiles { get; } = new("inputFiles", PropertyKind.MapOrString)
    {
        Description = "Files to create in the working directory: relative path → text content or a harrier://, kestra://, nsfile:// or file:// URI; or a text rendering to such a JSON object.",
    };

    public static PropertyDescriptor OutputFiles { get; } =
        Prop.StringList("outputFiles", "Globs (anchored at the working directory) of files to keep in internal storage after the run.");

    public static PropertyDescriptor NamespaceFiles { get; } = Prop.Object(
        "namespaceFiles",
        "Inject the namespace's files into the working directory; present means enabled.",
        Prop.Boolean("enabled", "Load namespace files.", true),
        Prop.StringList("include", "Only files matching these globs."),
        Prop.StringList("exclude", "Drop files matching these globs."),
        Prop.StringList("namespaces", "Namespaces to read, in order (default: the flow's)."),
        Prop.Boolean("folderPerNamespace", "Put each namespace's files under a folder named after it.", false),
        Prop.Enum("ifExists", "What to do when a file already exists.", "OVERWRITE", "OVERWRITE", "FAIL", "WARN", "IGNORE"));
}
