using Harrier.Scripts.Storage;

namespace Harrier.Scripts.Tests.Storage;

/// <summary>Split's chunk files: files appear when written to, and more files than may stay open keep every line.</summary>
public sealed class ChunkFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("harrier-chunks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Writing_to_more_files_than_may_stay_open_appends_to_the_closed_ones()
    {
        const int files = ChunkFiles.MaxOpen * 3;
        List<string> paths;
        await using (var chunks = new ChunkFiles(_directory))
        {
            for (var round = 0; round < 3; round++)
            {
                for (var file = 0; file < files; file++)
                {
                    await chunks.WriteAsync(file, $"{file}.{round}\n", CancellationToken.None);
                }
            }

            paths = [.. chunks.WrittenPaths];
        }

        Assert.Equal(files, paths.Count);
        Assert.All(Enumerable.Range(0, files), file => Assert.Equal($"{file}.0\n{file}.1\n{file}.2\n", File.ReadAllText(paths[file])));
    }

    [Fact]
    public async Task A_number_never_written_to_gives_no_file_and_files_come_by_ascending_number()
    {
        List<string> paths;
        await using (var chunks = new ChunkFiles(_directory))
        {
            await chunks.WriteAsync(7, "seven\n", CancellationToken.None);
            await chunks.WriteAsync(2, "two\n", CancellationToken.None);
            await chunks.CloseAsync(2);
            await chunks.WriteAsync(2, "again\n", CancellationToken.None);
            paths = [.. chunks.WrittenPaths];
        }

        Assert.Equal(["two\nagain\n", "seven\n"], paths.Select(File.ReadAllText));
        Assert.Equal(2, Directory.GetFiles(_directory).Length);
    }
}
