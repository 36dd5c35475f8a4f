using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Runners;

namespace Harrier.Scripts.Python;

/// <summary>
/// <c>python -m pip install --target</c> of a requirement list, as a child of the worker under the task's kill and
/// timeout. pip's own output becomes the task's log (stdout DEBUG, stderr WARN), so a failed install explains itself.
/// </summary>
internal static class PipInstaller
{
    public static async Task InstallAsync(PipInstallRequest request, CancellationToken cancellationToken)
    {
        var requirementsFile = Path.Combine(request.TempDirectory, $"requirements-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(requirementsFile, request.Requirements, cancellationToken).ConfigureAwait(false);
        try
        {
            string[] argv =
            [
                request.Python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input", "--no-cache-dir",
                "--target", request.LibraryDirectory, "--requirement", requirementsFile,
            ];
            var sink = new LevelledSink(request.Logger);
            var result = await request.Runner.RunAsync(new TaskRunnerRequest(argv, request.WorkingDirectory) { Environment = request.Environment }, sink, cancellationToken).ConfigureAwait(false);
            if (result.Killed)
            {
                throw new OperationCanceledException("The task was stopped while installing its dependencies.", cancellationToken);
            }

            if (result.ExitCode != 0)
            {
                throw new TaskFailedException(
                    $"installing dependencies ({string.Join(", ", request.Requirements)}) with pip failed with exit code {result.ExitCode}; " +
                    "pip's messages are in the log above (check the requirement names and the worker's access to the package index)");
            }
        }
        finally
        {
            File.Delete(requirementsFile);
        }
    }

    private sealed class LevelledSink(ITaskLogger logger) : ITaskOutputSink
    {
        public void OnStdout(string line) => logger.Log(TaskLogLevel.Debug, line);

        public void OnStderr(string line) => logger.Log(TaskLogLevel.Warn, line);
    }
}
