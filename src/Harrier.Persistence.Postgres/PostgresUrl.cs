using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// Reads a database address written as a URL (<c>postgresql://user:password@host:port/database?param=value</c>, the
/// form PostgreSQL's own tools and Kestra's <c>datasources.postgres.url</c> use, with or without a <c>jdbc:</c> prefix)
/// or as an Npgsql connection string, and writes it without its password for messages.
/// </summary>
public static class PostgresUrl
{
    private const string Example = "postgresql://harrier:secret@127.0.0.1:5432/harrier";

    public static string ToConnectionString(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new PostgresConfigException($"The PostgreSQL url is empty. Write it like {Example}.");
        }

        var text = url.Trim();
        if (text.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["jdbc:".Length..];
        }

        if (!text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return FromConnectionString(text);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new PostgresConfigException($"The PostgreSQL url '{Redact(url)}' is not a valid URL. Write it like {Example}.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = Uri.UnescapeDataString(uri.Host) };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            SetParameter(builder, key, value, url);
        }

        return builder.ConnectionString;
    }

    /// <summary>The address with any password replaced by <c>***</c> (URL or connection string alike).</summary>
    public static string Redact(string url)
    {
        var text = url.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var at = text.IndexOf('@', scheme + 3);
            var colon = at < 0 ? -1 : text.IndexOf(':', scheme + 3, at - scheme - 3);
            var redacted = colon < 0 ? text : text[..(colon + 1)] + "***" + text[at..];
            // A password given as a query parameter goes too.
            return System.Text.RegularExpressions.Regex.Replace(redacted, "(?i)([?&]password=)[^&]*", "$1***");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "***";
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(an unreadable connection string)";
        }
    }

    private static string FromConnectionString(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text).ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new PostgresConfigException(
                $"The PostgreSQL url '{Redact(text)}' is neither a postgresql:// URL nor a connection string ({ex.Message}). Write it like {Example}.", ex);
        }
    }

    private static void SetParameter(NpgsqlConnectionStringBuilder builder, string key, string value, string url)
    {
        // libpq's names for the common parameters, else Npgsql's own keywords (Pooling, Timeout…).
        var keyword = key.ToLowerInvariant() switch
        {
            "sslmode" => "SSL Mode",
            "user" => "Username",
            "connect_timeout" => "Timeout",
            "application_name" => "Application Name",
            "options" => "Options",
            _ => key,
        };
        try
        {
            builder[keyword] = keyword == "SSL Mode" ? SslMode(value) : value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new PostgresConfigException($"The PostgreSQL url '{Redact(url)}' has a parameter '{key}' that cannot be used: {ex.Message}", ex);
        }
    }

    private static string SslMode(string value) => value.ToLowerInvariant() switch
    {
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        var other => other,
    };
}
