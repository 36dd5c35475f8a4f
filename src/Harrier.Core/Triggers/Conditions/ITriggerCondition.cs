namespace Harrier.Core.Triggers.Conditions;

/// <summary>
/// One of Kestra's trigger conditions, read at flow load time. <see cref="Test"/> evaluates it against the variables of
/// one evaluation (a schedule's slot, a webhook call, an execution that ended); it throws
/// <see cref="TriggerConditionException"/> when the condition cannot be evaluated (a date that does not parse, an
/// expression that fails), which the caller reports on the trigger.
/// </summary>
public interface ITriggerCondition
{
    /// <summary>Kestra's type name of the condition, for messages.</summary>
    string Type { get; }

    bool Test(ConditionScope scope);
}

/// <summary>A condition that could not be evaluated; the message says which and why.</summary>
public sealed class TriggerConditionException(string message, Exception? inner = null) : Exception(message, inner);
