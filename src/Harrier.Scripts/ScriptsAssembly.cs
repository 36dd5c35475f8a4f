namespace Harrier.Scripts;

/// <summary>Marker for the scripts assembly.</summary>
public static class ScriptsAssembly;
