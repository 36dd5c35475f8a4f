using Harrier.Core.Queue;
using Harrier.Core.Store;

namespace Harrier.TestKit.Contracts;

/// <summary>The store, queue and engine commits of one backend, as <see cref="EngineCommitsContract"/> drives them.</summary>
public sealed record EngineCommitsSubject(IExecutionStore Store, IJobQueue Queue, IEngineCommits Commits);
