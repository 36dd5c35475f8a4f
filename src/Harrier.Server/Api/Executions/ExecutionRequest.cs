using Harrier.Core.Flows;

namespace Harrier.Server.Api.Executions;

/// <summary>What a request to start an execution asks for: a flow (its latest revision unless one is named), inputs and labels.</summary>
public sealed record ExecutionRequest(string Namespace, string FlowId, int? Revision, ExecutionInputs Inputs, IReadOnlyList<FlowLabel> Labels);
