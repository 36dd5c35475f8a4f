using System.Security.Cryptography;

namespace Harrier.Core.Engine;

/// <summary>Random base62 identifiers like Kestra's (22 characters ≈ 131 bits), safe in URLs and file names.</summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(int length = 22) => RandomNumberGenerator.GetString(Alphabet, length);
}
