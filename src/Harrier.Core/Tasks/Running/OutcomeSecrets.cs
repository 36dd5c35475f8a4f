using Harrier.Core.Logs;
using Harrier.Core.Metrics;

namespace Harrier.Core.Tasks.Running;

/// <summary>
/// Masks the known secrets in what an attempt produced — outputs (a script that prints a secret in an outputs line),
/// metric names and tags, the error — before it is stored, so the database, <c>--json</c> and <c>executions show</c>
/// never hold them in clear. Later tasks then see <c>******</c> too: pass secrets on with <c>secret()</c> or inputs.
/// </summary>
public static class OutcomeSecrets
{
    public static TaskOutcome Mask(TaskOutcome outcome, SecretMasker? secrets)
    {
        if (secrets is null || secrets.IsEmpty)
        {
            return outcome;
        }

        return outcome with
        {
            Outputs = (IReadOnlyDictionary<string, object?>)secrets.Apply(outcome.Outputs)!,
            Metrics = [.. outcome.Metrics.Select(metric => Mask(metric, secrets))],
            Error = outcome.Error is null ? null : secrets.Apply(outcome.Error),
        };
    }

    private static MetricEntry Mask(MetricEntry metric, SecretMasker secrets) => metric with
    {
        Name = secrets.Apply(metric.Name),
        Tags = metric.Tags.Count == 0 ? metric.Tags : metric.Tags.ToDictionary(tag => secrets.Apply(tag.Key), tag => secrets.Apply(tag.Value), StringComparer.Ordinal),
    };
}
