namespace Harrier.Server.Configuration;

/// <summary>The server's configuration is invalid; the message says which key, where, and what to write instead.</summary>
public sealed class ServerConfigException(string message) : ArgumentException(message);
