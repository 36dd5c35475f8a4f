using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Storage;

/// <summary>
/// <c>storage.FilterItems</c>: renders <c>filterCondition</c> for each record of <c>from</c> (its fields are variables)
/// and copies the record's line to the output when it should stay: a true condition keeps it with <c>filterType:
/// INCLUDE</c> and drops it with <c>EXCLUDE</c>; a condition that fails or gives null follows
/// <c>errorOrNullBehavior</c> (FAIL the task, or INCLUDE or EXCLUDE the record whatever <c>filterType</c> says).
/// Outputs <c>uri</c> (an ION file), <c>processedItemsTotal</c>, <c>droppedItemsTotal</c>. Streams line by line;
/// blank lines are no records and are left out.
/// </summary>
public sealed class FilterItemsTask : IRunnableTask
{
    private static readonly string[] FalseTexts = ["false", "0", "-0", ""];

    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var from = properties.RequiredString("from");
        var include = Choice(context, properties, "filterType", "INCLUDE", "INCLUDE", "EXCLUDE") == "INCLUDE";
        var onErrorOrNull = Choice(context, properties, "errorOrNullBehavior", "FAIL", "FAIL", "INCLUDE", "EXCLUDE");
        if (!properties.Has("filterCondition"))
        {
            throw StorageTaskFiles.Fail(context, "filterCondition", "must not be null: the property is required");
        }

        using var directory = AttemptDirectory.Create(context.TempDirectory);
        var local = Path.Combine(directory.Path, "filtered");
        long processed = 0;
        long dropped = 0;
        await using (var source = await StorageTaskFiles.OpenAsync(context, "from", from, cancellationToken).ConfigureAwait(false))
        await using (var target = StorageTaskFiles.CreateText(local))
        {
            using var reader = StorageTaskFiles.Lines(source);
            long number = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                if (ItemVariables.ScopeFor(context, line, number) is not { } scope)
                {
                    continue;
                }

                bool? match = null;
                string? failure = null;
                try
                {
                    match = Matches(new PropertyReader(context.Task, context.Renderer, scope).Value("filterCondition"));
                }
                catch (TaskFailedException ex)
                {
                    failure = $"{ex.Message} (for the record on line {number})";
                }

                var keep = match is { } matched
                    ? matched == include
                    : Fallback(onErrorOrNull, failure ?? $"{context.Task.Path}.filterCondition gives null for the record on line {number}");

                processed++;
                if (keep)
                {
                    await target.WriteAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                    await target.WriteAsync('\n').ConfigureAwait(false);
                }
                else
                {
                    dropped++;
                }
            }
        }

        var uri = await StorageTaskFiles.UploadAsync(context, context.Task.Id + ".ion", local, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success(new Dictionary<string, object?>
        {
            ["uri"] = uri,
            ["processedItemsTotal"] = processed,
            ["droppedItemsTotal"] = dropped,
        });
    }

    /// <summary>Kestra's truth for a rendered condition: false, 0, -0 and the empty text are false, any other text true; null is neither.</summary>
    private static bool? Matches(object? value) => value switch
    {
        null => null,
        bool b => b,
        _ => !FalseTexts.Contains(PropertyReader.AsText(value).Trim(), StringComparer.Ordinal),
    };

    private static bool Fallback(string behavior, string problem) => behavior switch
    {
        "INCLUDE" => true,
        "EXCLUDE" => false,
        _ => throw new TaskFailedException($"{problem}; set errorOrNullBehavior: INCLUDE or EXCLUDE to keep or drop such records instead of failing"),
    };

    private static string Choice(TaskRunContext context, PropertyReader properties, string name, string fallback, params string[] values)
    {
        var value = properties.String(name)?.Trim().ToUpperInvariant() ?? fallback;
        return values.Contains(value, StringComparer.Ordinal)
            ? value
            : throw StorageTaskFiles.Fail(context, name, $"'{value}' is not one of {string.Join(", ", values)}");
    }
}
