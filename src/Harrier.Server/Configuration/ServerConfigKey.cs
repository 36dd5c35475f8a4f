namespace Harrier.Server.Configuration;

/// <summary>
/// One configuration key: its dotted path in the YAML file, the environment variable that overrides it (the path
/// upper-cased, dots as underscores, after <c>HARRIER_</c>), and how a text value sets it (a bad value throws
/// <see cref="FormatException"/> with a sentence).
/// </summary>
public sealed record ServerConfigKey(string Path, string Description, Func<ServerOptions, string, ServerOptions> Apply)
{
    public string EnvironmentVariable => "HARRIER_" + Path.Replace('.', '_').ToUpperInvariant();
}
