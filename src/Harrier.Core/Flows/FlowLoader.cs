using System.Text;
using System.Text.RegularExpressions;
using Harrier.Core.Flows.Loading;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Types;
using Harrier.Core.Validation;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows;

/// <summary>
/// Turns a flow document into a <see cref="FlowDefinition"/>, collecting every problem with its
/// <c>file:line:column</c> and property path. Never throws on bad input.
/// </summary>
public sealed partial class FlowLoader(TaskTypeRegistry registry, IExpressionSyntaxChecker? expressions = null)
{
    /// <summary>A flow larger than this is refused before parsing; real flows are a few kilobytes.</summary>
    public const int MaxDocumentChars = 32 * 1024 * 1024;

    public TaskTypeRegistry Registry { get; } = registry;

    public FlowLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            text = ReadText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FlowLoadResult(null, [new Diagnostic(path, SourcePosition.None, "", $"cannot read the file: {ex.Message}")]);
        }
        catch (DecoderFallbackException)
        {
            // Decoding leniently finds where the first invalid byte sits (as a replacement character).
            var lenient = File.ReadAllText(path);
            var at = lenient.IndexOf('\uFFFD', StringComparison.Ordinal);
            return new FlowLoadResult(null, [new Diagnostic(path, PositionOf(lenient, Math.Max(0, at)), "", "the file is not UTF-8 text (it holds invalid byte sequences); save it as UTF-8")]);
        }

        return Load(text, path);
    }

    /// <summary>UTF-8 (or the encoding a byte order mark names); invalid bytes throw instead of becoming U+FFFD.</summary>
    private static string ReadText(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public FlowLoadResult Load(string text, string file)
    {
        var diagnostics = new DiagnosticBag(file);
        var flow = LoadInto(text, diagnostics);
        return diagnostics.HasErrors ? new FlowLoadResult(null, diagnostics.Sorted()) : new FlowLoadResult(flow, []);
    }

    private FlowDefinition? LoadInto(string text, DiagnosticBag diagnostics)
    {
        if (text.Length > MaxDocumentChars)
        {
            diagnostics.Add(SourcePosition.None, "", $"the document is {text.Length:N0} characters long; flows are limited to {MaxDocumentChars:N0}");
            return null;
        }

        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            diagnostics.Add(PositionOf(text, nul), "", "the file contains NUL bytes: it is binary, not a YAML flow");
            return null;
        }

        var root = YamlDocumentReader.Read(text, diagnostics).Root;
        if (diagnostics.HasErrors)
        {
            return null;
        }

        if (root is null or YScalar { IsNull: true })
        {
            diagnostics.Add(new SourcePosition(1, 1), "", "the document is empty; a flow needs at least 'id', 'namespace' and 'tasks'");
            return null;
        }

        if (root is not YMapping map)
        {
            diagnostics.Add(root, "", $"a flow must be a map with 'id', 'namespace' and 'tasks', found {root.KindName}");
            return null;
        }

        return Build(map, text, diagnostics);
    }

    private FlowDefinition? Build(YMapping map, string text, DiagnosticBag diagnostics)
    {
        var context = new LoadContext(diagnostics, Registry, expressions, text);
        var parts = new FlowPartsReader(context);
        context.PluginDefaults = parts.PluginDefaults(map["pluginDefaults"] ?? map["taskDefaults"]);
        new PropertyValidator(context).ValidateObject(map, FlowProperties.All, "", handledElsewhere: name => name is "tasks" or "errors" or "finally" or "afterExecution");

        var id = CheckName(map["id"] as YScalar, "id", FlowIdPattern(), "letters, digits, '.', '-' and '_'", context);
        var ns = CheckNamespace(map["namespace"] as YScalar, context);
        var reader = new TaskReader(context);
        reader.ValidateRetry(map["retry"], "retry");
        // The flow's retry and a flowable's are retries of the runnables below them, as in Kestra (CREATE_NEW_EXECUTION included).
        var flowRetry = RetryReader.Read(map["retry"]);
        var tasks = RetryInheritance.Apply(reader.ReadList(map["tasks"], "tasks", TaskListRules.None, required: true), flowRetry);
        var errors = RetryInheritance.Apply(reader.ReadList(map["errors"], "errors", TaskListRules.None, required: false), flowRetry);
        var finallyTasks = RetryInheritance.Apply(reader.ReadList(map["finally"], "finally", TaskListRules.None, required: false), flowRetry);
        reader.ReadList(map["afterExecution"], "afterExecution", TaskListRules.None, required: false);
        var inputs = new InputReader(context).Read(map["inputs"]);
        var labels = parts.Labels(map["labels"]);
        var outputs = parts.Outputs(map["outputs"]);
        var triggers = parts.Triggers(map["triggers"]);
        parts.CheckConcurrency(map["concurrency"]);
        var sla = new SlaReader(context).Read(map["sla"]);
        if (diagnostics.HasErrors || id is null || ns is null)
        {
            return null;
        }

        return new FlowDefinition
        {
            Id = id,
            Namespace = ns,
            Description = (map["description"] as YScalar)?.Value,
            Revision = map["revision"]?.ToPlain() is long revision ? (int)revision : 1,
            Labels = labels,
            Inputs = inputs,
            Variables = map["variables"]?.ToPlain() as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(),
            Tasks = tasks,
            Errors = errors,
            Finally = finallyTasks,
            Outputs = outputs,
            Triggers = triggers,
            Retry = RetryReader.Read(map["retry"]),
            Disabled = map["disabled"]?.ToPlain() is true,
            Concurrency = FlowPartsReader.Concurrency(map["concurrency"]),
            Sla = sla,
            SourceFile = diagnostics.File,
            Source = text,
        };
    }

    private static string? CheckName(YScalar? node, string key, Regex pattern, string allowed, LoadContext context)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (!pattern.IsMatch(node.Value) || node.Value.Length > 150)
        {
            context.Error(node, key, $"'{Validation.Diagnostics.Shorten(node.Value)}' is not a valid {key}: use {allowed} (at most 150 characters)");
            return null;
        }

        return node.Value;
    }

    private static string? CheckNamespace(YScalar? node, LoadContext context)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (NamespaceNames.Problem(node.Value) is { } problem)
        {
            context.Error(node, "namespace", problem);
            return null;
        }

        return node.Value;
    }

    private static SourcePosition PositionOf(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, index - lineStart + 1);
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex FlowIdPattern();
}
