using System.Text.Json.Nodes;
using Harrier.Bench.Server;

namespace Harrier.Bench.Distributed;

/// <summary>What a distributed run must have done, checked after its timing: nothing lost, nothing run twice.</summary>
public static class ExecutionCheck
{
    /// <summary>
    /// Exactly <paramref name="expected"/> executions in the bench namespace, each SUCCESS, each task run with exactly one
    /// attempt (a job claimed twice — two workers, or a lost lease — shows as a second attempt).
    /// </summary>
    public static async Task EveryTaskOnceAsync(HttpClient http, int expected)
    {
        var seen = 0;
        for (var page = 1; ; page++)
        {
            var results = JsonNode.Parse(await http.GetStringAsync($"executions/search?filters[namespace][EQUALS]={ServerFlows.Namespace}&size=1000&page={page}"))!["results"]!.AsArray();
            foreach (var execution in results)
            {
                seen++;
                var id = execution!["id"]!.GetValue<string>();
                var state = execution["state"]!["current"]!.GetValue<string>();
                if (state != "SUCCESS")
                {
                    throw new InvalidOperationException($"execution {id} ended {state}, not SUCCESS");
                }

                foreach (var run in execution["taskRunList"]?.AsArray() ?? [])
                {
                    var attempts = run!["attempts"]?.AsArray().Count ?? 0;
                    if (attempts != 1)
                    {
                        throw new InvalidOperationException($"task {run["taskId"]} of execution {id} ran in {attempts} attempts, not one");
                    }
                }
            }

            if (results.Count < 1000)
            {
                break;
            }
        }

        if (seen != expected)
        {
            throw new InvalidOperationException($"{seen} executions found, {expected} expected");
        }
    }
}
