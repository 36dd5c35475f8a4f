using System.Runtime.InteropServices;

namespace Harrier.Persistence;

/// <summary>link(2) from the C library: the one call that creates a name only if it does not exist yet, atomically.</summary>
internal static partial class UnixLink
{
    /// <summary>EEXIST on Linux and macOS alike.</summary>
    public const int EEXIST = 17;

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int link(string oldPath, string newPath);
}
