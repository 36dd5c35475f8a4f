namespace Harrier.Server;

/// <summary>Marker for the server assembly; the REST API and UI arrive with the server issue.</summary>
public static class ServerAssembly;
