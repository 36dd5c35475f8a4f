namespace Harrier.Persistence;

/// <summary>Marker for the persistence assembly.</summary>
public static class PersistenceAssembly;
