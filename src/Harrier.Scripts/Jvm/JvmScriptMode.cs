namespace Harrier.Scripts.Jvm;

/// <summary>Eval runs the script once; Transform runs it once per row of a file.</summary>
public enum JvmScriptMode
{
    Eval,
    Transform,
}
