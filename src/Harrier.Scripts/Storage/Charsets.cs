using System.Text;

namespace Harrier.Scripts.Storage;

/// <summary>Java charset names (<c>UTF-8</c>, <c>ISO-8859-1</c>, <c>windows-1252</c>…) to encodings that write no byte-order mark.</summary>
internal static class Charsets
{
    public static Encoding? Find(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("UTF8", StringComparison.OrdinalIgnoreCase))
        {
            return StorageTaskFiles.Utf8;
        }

        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException)
        {
            // Not one of .NET's built-in encodings: the code pages (windows-1252, IBM437…) may know it.
            return CodePagesEncodingProvider.Instance.GetEncoding(trimmed);
        }
    }
}
