using System.Runtime.CompilerServices;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows;

/// <summary>
/// Whether a task may read the <c>outputs</c> variable: some scalar of its node (plugin defaults merged, a flowable's
/// children included) holds a template naming <c>outputs</c> or <c>render</c> (which may render text that does), or —
/// for tasks that hand the variables to code, such as Groovy's Eval — code reading <c>outputs.x</c> or <c>outputs[</c>,
/// or an Eval/FileTransform script naming <c>outputs</c> at all. Conservative — a false positive only costs the worker a
/// read — and computed once per task node.
/// </summary>
internal static class OutputReads
{
    private static readonly ConditionalWeakTable<YMapping, StrongBox<bool>> Cache = [];

    public static bool Of(YMapping node) => Cache.GetValue(node, n => new StrongBox<bool>(Reads(n))).Value;

    private static bool Reads(YNode node) => node switch
    {
        YScalar scalar => (IsTemplate(scalar.Value) && InTemplate(scalar.Value))
            || scalar.Value.Contains("outputs.", StringComparison.Ordinal) || scalar.Value.Contains("outputs[", StringComparison.Ordinal),
        YMapping mapping when BindsVariables(mapping) => true,
        YMapping mapping => mapping.Entries.Any(entry => Reads(entry.Value)),
        YSequence sequence => sequence.Items.Any(Reads),
        _ => false,
    };

    /// <summary>Whether a template may read <c>outputs</c>, directly or through <c>render</c>.</summary>
    public static bool InTemplate(string template) =>
        template.Contains("outputs", StringComparison.Ordinal) || template.Contains("render", StringComparison.Ordinal);

    /// <summary>
    /// Eval and FileTransform (Groovy, Jython, Nashorn) hand Kestra's variables to their script as bindings, not through
    /// templates: a script that names <c>outputs</c> reads them without any <c>{{ }}</c>.
    /// </summary>
    private static bool BindsVariables(YMapping mapping) =>
        mapping["type"] is YScalar type
        && (type.Value.EndsWith("Eval", StringComparison.Ordinal) || type.Value.EndsWith("FileTransform", StringComparison.Ordinal))
        && mapping["script"] is YScalar script
        && script.Value.Contains("outputs", StringComparison.Ordinal);

    private static bool IsTemplate(string text) => text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal);
}
