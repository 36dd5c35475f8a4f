using System.Security.Cryptography;
using System.Text;

namespace Harrier.Core.Inputs;

/// <summary>
/// SECRET inputs are encrypted at rest (spec §11.2): sealed with AES-256-GCM before the execution is stored, and
/// opened only where a task or an expression reads them. Displays show <see cref="Mask"/> instead.
/// </summary>
/// <remarks>
/// A sealed value is <c>harrier-sealed:v1:</c> + base64(nonce ‖ ciphertext ‖ tag), a fresh random nonce each time.
/// GCM authenticates: a value sealed under another key, or edited in the database, fails to open instead of
/// yielding garbage.
/// </remarks>
public sealed class SecretInputCipher
{
    public const string Mask = Logs.SecretMasker.Mask;
    public const int KeySize = 32;
    private const string Prefix = "harrier-sealed:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public SecretInputCipher(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"A SECRET input key has {KeySize} bytes, not {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A cipher with a key of its own that lives as long as the process (tests, throw-away engines).</summary>
    public static SecretInputCipher Ephemeral() => new(RandomNumberGenerator.GetBytes(KeySize));

    public static bool IsSealed(object? value) => value is string text && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A copy of <paramref name="value"/> for display, with every sealed value shown as <see cref="Mask"/>.</summary>
    public static object? Masked(object? value) => value switch
    {
        string text => IsSealed(text) ? Mask : text,
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(pair => pair.Key, pair => Masked(pair.Value), StringComparer.Ordinal),
        IReadOnlyList<object?> list => list.Select(Masked).ToList(),
        _ => value,
    };

    public string Seal(string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plainBytes, sealedBytes.AsSpan(NonceSize, plainBytes.Length), sealedBytes.AsSpan(NonceSize + plainBytes.Length));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plain value, or null when <paramref name="sealedValue"/> is not a value this key sealed.</summary>
    public string? TryOpen(string sealedValue)
    {
        if (!IsSealed(sealedValue))
        {
            return null;
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(sealedValue[Prefix.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var cipherLength = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, cipherLength), sealedBytes.AsSpan(NonceSize + cipherLength), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }
}
