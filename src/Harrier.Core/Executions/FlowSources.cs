using System.Security.Cryptography;
using System.Text;

namespace Harrier.Core.Executions;

/// <summary>Ids of flow documents: the SHA-256 of the text, so equal documents are stored once and cached once.</summary>
public static class FlowSources
{
    public static string IdOf(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
}
