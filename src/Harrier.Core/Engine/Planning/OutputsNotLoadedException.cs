namespace Harrier.Core.Engine.Planning;

/// <summary>
/// An expression of the pass reads <c>outputs</c> and the snapshot has not loaded them: the pass stops, and the executor
/// plans it again with the outputs (see <see cref="ExecutionPlan.NeedsOutputs"/>).
/// </summary>
internal sealed class OutputsNotLoadedException() : Exception("The outputs of this execution are not loaded yet.");
