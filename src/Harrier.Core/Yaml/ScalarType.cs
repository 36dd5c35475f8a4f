namespace Harrier.Core.Yaml;

/// <summary>The type a plain YAML scalar resolves to under the YAML 1.2 core schema.</summary>
public enum ScalarType
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
