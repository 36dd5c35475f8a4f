using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Harrier.Core.Storage;

/// <summary>
/// A path's owner and mode, which .NET does not expose: Linux <c>statx(2)</c>, whose result layout is the same on every
/// architecture (uid at byte 20, mode at byte 28 of a 256-byte record).
/// </summary>
internal static partial class FileStatus
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int TypeMask = 0xF000;
    private const int DirectoryType = 0x4000;
    private const int LinkType = 0xA000;

    public static (uint Uid, UnixFileMode Mode, bool IsDirectory, bool IsLink) Of(string path, bool followLink)
    {
        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, path, followLink ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            throw new IOException($"cannot read the owner of '{path}': {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        var uid = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(20));
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28));
        var type = mode & TypeMask;
        return (uid, (UnixFileMode)(mode & 0xFFF), type == DirectoryType, type == LinkType);
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, [Out] byte[] buffer);
}
