namespace Harrier.Core.Expressions.Parsing;

/// <summary>One lexical token; <see cref="Offset"/> is its start in the whole template source.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, object? Value = null)
{
    public bool Is(string punctuationOrName) =>
        (Kind == TokenKind.Punctuation || Kind == TokenKind.Name) && Text == punctuationOrName;
}
