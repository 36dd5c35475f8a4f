namespace Harrier.Docker;

/// <summary>Marker for the Docker runner assembly; the runner arrives with the Docker issue.</summary>
public static class DockerAssembly;
