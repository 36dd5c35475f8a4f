namespace Harrier.Core.Engine.Planning;

/// <summary>A flowable could not decide (bad condition, values that are not a list): it fails.</summary>
internal sealed class FlowableDecisionException(string message, Exception? inner = null) : Exception(message, inner);
