using Harrier.Docker.Settings;
using Harrier.Scripts.Runners;

namespace Harrier.Docker.Tests.Support;

/// <summary>Builds requests for a shell command in the test image, with labels unique to the test.</summary>
internal static class DockerRun
{
    public static DockerRunnerSettings Settings(string image = TestEngine.Image) => new() { Image = image, Host = TestEngine.Host };

    public static DockerContainerLabels Labels(string taskId = "t1", int attempt = 0) =>
        new("company.team", "docker-tests", taskId, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), attempt);

    public static DockerRunRequest Shell(string script, string workingDirectory, DockerRunnerSettings? settings = null, IReadOnlyDictionary<string, string>? environment = null) =>
        new(new TaskRunnerRequest(["/bin/sh", "-c", script], workingDirectory) { Environment = environment ?? new Dictionary<string, string>(), InheritEnvironment = false },
            settings ?? Settings(), Labels());
}
