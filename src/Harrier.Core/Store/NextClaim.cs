using Harrier.Core.Executions;
using Harrier.Core.Queue;

namespace Harrier.Core.Store;

/// <summary>
/// The claim a worker slot makes after committing an attempt, asked of that commit (see <see cref="AttemptCommit.ClaimNext"/>)
/// so a slot draining a queue pays one write per job instead of two. Claims as <see cref="IEngineCommits.ClaimJobAsync"/>
/// does, <see cref="Start"/> included.
/// </summary>
public sealed record NextClaim(JobClaim Claim, Func<ClaimedJob, TaskRun?>? Start);
