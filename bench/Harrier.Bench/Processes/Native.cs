using System.Runtime.InteropServices;

namespace Harrier.Bench.Processes;

/// <summary>
/// libc calls for spawning and reaping children ourselves: the lightest way to start a process from
/// .NET (no pipes, no reaper thread hand-off), so floors measure the operating system, not the harness.
/// </summary>
internal static unsafe partial class Native
{
    public const int EINTR = 4;
    public const int O_WRONLY = 0x1;
    public const int O_CREAT = 0x40;
    public const int O_TRUNC = 0x200;

    /// <summary>glibc's posix_spawn_file_actions_t is 80 bytes on x86_64 and arm64; this leaves room.</summary>
    public const int FileActionsSize = 256;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawn_file_actions_init(nint fileActions);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int posix_spawn_file_actions_destroy(nint fileActions);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addopen(nint fileActions, int fd, string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawnp(out int pid, string file, nint fileActions, nint attributes, nint* argv, nint* envp);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int wait4(int pid, out int status, int options, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals then fourteen longs; ru_maxrss (KiB) comes first.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRssKb;
        public fixed long Rest[13];
    }
}
