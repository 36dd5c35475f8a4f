using System.Runtime.InteropServices;

namespace Harrier.Scripts.Runners.Process;

/// <summary>libc's <c>struct pollfd</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    public int Fd;
    public short Events;
    public short ReturnedEvents;
}
