using System.Security.Cryptography;

namespace Harrier.Core.Engine;

/// <summary>Random base62 identifiers like Kestra's (22 characters ≈ 131 bits), safe in URLs and file names.</summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(int length = 22) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>
    /// An id that depends only on <paramref name="seed"/> (a ForEachItem's child: its run's id and iteration), so that a
    /// pass planned again decides the same one; as unguessable as the seed, unique as long as seeds are.
    /// </summary>
    public static string From(string seed, int length = 22)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[hash[i] % Alphabet.Length];
        }

        return new string(chars);
    }
}
