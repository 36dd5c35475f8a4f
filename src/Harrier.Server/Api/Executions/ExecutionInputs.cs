using System.Text.RegularExpressions;
using Harrier.Core.Flows;
using Harrier.Core.Storage;
using Harrier.Server.Api.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// The inputs of a new execution from a multipart (or URL-encoded) form, as Kestra's API takes them: each field is an
/// input's value, each file part a FILE input's content (the part's name is the input id). An empty or absent body means
/// no inputs. A body that cannot be read as a form is refused before anything is stored.
/// </summary>
public sealed partial class ExecutionInputs
{
    private ExecutionInputs(Dictionary<string, object?> values, IReadOnlyList<(string InputId, IFormFile File)> files)
    {
        Values = values;
        Files = files;
    }

    /// <summary>Raw values by input id: texts, or lists of texts for a repeated field.</summary>
    public Dictionary<string, object?> Values { get; }

    public IReadOnlyList<(string InputId, IFormFile File)> Files { get; }

    public static async Task<ExecutionInputs> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            if (request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0)
            {
                return new ExecutionInputs(new Dictionary<string, object?>(StringComparer.Ordinal), []);
            }

            throw ApiException.UnsupportedMediaType($"send inputs as multipart/form-data (fields for values, file parts for FILE inputs), not {request.ContentType ?? "a body without a content type"}");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = long.MaxValue, ValueCountLimit = 1024 }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not BadHttpRequestException)
        {
            throw ApiException.Invalid($"the multipart body cannot be read: {ex.Message}");
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
        {
            values[name] = value.Count == 1 ? value[0] : value.Select(v => (object?)v).ToList();
        }

        return new ExecutionInputs(values, [.. form.Files.Select(f => (f.Name, f))]);
    }

    /// <summary>
    /// Puts the storage URI each file will have into <see cref="Values"/> (under the execution's inputs folder) and returns
    /// the uploads to make once the inputs are valid. File parts for inputs that are not FILE, and FILE inputs given as text,
    /// are refused: a text could name any file.
    /// </summary>
    public IReadOnlyList<(StorageUri Uri, IFormFile File)> PlaceFiles(FlowDefinition flow, string executionId, List<ApiErrorItem> problems) =>
        PlaceFiles(flow.Inputs, flow.Namespace, flow.Id, executionId, problems);

    /// <summary>As above for any declared inputs: a Pause's <c>onResume</c> ones take their files this way too.</summary>
    public IReadOnlyList<(StorageUri Uri, IFormFile File)> PlaceFiles(IReadOnlyList<InputDefinition> inputs, string ns, string flowId, string executionId, List<ApiErrorItem> problems)
    {
        foreach (var input in inputs.Where(i => i.Type == "FILE" && Values.ContainsKey(i.Id)))
        {
            problems.Add(new ApiErrorItem($"input '{input.Id}' (FILE): send the file as a multipart file part named '{input.Id}', not as a text field", $"inputs.{input.Id}"));
        }

        var uploads = new List<(StorageUri, IFormFile)>();
        foreach (var (inputId, file) in Files)
        {
            if (inputs.FirstOrDefault(i => i.Id == inputId) is not { Type: "FILE" })
            {
                problems.Add(new ApiErrorItem($"input '{inputId}': a file part was sent, but the flow has no FILE input of that name", $"inputs.{inputId}"));
                continue;
            }

            var name = string.IsNullOrWhiteSpace(Path.GetFileName(file.FileName)) ? inputId : Path.GetFileName(file.FileName);
            StorageUri uri;
            try
            {
                uri = StoragePaths.Input(ns, flowId, executionId, inputId, name);
            }
            catch (StoragePathException ex)
            {
                problems.Add(new ApiErrorItem($"input '{inputId}' (FILE): the file name cannot be stored: {ex.Message}", $"inputs.{inputId}"));
                continue;
            }

            Values[inputId] = uri.ToString();
            uploads.Add((uri, file));
        }

        return uploads;
    }

    /// <summary>An input resolver's message as an API error: the CLI's hint (<c>--input x=VALUE</c>) becomes the form field's.</summary>
    public static ApiErrorItem Problem(string message)
    {
        var match = InputId().Match(message);
        var id = match.Success ? match.Groups[1].Value : null;
        var worded = id is null ? message : message.Replace($"give it with --input {id}=VALUE", $"give it as the form field '{id}'", StringComparison.Ordinal);
        return new ApiErrorItem(worded, id is null ? "inputs" : $"inputs.{id}");
    }

    // A resume's messages name the Pause first ("task 'approve': input 'note' …"): the field is still the input.
    [GeneratedRegex("^(?:task '[^']+': )?input '([^']+)'")]
    private static partial Regex InputId();
}
