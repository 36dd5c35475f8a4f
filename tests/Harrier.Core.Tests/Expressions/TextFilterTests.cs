using Xunit;
using static Harrier.Core.Tests.Expressions.TemplateFixture;

namespace Harrier.Core.Tests.Expressions;

public class TextFilterTests
{
    [Theory]
    [InlineData("{{ 'Hello' | upper }}", "HELLO")]
    [InlineData("{{ 'Hello' | lower }}", "hello")]
    [InlineData("{{ 'hello world' | capitalize }}", "Hello world")]
    [InlineData("{{ 'hello big world' | title }}", "Hello Big World")]
    [InlineData("{{ '  pad  ' | trim }}", "pad")]
    [InlineData("{{ inputs.name | upper | lower }}", "world")]
    [InlineData("{{ 'hello' | upper ~ '!' }}", "HELLO!")]
    [InlineData("{{ 'this is long' | abbreviate(7) }}", "this...")]
    [InlineData("{{ 'short' | abbreviate(10) }}", "short")]
    [InlineData("{{ 'a-b-a' | replace({'a': 'x'}) }}", "x-b-x")]
    [InlineData("{{ 'a-b' | replace({'a': '1', 'b': '2'}) }}", "1-2")]
    [InlineData("{{ 'a.b.c' | replace('.', '/') }}", "a/b/c")]
    [InlineData("{{ 'a1b22' | replace('[0-9]+', '#', regexp=true) }}", "a#b#")]
    [InlineData("{{ 'a,b,,c' | split(',') }}", "[\"a\",\"b\",\"\",\"c\"]")]
    [InlineData("{{ 'a,b,c' | split(',', 2) }}", "[\"a\",\"b,c\"]")]
    [InlineData("{{ 'a b' | split(' ') | length }}", "2")]
    [InlineData("{{ 'a\nb' | indent(2) }}", "a\n  b")]
    [InlineData("{{ 'a\nb' | nindent(2) }}", "\n  a\n  b")]
    [InlineData("{{ 'a\nb' | indent(1, '\t') }}", "a\n\tb")]
    [InlineData("{{ \"it's\" | escapeChar('single') }}", "it\\'s")]
    [InlineData("{{ 'say \"x\"' | escapeChar('double') }}", "say \\\"x\\\"")]
    [InlineData("{{ \"it's\" | escapeChar('shell') }}", "it'\\''s")]
    [InlineData("{{ 'abc' | startsWith('ab') }}", "true")]
    [InlineData("{{ 'abc' | startsWith('bc') }}", "false")]
    [InlineData("{{ 'abc' | endsWith('bc') }}", "true")]
    [InlineData("{{ 'a.b.c' | substringBefore('.') }}", "a")]
    [InlineData("{{ 'a.b.c' | substringBeforeLast('.') }}", "a.b")]
    [InlineData("{{ 'a.b.c' | substringAfter('.') }}", "b.c")]
    [InlineData("{{ 'a.b.c' | substringAfterLast('.') }}", "c")]
    [InlineData("{{ 'abc' | substringBefore('x') }}", "abc")]
    [InlineData("{{ 'abc' | substringAfter('x') }}", "")]
    [InlineData("{{ 'Hello, World!' | slugify }}", "hello-world")]
    [InlineData("{{ '  Ünïcode Têxt ' | slugify }}", "unicode-text")]
    [InlineData("{{ 'a b&c' | urlencode }}", "a+b%26c")]
    [InlineData("{{ 'é' | urlencode }}", "%C3%A9")]
    [InlineData("{{ 'a+b%26c' | urldecode }}", "a b&c")]
    [InlineData("{{ 'hello' | base64encode }}", "aGVsbG8=")]
    [InlineData("{{ 'aGVsbG8=' | base64decode }}", "hello")]
    [InlineData("{{ 'hello' | md5 }}", "5d41402abc4b2a76b9719d911017c592")]
    [InlineData("{{ 'hello' | sha1 }}", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d")]
    [InlineData("{{ 'hello' | sha256 }}", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")]
    [InlineData("{{ 'hello' | sha512 | length }}", "128")]
    [InlineData("{{ 42 | string ~ 'x' }}", "42x")]
    public void Render_AppliesTextFilters(string template, string expected) =>
        Assert.Equal(expected, Render(template));
}
