using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Harrier.Cli.Tests.Running;

/// <summary>
/// A pure-Python wheel built on the spot (a zip with its dist-info), so pip installs it with no package index:
/// these machines have no network, and a local wheel path is a valid requirement line.
/// </summary>
internal static class LocalWheel
{
    public static string Create(string directory, string package, string moduleSource)
    {
        var distInfo = $"{package}-1.0.dist-info";
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{package}/__init__.py"] = moduleSource,
            [$"{distInfo}/METADATA"] = $"Metadata-Version: 2.1\nName: {package.Replace('_', '-')}\nVersion: 1.0\n",
            [$"{distInfo}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: harrier-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        };
        var record = new StringBuilder();
        foreach (var (name, content) in files)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            var hash = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append($"{name},sha256={hash},{bytes.Length}\n");
        }

        record.Append($"{distInfo}/RECORD,,\n");
        files[$"{distInfo}/RECORD"] = record.ToString();

        var path = Path.Combine(directory, $"{package}-1.0-py3-none-any.whl");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in files)
        {
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write(content);
        }

        return path;
    }
}
