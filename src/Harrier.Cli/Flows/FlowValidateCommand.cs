using System.CommandLine;
using Harrier.Core.Flows;

using Harrier.Server.Hosting;

namespace Harrier.Cli.Flows;

/// <summary>
/// <c>harrier flow validate FILE|DIR...</c>: prints every problem as <c>FILE:LINE:COL: path: message</c>
/// on stderr; exit 0 when every flow is valid, 1 otherwise.
/// </summary>
public static class FlowValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Flow files, or folders searched for *.yml and *.yaml.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check flow documents and report every error with its line and column.") { files };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return Validate(parseResult.GetValue(files) ?? [], output, error);
        });
        return command;
    }

    public static int Validate(IEnumerable<string> arguments, TextWriter output, TextWriter error)
    {
        var loader = new FlowLoader(HarrierTaskTypes.Registry, ExpressionChecking.Checker);
        var invalid = 0;
        var count = 0;
        foreach (var file in FlowFiles.Expand(arguments))
        {
            count++;
            var result = loader.LoadFile(file);
            if (result.IsValid)
            {
                output.WriteLine($"{file}: valid ({result.Flow!.Namespace}.{result.Flow.Id}, {result.Flow.AllTasks().Count()} task{(result.Flow.AllTasks().Count() == 1 ? "" : "s")})");
                continue;
            }

            invalid++;
            foreach (var diagnostic in result.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }
        }

        if (count == 0)
        {
            error.WriteLine("no flow files found");
            return 1;
        }

        if (invalid > 0)
        {
            error.WriteLine($"{invalid} of {count} flow{(count == 1 ? "" : "s")} invalid");
        }

        return invalid == 0 ? 0 : 1;
    }
}
