using System.Diagnostics;
using System.Text;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Git;

/// <summary>
/// Runs the <c>git</c> executable (the only git implementation with every transport Clone needs, SSH keys
/// included). Credentials travel in the environment, never in argv or logs; output is scrubbed of secrets.
/// </summary>
internal sealed class GitProcess(IReadOnlyDictionary<string, string> environment, SecretScrubber scrubber)
{
    public async Task<string> RunAsync(string? workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        // Never wait for a terminal prompt: a missing credential must fail, not hang.
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new TaskFailedException("could not start git");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new TaskFailedException("the git executable is needed on the worker for io.kestra.plugin.git.Clone and was not found on PATH; install it (apt-get install git)");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = await stdout.ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var command = string.Join(' ', arguments.Take(2));
                var hint = GitErrorHints.For(errors) is { } h ? h + ". " : "";
                throw new TaskFailedException(scrubber.Scrub($"{hint}git {command} failed (exit code {process.ExitCode}): {errors.Trim()}"));
            }

            return output;
        }
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
