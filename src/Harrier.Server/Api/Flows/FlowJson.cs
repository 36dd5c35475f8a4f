using Harrier.Core.Store.Flows;
using Harrier.Core.Validation;
using Harrier.Core.Yaml;

namespace Harrier.Server.Api.Flows;

/// <summary>
/// A stored flow in Kestra's JSON shape: the document's own properties as JSON (tasks, inputs, triggers…), with the
/// server's <c>revision</c>, <c>labels</c> as <c>[{key, value}]</c>, <c>disabled</c> and <c>deleted</c>; <c>source</c> (the
/// YAML as written) when asked for (Kestra's FlowWithSource).
/// </summary>
public static class FlowJson
{
    public static Dictionary<string, object?> From(StoredFlow flow, bool includeSource)
    {
        var document = YamlDocumentReader.Read(flow.Source, new DiagnosticBag("flow")).Root?.ToPlain() as IReadOnlyDictionary<string, object?>
            ?? new Dictionary<string, object?>();
        var json = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = flow.Id,
            ["namespace"] = flow.Namespace,
            ["revision"] = flow.Revision,
        };
        foreach (var (key, value) in document)
        {
            if (key is not ("id" or "namespace" or "revision" or "labels" or "tenantId" or "deleted"))
            {
                json[key] = value;
            }
        }

        if (flow.Labels.Count > 0)
        {
            json["labels"] = flow.Labels.Select(l => new Dictionary<string, object?> { ["key"] = l.Key, ["value"] = l.Value }).ToList();
        }

        json.TryAdd("disabled", false);
        json["deleted"] = flow.Deleted;
        json["updated"] = flow.Updated.UtcDateTime;
        if (includeSource)
        {
            json["source"] = flow.Source;
        }

        return json;
    }
}
