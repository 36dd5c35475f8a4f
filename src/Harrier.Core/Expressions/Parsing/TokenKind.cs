namespace Harrier.Core.Expressions.Parsing;

internal enum TokenKind
{
    Name,
    Number,
    String,
    Punctuation,
    End,
}
