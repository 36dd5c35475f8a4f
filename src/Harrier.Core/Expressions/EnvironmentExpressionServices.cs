using System.Text;

namespace Harrier.Core.Expressions;

/// <summary>
/// Services for rendering outside an execution: secrets come from <c>SECRET_NAME</c> environment variables
/// holding base64 (Kestra OSS behaviour); storage functions fail because there is no execution to read from.
/// </summary>
public sealed class EnvironmentExpressionServices : IExpressionServices
{
    public static EnvironmentExpressionServices Instance { get; } = new(TimeProvider.System);

    public EnvironmentExpressionServices(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
    }

    public TimeProvider TimeProvider { get; }

    public string ReadFile(string uriOrPath) => throw NeedsExecution("read");

    public string FileUri(string path) => throw NeedsExecution("fileURI");

    public long FileSize(string uri) => throw NeedsExecution("fileSize");

    public IReadOnlyList<object?> ErrorLogs() => [];

    public string? GetSecret(string name)
    {
        var encoded = Environment.GetEnvironmentVariable("SECRET_" + name);
        if (encoded is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
        }
        catch (FormatException ex)
        {
            throw new ExpressionException($"Secret '{name}' is not valid base64 in environment variable SECRET_{name}", ex);
        }
    }

    private static ExpressionException NeedsExecution(string function) =>
        new($"{function}() needs an execution context");
}
