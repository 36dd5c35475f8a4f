using System.Runtime.CompilerServices;

// The line splitter and other runner internals are tested directly.
[assembly: InternalsVisibleTo("Harrier.Scripts.Tests")]
