namespace Harrier.Server.Hosting;

/// <summary>What one scan of <c>--flows DIR</c> did: flows deployed (new revisions), flows deleted, problems of invalid files.</summary>
public sealed class FlowSyncReport
{
    public List<string> Deployed { get; } = [];

    public List<string> Deleted { get; } = [];

    /// <summary><c>FILE:LINE:COL: path: message</c>, as <c>harrier flow validate</c> prints them.</summary>
    public List<string> Invalid { get; } = [];
}
