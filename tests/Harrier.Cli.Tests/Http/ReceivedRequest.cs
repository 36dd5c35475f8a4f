using System.Text;

namespace Harrier.Cli.Tests.Http;

/// <summary>One request the loopback server received.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
