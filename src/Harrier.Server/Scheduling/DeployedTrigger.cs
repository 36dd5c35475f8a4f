using System.Security.Cryptography;
using System.Text;
using Harrier.Core.Flows;
using Harrier.Core.Store.Triggers;
using Harrier.Core.Triggers;

namespace Harrier.Server.Scheduling;

/// <summary>A trigger of the latest revision of a deployed flow, with what its schedule depends on.</summary>
public sealed record DeployedTrigger(FlowDefinition Flow, TriggerModel Model)
{
    public TriggerKey Key { get; } = new(Flow.Namespace, Flow.Id, Model.Id);

    /// <summary>
    /// What the slots depend on (cron, seconds, zone, dates, backfill start): when it changes the schedule starts over from
    /// now. Inputs, labels and conditions may change without moving the schedule.
    /// </summary>
    public string Fingerprint { get; } = FingerprintOf(Model);

    public bool IsScheduled => Model is ScheduleTrigger or ScheduleOnDatesTrigger;

    private static string FingerprintOf(TriggerModel model)
    {
        var text = model switch
        {
            ScheduleTrigger s => $"{s.Type}|{s.Cron.Text}|{s.WithSeconds}|{s.TimeZone.Id}|{s.BackfillStart:O}",
            ScheduleOnDatesTrigger d => $"{d.Type}|{d.TimeZone.Id}|{string.Join(',', d.Dates.Select(x => x.ToString("O")))}",
            _ => model.Type,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
