using Harrier.Core.Storage;

namespace Harrier.Core.Executions.Replays;

/// <summary>
/// Copies the original execution's files a replay takes (<see cref="ReplayFileMap"/>) to their new addresses. Done
/// before the replay is stored: a crash in between leaves copies under an execution id that never gets stored
/// (unreferenced, harmless); a replay stored always finds its files.
/// </summary>
public static class ReplayFiles
{
    public static async Task<int> CopyAsync(IFileStorage storage, ReplayFileMap map, CancellationToken cancellationToken)
    {
        var copied = 0;
        foreach (var file in await storage.ListAsync(map.From, cancellationToken).ConfigureAwait(false))
        {
            if (map.Map(file.Uri) is not { } target)
            {
                continue;
            }

            var source = await storage.OpenReadAsync(file.Uri, cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                await storage.PutAsync(target, source, cancellationToken).ConfigureAwait(false);
            }

            copied++;
        }

        return copied;
    }
}
