using System.CommandLine;

using Harrier.Server.Hosting;

namespace Harrier.Cli.Running;

/// <summary>
/// <c>harrier run FLOW.yml</c>: runs a flow to its end in this process, printing task logs live. Exit 0 on
/// SUCCESS or WARNING, 1 on FAILED or KILLED, 2 when the flow or its inputs are invalid.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("flow") { Description = "The flow file (YAML)." };
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "An input value, NAME=VALUE (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var inputs = new Option<string?>("--inputs") { Description = "A JSON file with input values by name." };
        var json = new Option<bool>("--json") { Description = "Print only the final execution as one JSON object on stdout (logs go to stderr)." };
        var logs = new Option<bool>("--logs") { Description = "With --json, include the execution's logs in the JSON." };
        var dataDir = new Option<string>("--data-dir") { Description = "Where executions, logs and files are stored.", DefaultValueFactory = _ => ".harrier" };
        var slots = new Option<int?>("--workers") { Description = "Task runs executed at once (default: cores, at least 2)." };
        var defaultRunner = new Option<string>("--default-runner")
        {
            Description = "Runner of script tasks that name none: process (default) or docker.",
            DefaultValueFactory = _ => "process",
        };
        defaultRunner.AcceptOnlyFromAmong("process", "docker");
        var volumes = new Option<bool>(Docker.DockerServerOptions.HostAccessFlag, "--allow-docker-volumes")
        {
            Description = "Let Docker-runner tasks reach the host: bind mounts (volumes), privileged, networkMode host; off by default.",
        };
        var flows = new Option<string[]>("--flows")
        {
            Description = "A folder of flows Subflows may start (repeatable; read recursively).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("run", "Run a flow to its end in this process and print its logs live.")
        {
            file, input, inputs, json, logs, dataDir, slots, defaultRunner, volumes, flows,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new RunRequest
            {
                FlowFile = parseResult.GetValue(file)!,
                Inputs = parseResult.GetValue(input) ?? [],
                InputsFile = parseResult.GetValue(inputs),
                Json = parseResult.GetValue(json),
                IncludeLogs = parseResult.GetValue(logs),
                DataDirectory = parseResult.GetValue(dataDir)!,
                WorkerSlots = parseResult.GetValue(slots),
                FlowDirectories = parseResult.GetValue(flows) ?? [],
                Host = new HostOptions { DefaultRunner = parseResult.GetValue(defaultRunner)!, DockerVolumesEnabled = parseResult.GetValue(volumes) },
            };
            var configuration = parseResult.InvocationConfiguration;
            return new FlowRunner(configuration.Output, configuration.Error).RunAsync(request, cancellationToken);
        });
        return command;
    }
}
