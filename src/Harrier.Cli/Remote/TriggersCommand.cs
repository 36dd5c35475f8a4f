using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Harrier.Cli.Remote;

/// <summary>
/// <c>harrier triggers list|enable|disable|backfill --server URL</c>: the triggers of a server's deployed flows, as its
/// triggers API gives them. Triggers live in the server's scheduler, so these commands need <c>--server</c>.
/// </summary>
public static class TriggersCommand
{
    public static Command Create()
    {
        var command = new Command("triggers", "List, enable, disable and backfill the triggers of a server's flows.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Toggle("enable", disabled: false));
        command.Subcommands.Add(Toggle("disable", disabled: true));
        command.Subcommands.Add(Backfill());
        return command;
    }

    private static Command List()
    {
        var (server, config) = (ServerConnection.ServerOption(), ServerConnection.ConfigOption());
        var ns = new Option<string?>("--namespace") { Description = "Only triggers of this namespace and those under it." };
        var flow = new Option<string?>("--flow") { Description = "Only triggers of this flow id." };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON." };
        var command = new Command("list", "List triggers: type, enabled or not, last and next slot, running backfill, last error.") { server, config, ns, flow, json };
        command.SetAction(async (parse, ct) =>
        {
            using var http = Open(parse, server, config);
            var query = "triggers/search?size=10000"
                + (parse.GetValue(ns) is { } n ? $"&filters[namespace][PREFIX]={Uri.EscapeDataString(n)}" : "")
                + (parse.GetValue(flow) is { } f ? $"&filters[flowId][EQUALS]={Uri.EscapeDataString(f)}" : "");
            var page = await RemoteCall.GetJsonAsync(http, query, ct).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(page.ToJsonString()).ConfigureAwait(false);
                return 0;
            }

            foreach (var item in page["results"]!.AsArray())
            {
                await output.WriteLineAsync(Describe(item!["triggerContext"]!.AsObject())).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command Toggle(string name, bool disabled)
    {
        var (server, config) = (ServerConnection.ServerOption(), ServerConnection.ConfigOption());
        var (ns, flow, trigger) = KeyArguments();
        var command = new Command(name, $"{(disabled ? "Disable" : "Enable")} a trigger (the flow's own 'disabled' is overridden until changed again).") { ns, flow, trigger, server, config };
        command.SetAction(async (parse, ct) =>
        {
            using var http = Open(parse, server, config);
            var body = Key(parse, ns, flow, trigger);
            body["disabled"] = disabled;
            var context = await SendAsync(http, HttpMethod.Put, "triggers", body, ct).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync(Describe(context)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Backfill()
    {
        var (server, config) = (ServerConnection.ServerOption(), ServerConnection.ConfigOption());
        var (ns, flow, trigger) = KeyArguments();
        var start = new Option<string?>("--start") { Description = "First date to run (ISO-8601, e.g. 2026-11-01T00:00:00Z)." };
        var end = new Option<string?>("--end") { Description = "Last date to run (default: now)." };
        var inputs = new Option<string[]>("--input") { Description = "An input of the executions it starts, NAME=VALUE; repeatable." };
        var labels = new Option<string[]>("--label") { Description = "A label of the executions it starts, KEY:VALUE; repeatable." };
        var pause = new Option<bool>("--pause") { Description = "Pause the running backfill." };
        var resume = new Option<bool>("--resume") { Description = "Resume the paused backfill." };
        var delete = new Option<bool>("--delete") { Description = "Stop and forget the running backfill." };
        var command = new Command("backfill", "Run every slot of a schedule between two dates once, in order; or pause, resume or delete the running backfill.")
        {
            ns, flow, trigger, server, config, start, end, inputs, labels, pause, resume, delete,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var http = Open(parse, server, config);
            var body = Key(parse, ns, flow, trigger);
            var actions = new[] { parse.GetValue(pause), parse.GetValue(resume), parse.GetValue(delete) }.Count(a => a);
            if (actions > 1 || (actions == 1 && parse.GetValue(start) is not null))
            {
                throw new ArgumentException("give either --start (with --end) to start a backfill, or one of --pause, --resume, --delete");
            }

            JsonObject context;
            if (actions == 1)
            {
                var (method, path) = parse.GetValue(pause) ? (HttpMethod.Put, "triggers/backfill/pause")
                    : parse.GetValue(resume) ? (HttpMethod.Put, "triggers/backfill/unpause") : (HttpMethod.Post, "triggers/backfill/delete");
                context = await SendAsync(http, method, path, body, ct).ConfigureAwait(false);
            }
            else
            {
                var backfill = new JsonObject { ["start"] = parse.GetValue(start) ?? throw new ArgumentException("--start is required to start a backfill (or give --pause, --resume or --delete)") };
                if (parse.GetValue(end) is { } until)
                {
                    backfill["end"] = until;
                }

                backfill["inputs"] = Pairs(parse.GetValue(inputs), '=', "--input", "NAME=VALUE", (k, v) => KeyValuePair.Create(k, (JsonNode?)v));
                backfill["labels"] = new JsonArray([.. (parse.GetValue(labels) ?? []).Select(l => Split(l, ':', "--label", "KEY:VALUE")).Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value })]);
                body["backfill"] = backfill;
                context = await SendAsync(http, HttpMethod.Put, "triggers", body, ct).ConfigureAwait(false);
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(Describe(context)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>One line per trigger: id, type, enabled, last and next slot, backfill, last error.</summary>
    private static string Describe(JsonObject context)
    {
        string Date(string name) => context[name]?.GetValue<DateTime>().ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
        var type = context["type"]?.GetValue<string>() is { } t ? t[(t.LastIndexOf('.') + 1)..] : "?";
        var line = $"{context["namespace"]}.{context["flowId"]}/{context["triggerId"]}  {type}  {(context["disabled"]?.GetValue<bool>() is true ? "disabled" : "enabled")}  last: {Date("date")}  next: {Date("nextExecutionDate")}";
        if (context["backfill"] is JsonObject backfill)
        {
            line += $"  backfill: at {backfill["currentDate"]} until {backfill["end"]}{(backfill["paused"]?.GetValue<bool>() is true ? " (paused)" : "")}";
        }

        return context["lastError"]?.GetValue<string>() is { } error ? $"{line}  error: {error}" : line;
    }

    private static (Argument<string> Namespace, Argument<string> Flow, Argument<string> Trigger) KeyArguments() =>
        (new Argument<string>("namespace") { Description = "The flow's namespace." },
         new Argument<string>("flow") { Description = "The flow's id." },
         new Argument<string>("trigger") { Description = "The trigger's id." });

    private static JsonObject Key(ParseResult parse, Argument<string> ns, Argument<string> flow, Argument<string> trigger) => new()
    {
        ["namespace"] = parse.GetValue(ns),
        ["flowId"] = parse.GetValue(flow),
        ["triggerId"] = parse.GetValue(trigger),
    };

    private static HttpClient Open(ParseResult parse, Option<string?> server, Option<string?> config) =>
        ServerConnection.Open(
            parse.GetValue(server) ?? throw new ArgumentException("triggers live in a server's scheduler: give --server URL (e.g. --server http://127.0.0.1:8080)"),
            parse.GetValue(config));

    private static async Task<JsonObject> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject body, CancellationToken ct)
    {
        using var response = await RemoteCall.SendAsync(http, new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, ct).ConfigureAwait(false);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false))!.AsObject();
    }

    private static JsonObject Pairs(string[]? given, char separator, string option, string form, Func<string, string, KeyValuePair<string, JsonNode?>> pair) =>
        new((given ?? []).Select(g => Split(g, separator, option, form)).Select(p => pair(p.Key, p.Value)));

    private static (string Key, string Value) Split(string text, char separator, string option, string form)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at > 0 ? (text[..at], text[(at + 1)..]) : throw new ArgumentException($"{option} '{text}': write it as {form}");
    }
}
