using Harrier.Core.Text;
using Harrier.Core.Validation;
using Harrier.Core.Yaml;

namespace Harrier.Server.Configuration;

/// <summary>
/// Reads the server's configuration: the YAML file (every problem reported as <c>FILE:LINE:COL: key: message</c>), then
/// the <c>HARRIER_…</c> environment variables of <see cref="ServerConfigKeys"/>. This is the only place the server reads
/// its environment.
/// </summary>
public static class ServerConfigReader
{
    public static ServerOptions ReadFile(ServerOptions options, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ServerConfigException($"cannot read the configuration file {path}: {ex.Message}");
        }

        return ReadYaml(options, text, path);
    }

    public static ServerOptions ReadYaml(ServerOptions options, string text, string file)
    {
        var diagnostics = new DiagnosticBag(file);
        var root = YamlDocumentReader.Read(text, diagnostics).Root;
        if (!diagnostics.HasErrors && root is not (null or YMapping or YScalar { IsNull: true }))
        {
            diagnostics.Add(root, "", $"the configuration must be a map of keys (server:, dataDir:…), found {root.KindName}");
        }

        if (!diagnostics.HasErrors && root is YMapping map)
        {
            options = Apply(options, map, "", diagnostics);
        }

        if (diagnostics.HasErrors)
        {
            throw new ServerConfigException(string.Join(Environment.NewLine, diagnostics.Sorted().Select(d => d.ToString())));
        }

        return options;
    }

    /// <summary>Applies every <c>HARRIER_…</c> variable of a known key found in <paramref name="environment"/>.</summary>
    public static ServerOptions ReadEnvironment(ServerOptions options, System.Collections.IDictionary environment)
    {
        foreach (var key in ServerConfigKeys.All)
        {
            if (environment[key.EnvironmentVariable] is string value)
            {
                try
                {
                    options = key.Apply(options, value);
                }
                catch (FormatException ex)
                {
                    throw new ServerConfigException($"{key.EnvironmentVariable}: {ex.Message}");
                }
            }
        }

        return options;
    }

    private static ServerOptions Apply(ServerOptions options, YMapping map, string prefix, DiagnosticBag diagnostics)
    {
        foreach (var entry in map.Entries)
        {
            var path = prefix.Length == 0 ? entry.Key.Value : $"{prefix}.{entry.Key.Value}";
            switch (entry.Value)
            {
                case YMapping child when ServerConfigKeys.All.Any(k => k.Path.StartsWith(path + ".", StringComparison.Ordinal)):
                    options = Apply(options, child, path, diagnostics);
                    break;
                case YScalar { IsNull: true }:
                    break;
                case YScalar scalar when ServerConfigKeys.Find(path) is { } key:
                    try
                    {
                        options = key.Apply(options, scalar.Value);
                    }
                    catch (FormatException ex)
                    {
                        diagnostics.Add(scalar, path, ex.Message);
                    }

                    break;
                case var node when ServerConfigKeys.Find(path) is not null:
                    diagnostics.Add(node, path, $"expected a single value, found {node.KindName}");
                    break;
                default:
                    var known = ServerConfigKeys.All.Select(k => k.Path);
                    diagnostics.Add(entry.Key, path, $"unknown configuration key '{path}'{Suggestions.DidYouMean(path, known)}");
                    break;
            }
        }

        return options;
    }
}
