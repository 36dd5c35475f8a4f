namespace Harrier.Core.Expressions.Ast;

/// <summary>The implementation of a filter (input = the piped value) or function (input = null).</summary>
internal delegate object? CallBody(object? input, Arguments arguments, RenderState state);
