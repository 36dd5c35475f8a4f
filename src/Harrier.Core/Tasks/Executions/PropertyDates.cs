using System.Globalization;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Executions;

/// <summary>A date property of the execution tasks (Count, PurgeExecutions), as the search filters take it: ISO-8601 in UTC.</summary>
internal static class PropertyDates
{
    /// <summary>The rendered <paramref name="text"/> of <paramref name="property"/> as an ISO-8601 UTC date; a task failure saying how to write one otherwise.</summary>
    public static string Iso(string text, string property) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)
            : throw new TaskFailedException($"{property} '{text}' is not a date; give an ISO-8601 date such as {{{{ now() | dateAdd(-1, 'DAYS') }}}}");
}
