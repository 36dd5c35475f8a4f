using System.Text.Json;
using Docker.DotNet;

namespace Harrier.Docker.Running;

/// <summary>
/// Tells a container start that failed because of the task's command (its program is missing or cannot be executed)
/// from an engine failure. The former is the user's error and ends the run like a shell — and <c>docker run</c> — does:
/// exit code 127 (not found) or 126 (cannot execute), with the engine's reason on stderr. The rule is the docker CLI's
/// (<c>runStartContainerErr</c>), so a flow sees the same code on Harrier as with <c>docker run</c>.
/// </summary>
internal static class StartFailures
{
    public const int CommandNotFoundExitCode = 127;
    public const int CannotExecuteExitCode = 126;

    /// <summary>127 or 126 when <paramref name="exception"/> says the command could not be started, else null.</summary>
    public static int? ExitCodeOf(DockerApiException exception)
    {
        var reason = Reason(exception);
        if (reason.Contains("executable file not found", StringComparison.Ordinal) || reason.Contains("no such file or directory", StringComparison.Ordinal))
        {
            return CommandNotFoundExitCode;
        }

        if (reason.Contains("permission denied", StringComparison.Ordinal) || reason.Contains("is a directory", StringComparison.Ordinal))
        {
            return CannotExecuteExitCode;
        }

        return null;
    }

    /// <summary>The engine's own sentence (the <c>message</c> of its JSON error body), or the whole body when it is not JSON.</summary>
    public static string Reason(DockerApiException exception)
    {
        var body = exception.ResponseBody ?? string.Empty;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString() ?? body;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body is the reason.
        }

        return body;
    }
}
