namespace Harrier.Core.Expressions.Parsing;

/// <summary>Text, an output tag (<c>{{ }}</c>) or a statement tag (<c>{% %}</c>) found by the scanner.</summary>
internal sealed record Segment(char Kind, string? Text, List<Token>? Tokens, int Offset)
{
    public const char TextKind = 't';
    public const char PrintKind = 'p';
    public const char TagKind = 's';

    public string TagName => Tokens is { Count: > 0 } tokens && tokens[0].Kind == TokenKind.Name ? tokens[0].Text : string.Empty;
}
