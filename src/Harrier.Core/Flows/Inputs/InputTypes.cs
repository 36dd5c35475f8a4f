using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Flows.Inputs;

/// <summary>The input types of spec §11.2 and the fields each accepts, declared once.</summary>
public static class InputTypes
{
    public static IReadOnlyList<PropertyDescriptor> Common { get; } =
    [
        Prop.String("id", "Input id; dots nest (a.b ⇒ inputs.a.b).", required: true) with { Dynamic = false },
        Prop.String("type", "Input type.", required: true) with { Dynamic = false },
        Prop.String("name", "Deprecated name of id.") with { Dynamic = false, Deprecated = true },
        Prop.Boolean("required", "Whether a value must be given (default true).", true) with { Dynamic = false },
        Prop.Any("defaults", "Default value."),
        Prop.Any("prefill", "Value proposed in forms, not a default."),
        Prop.String("displayName", "Label shown in forms.") with { Dynamic = false },
        Prop.String("description", "Markdown description.") with { Dynamic = false },
        Prop.StringList("dependsOn", "Inputs this one depends on.") with { Dynamic = false },
        Prop.Any("dependsOnCondition", "Condition on the inputs this one depends on."),
        Prop.String("expression", "Expression computing the values (SELECT, MULTISELECT)."),
    ];

    private static readonly PropertyDescriptor Min = Prop.Any("min", "Smallest value allowed.");
    private static readonly PropertyDescriptor Max = Prop.Any("max", "Largest value allowed.");
    private static readonly PropertyDescriptor After = Prop.String("after", "Earliest value allowed.");
    private static readonly PropertyDescriptor Before = Prop.String("before", "Latest value allowed.");
    private static readonly PropertyDescriptor Values = Prop.Any("values", "Allowed values.");
    private static readonly PropertyDescriptor AllowCustom = Prop.Boolean("allowCustomValue", "Accept values outside the list.", false);
    private static readonly PropertyDescriptor AutoSelect = Prop.Boolean("autoSelectFirst", "Select the first value by default.", false);

    /// <summary>Type name → its own fields (on top of <see cref="Common"/>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PropertyDescriptor>> Fields { get; } =
        new Dictionary<string, IReadOnlyList<PropertyDescriptor>>(StringComparer.Ordinal)
        {
            ["STRING"] = [Prop.String("validator", "Regular expression the whole value must match.")],
            ["INT"] = [Min, Max],
            ["FLOAT"] = [Min, Max],
            ["BOOL"] = [],
            ["BOOLEAN"] = [],
            ["SELECT"] = [Values, AllowCustom, AutoSelect],
            ["ENUM"] = [Values],
            ["MULTISELECT"] = [Values, Prop.Any("options", "Deprecated name of values."), AllowCustom, AutoSelect],
            ["DATETIME"] = [After, Before],
            ["DATE"] = [After, Before],
            ["TIME"] = [After, Before],
            ["DURATION"] = [Min, Max],
            ["FILE"] = [Prop.StringList("allowedFileExtensions", "Accepted file extensions (e.g. .csv)."), Prop.String("extension", "Deprecated file extension.")],
            ["JSON"] = [],
            ["YAML"] = [],
            ["URI"] = [],
            ["SECRET"] = [Prop.String("validator", "Regular expression the whole value must match.")],
            ["ARRAY"] = [Prop.Enum("itemType", "Type of the items.", null, "STRING", "INT", "FLOAT", "BOOL", "BOOLEAN", "DATETIME", "DATE", "TIME", "DURATION", "JSON", "YAML", "URI", "EMAIL") with { Required = true }],
            ["EMAIL"] = [],
        };
}
