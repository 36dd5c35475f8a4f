namespace Harrier.Scripts.Runners.Process;

/// <summary>What to start: the resolved executable, the argv (argv[0] as the user wrote it), where and with what environment.</summary>
internal sealed record ChildStartInfo(
    string Executable,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment);
