using System.CommandLine;
using System.Text.Json.Nodes;
using Harrier.Cli.Remote;
using Harrier.Core.Flows;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Flows;

/// <summary>
/// <c>harrier flow deploy FILE|DIR... --server URL [--namespace NS] [--delete]</c>: deploys flows to a server a namespace
/// at a time (Kestra's <c>flow namespace update</c>). Every file is validated here first, with the messages of
/// <c>harrier flow validate</c>; one invalid file and nothing is sent. <c>--delete</c> removes the namespace's flows that
/// are not among the files. Exit 0 when deployed, 1 when refused.
/// </summary>
public static class FlowDeployCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Flow files, or folders searched for *.yml and *.yaml.", Arity = ArgumentArity.OneOrMore };
        var server = ServerConnection.ServerOption();
        var config = ServerConnection.ConfigOption();
        var ns = new Option<string?>("--namespace") { Description = "Every flow must be in this namespace (as Kestra's flow namespace update)." };
        var delete = new Option<bool>("--delete") { Description = "Delete the namespace's flows that are not among the files." };
        var command = new Command("deploy", "Deploy flows to a server, a namespace at a time.") { files, server, config, ns, delete };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            var url = parseResult.GetValue(server) ?? throw new ArgumentException("give the server to deploy to with --server URL");
            var loaded = Load(parseResult.GetValue(files) ?? [], error);
            if (loaded is null)
            {
                return 1;
            }

            if (parseResult.GetValue(ns) is { } only && loaded.FirstOrDefault(f => f.Flow.Namespace != only) is { } foreign)
            {
                await error.WriteLineAsync($"{foreign.File}: flow {foreign.Flow.Namespace}.{foreign.Flow.Id} is not in namespace {only}").ConfigureAwait(false);
                return 1;
            }

            using var http = ServerConnection.Open(url, parseResult.GetValue(config));
            foreach (var group in loaded.GroupBy(f => f.Flow.Namespace, StringComparer.Ordinal))
            {
                var body = string.Join("\n---\n", group.Select(f => f.Source.TrimEnd('\n')));
                using var request = new HttpRequestMessage(HttpMethod.Post, $"flows/{Uri.EscapeDataString(group.Key)}?delete={(parseResult.GetValue(delete) ? "true" : "false")}")
                {
                    Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-yaml"),
                };
                using var response = await RemoteCall.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
                var flows = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))!.AsArray();
                foreach (var flow in flows.Select(f => f!.AsObject()))
                {
                    var name = $"{flow["namespace"]!.GetValue<string>()}.{flow["id"]!.GetValue<string>()}";
                    await output.WriteLineAsync(flow["deleted"]?.GetValue<bool>() == true
                        ? $"deleted  {name}"
                        : $"deployed {name} (revision {flow["revision"]!.GetValue<int>()})").ConfigureAwait(false);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Every file loaded, or null after printing the problems of the invalid ones.</summary>
    private static List<(string File, string Source, FlowDefinition Flow)>? Load(IEnumerable<string> arguments, TextWriter error)
    {
        var loader = HarrierHost.CreateFlowLoader();
        var loaded = new List<(string, string, FlowDefinition)>();
        var invalid = false;
        foreach (var file in FlowFiles.Expand(arguments))
        {
            var result = loader.LoadFile(file);
            if (result.Flow is not { } flow)
            {
                invalid = true;
                foreach (var diagnostic in result.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToString());
                }

                continue;
            }

            loaded.Add((file, File.ReadAllText(file), flow));
        }

        if (loaded.Count == 0 && !invalid)
        {
            error.WriteLine("no flow files found");
            return null;
        }

        if (loaded.GroupBy(f => (f.Item3.Namespace, f.Item3.Id)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            error.WriteLine($"flow {twice.Key.Namespace}.{twice.Key.Id} is in {string.Join(" and ", twice.Select(f => f.Item1))}; keep one");
            return null;
        }

        return invalid ? null : loaded;
    }
}
