namespace Harrier.Scripts.Helpers;

/// <summary>Settings of <see cref="HelperEnvironment"/>.</summary>
public sealed class HelperEnvironmentOptions
{
    /// <summary>
    /// Where the helper files are written. Default: <c>&lt;temp&gt;/harrier-helpers/&lt;content hash&gt;</c>,
    /// so every Harrier version gets its own folder and concurrent workers share one.
    /// </summary>
    public string? Directory { get; set; }
}
