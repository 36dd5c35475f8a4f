namespace Harrier.Core.Flows;

public enum RetryKind
{
    Constant,
    Exponential,
    Random,
}
