namespace Harrier.Scripts.Commands;

/// <summary>A task's <c>targetOS</c>: decides the line separator and the failFast flavour.</summary>
public enum TargetOs
{
    Auto,
    Linux,
    Windows,
}
