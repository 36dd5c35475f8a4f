using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Harrier.Core.Expressions.Ast;

namespace Harrier.Core.Expressions.Filters;

/// <summary>URL and base64 coding, hex digests and slugs.</summary>
internal static class EncodingFilters
{
    public static void Register(Dictionary<string, Callable> into)
    {
        into.Add("urlencode", [], 0, (input, _, _) => UrlEncode(FilterRegistry.Text(input, "urlencode")));
        into.Add("urldecode", [], 0, (input, _, _) => Uri.UnescapeDataString(FilterRegistry.Text(input, "urldecode").Replace('+', ' ')));
        into.Add("base64encode", [], 0, (input, _, _) => Convert.ToBase64String(Encoding.UTF8.GetBytes(FilterRegistry.Text(input, "base64encode"))));
        into.Add("base64decode", [], 0, (input, _, _) => Base64Decode(FilterRegistry.Text(input, "base64decode")));
        // md5 and sha1 are checksums users ask for by name (Kestra parity), not security primitives.
#pragma warning disable CA5351, CA5350
        into.Add("md5", [], 0, (input, _, _) => Hex(MD5.HashData(Bytes(input))));
        into.Add("sha1", [], 0, (input, _, _) => Hex(SHA1.HashData(Bytes(input))));
#pragma warning restore CA5351, CA5350
        into.Add("sha256", [], 0, (input, _, _) => Hex(SHA256.HashData(Bytes(input))));
        into.Add("sha512", [], 0, (input, _, _) => Hex(SHA512.HashData(Bytes(input))));
        into.Add("slugify", [], 0, (input, _, _) => Slugify(FilterRegistry.Text(input, "slugify")));
    }

    /// <summary>Java's URLEncoder: spaces become '+', unreserved characters stay, the rest is %XX of UTF-8.</summary>
    private static string UrlEncode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '*' or '_')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Base64Decode(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException ex)
        {
            throw new ExpressionException("the input is not valid base64", ex);
        }
    }

    private static byte[] Bytes(object? input) => Encoding.UTF8.GetBytes(FilterRegistry.Text(input, "hash"));

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    // Unicode decomposition is unavailable under invariant globalization, so common Latin accents are folded by table.
    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöøōőùúûüūůűųýÿźżžšśßłÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮÑŃŇÒÓÔÕÖØŌŐÙÚÛÜŪŮŰŲÝŸŹŻŽŠŚŁ";
    private const string Folded = "aaaaaaaaacccdeeeeeeeeiiiiiinnnoooooooouuuuuuuuyyzzzsssl" + "aaaaaaaaacccdeeeeeeeeiiiiiinnnoooooooouuuuuuuuyyzzzssl";

    /// <summary>Lower-case ASCII words joined by '-': accents are folded, other characters separate words.</summary>
    private static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var original in text)
        {
            var folded = Accented.IndexOf(original, StringComparison.Ordinal);
            var c = folded >= 0 ? Folded[folded] : original;

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString();
    }
}
