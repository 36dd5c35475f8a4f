using System.Runtime.InteropServices;

namespace Harrier.Scripts.Runners.Process;

/// <summary>NUL-terminated UTF-8 strings and string arrays in native memory, all freed together.</summary>
internal sealed unsafe class NativeStrings : IDisposable
{
    private readonly List<nint> _strings = [];
    private readonly List<nint> _arrays = [];

    public byte* Add(string text)
    {
        var pointer = (byte*)Marshal.StringToCoTaskMemUTF8(text);
        _strings.Add((nint)pointer);
        return pointer;
    }

    /// <summary>A NULL-terminated array of strings (argv/envp shape).</summary>
    public byte** AddArray(IReadOnlyList<string> items)
    {
        var array = (byte**)NativeMemory.Alloc((nuint)(items.Count + 1), (nuint)sizeof(byte*));
        _arrays.Add((nint)array);
        for (var i = 0; i < items.Count; i++)
        {
            array[i] = Add(items[i]);
        }

        array[items.Count] = null;
        return array;
    }

    public void Dispose()
    {
        _strings.ForEach(Marshal.FreeCoTaskMem);
        _arrays.ForEach(array => NativeMemory.Free((void*)array));
        _strings.Clear();
        _arrays.Clear();
    }
}
