namespace Harrier.Server.Api.Flows;

/// <summary>
/// Splits a body holding several flows (Kestra's namespace update and validate endpoints) at YAML document markers:
/// lines that are exactly <c>---</c>. Empty documents (a leading or trailing marker) are dropped; each document keeps
/// its own line numbers.
/// </summary>
public static class FlowDocuments
{
    public static IReadOnlyList<string> Split(string body)
    {
        var documents = new List<string>();
        var current = new System.Text.StringBuilder();
        using var reader = new StringReader(body);
        while (reader.ReadLine() is { } line)
        {
            if (line.TrimEnd() == "---")
            {
                Add(documents, current);
                continue;
            }

            current.Append(line).Append('\n');
        }

        Add(documents, current);
        return documents;
    }

    private static void Add(List<string> documents, System.Text.StringBuilder current)
    {
        var text = current.ToString();
        current.Clear();
        if (!string.IsNullOrWhiteSpace(text))
        {
            documents.Add(text.Trim('\n') + "\n");
        }
    }
}
