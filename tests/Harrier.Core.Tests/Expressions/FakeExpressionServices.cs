using Harrier.Core.Expressions;

namespace Harrier.Core.Tests.Expressions;

/// <summary>A fake of the execution-bound services: in-memory files and secrets, a clock fixed at 2024-03-15T10:30:00Z.</summary>
internal sealed class FakeExpressionServices : IExpressionServices
{
    public static readonly DateTimeOffset FixedNow = new(2024, 3, 15, 10, 30, 0, TimeSpan.Zero);

    public Dictionary<string, string> Files { get; } = new() { ["harrier:///ns/flow/ex/file.txt"] = "hello file" };

    public Dictionary<string, string> Secrets { get; } = new() { ["API_KEY"] = "s3cr3t" };

    public TimeProvider TimeProvider { get; } = new FixedTimeProvider(FixedNow);

    public string ReadFile(string uriOrPath) =>
        Files.TryGetValue(uriOrPath, out var content) ? content : throw new ExpressionException($"File '{uriOrPath}' not found");

    public string FileUri(string path) => "harrier:///ns/flow/ex/" + path;

    public long FileSize(string uri) => ReadFile(uri).Length;

    public string? GetSecret(string name) => Secrets.GetValueOrDefault(name);

    public IReadOnlyList<object?> ErrorLogs() =>
        [new Dictionary<string, object?> { ["taskId"] = "t1", ["message"] = "boom" }];

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
