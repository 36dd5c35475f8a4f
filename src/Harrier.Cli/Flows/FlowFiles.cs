namespace Harrier.Cli.Flows;

/// <summary>Expands command-line arguments into flow files: files as given, folders searched recursively.</summary>
public static class FlowFiles
{
    public static IEnumerable<string> Expand(IEnumerable<string> arguments)
    {
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                var found = Directory.EnumerateFiles(argument, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in found)
                {
                    yield return file;
                }
            }
            else
            {
                // A missing file is reported by the loader with the file name.
                yield return argument;
            }
        }
    }
}
