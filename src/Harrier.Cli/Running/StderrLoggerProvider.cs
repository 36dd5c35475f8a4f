using Microsoft.Extensions.Logging;

namespace Harrier.Cli.Running;

/// <summary>
/// The CLI's system log: warnings and errors of the engine as one line each on standard error (<c>harrier: warn: …</c>),
/// everything when <c>HARRIER_DEBUG</c> is set. Task logs are not system logs: they are printed by <see cref="LogPrinter"/>.
/// </summary>
public sealed class StderrLoggerProvider(TextWriter error, LogLevel minimum) : ILoggerProvider
{
    public static ILoggerFactory CreateFactory(TextWriter error)
    {
        var minimum = Environment.GetEnvironmentVariable("HARRIER_DEBUG") is { Length: > 0 } ? LogLevel.Debug : LogLevel.Warning;
        return LoggerFactory.Create(builder => builder.SetMinimumLevel(minimum).AddProvider(new StderrLoggerProvider(error, minimum)));
    }

    public ILogger CreateLogger(string categoryName) => new Writer(error, minimum);

    public void Dispose()
    {
    }

    private sealed class Writer(TextWriter error, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var level = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => "error",
                LogLevel.Warning => "warn",
                _ => logLevel.ToString().ToLowerInvariant(),
            };
            lock (error)
            {
                error.WriteLine($"harrier: {level}: {formatter(state, exception)}");
            }
        }
    }
}
