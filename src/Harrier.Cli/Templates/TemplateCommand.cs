using System.CommandLine;
using System.Text.Json;
using Harrier.Core.Expressions;

namespace Harrier.Cli.Templates;

/// <summary>
/// <c>harrier template render 'TEMPLATE' [--context ctx.json]</c>: renders an expression the way a flow would,
/// so users can try expressions without running a flow.
/// </summary>
public static class TemplateCommand
{
    public static Command Create()
    {
        var template = new Argument<string>("template") { Description = "The template text, e.g. '{{ inputs.name | upper }}'" };
        var contextFile = new Option<FileInfo?>("--context", "-c") { Description = "A JSON file whose top-level object holds the variables" };
        var render = new Command("render", "Render a template and print the result") { template, contextFile };
        render.SetAction(parseResult => Render(
            parseResult.GetValue(template) ?? string.Empty,
            parseResult.GetValue(contextFile),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return new Command("template", "Work with Pebble expressions") { render };
    }

    /// <summary>Prints the rendered text, or one line naming the problem and its position (exit code 1).</summary>
    internal static int Render(string template, FileInfo? contextFile, TextWriter output, TextWriter error)
    {
        try
        {
            var variables = contextFile is null ? new Dictionary<string, object?>() : LoadVariables(contextFile);
            var engine = new TemplateEngine();
            output.Write(engine.Compile(template).Render(new TemplateContext(variables)));
            output.WriteLine();
            return 0;
        }
        catch (TemplateException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static Dictionary<string, object?> LoadVariables(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Context file '{file.FullName}' does not exist");
        }

        object? parsed;
        try
        {
            parsed = JsonValues.Parse(File.ReadAllText(file.FullName));
        }
        catch (ExpressionException ex)
        {
            throw new InvalidDataException($"Context file '{file.FullName}': {ex.Message}", ex);
        }

        return parsed as Dictionary<string, object?>
            ?? throw new InvalidDataException($"Context file '{file.FullName}' must hold a JSON object");
    }
}
