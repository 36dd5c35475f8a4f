using Harrier.Core.Triggers.Conditions;

namespace Harrier.Core.Triggers.Windows;

/// <summary>How many members of a <see cref="WindowedConditions"/> must be met: all, any, or at least a number.</summary>
public enum WindowMode
{
    All,
    Any,
    AtLeast,
}

/// <summary>
/// Conditions that need not hold for one execution but must each have held for some execution within one window
/// (Kestra's MultipleCondition, the Flow trigger's <c>preconditions</c> and <c>dependsOn</c>). Each member is a condition
/// tested against every execution that ends; the store remembers when each member was last met (and the outputs of that
/// execution), and the trigger fires when enough members were met within the current window — then, with
/// <see cref="ResetOnSuccess"/>, forgets them so the next firing needs them all again.
/// </summary>
public sealed record WindowedConditions(string Id, IReadOnlyDictionary<string, ITriggerCondition> Members, ConditionWindow Window)
{
    public bool ResetOnSuccess { get; init; } = true;

    public WindowMode Mode { get; init; } = WindowMode.All;

    public int? MinSatisfied { get; init; }

    /// <summary>Whether the members met at the given times (member → last time met) satisfy the rule at <paramref name="now"/>.</summary>
    public bool IsSatisfied(IReadOnlyDictionary<string, DateTimeOffset> metAt, DateTimeOffset now)
    {
        if (Window.Around(now) is not { } window)
        {
            return false;
        }

        var met = Members.Keys.Count(member => metAt.TryGetValue(member, out var at) && at >= window.From && at <= window.To);
        return Mode switch
        {
            WindowMode.Any => met >= 1,
            WindowMode.AtLeast => met >= Math.Max(1, MinSatisfied ?? Members.Count),
            _ => met == Members.Count,
        };
    }
}
