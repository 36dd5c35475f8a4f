using Harrier.Core.Inputs;
using Xunit;

namespace Harrier.Core.Tests.Inputs;

public sealed class SecretInputCipherTests
{
    private readonly SecretInputCipher _cipher = SecretInputCipher.Ephemeral();

    [Theory]
    [InlineData("hunter2")]
    [InlineData("")]
    [InlineData("Zoë 🚀 \"quoted\"\nline")]
    public void Seal_ThenOpen_GivesTheValueBack(string plain)
    {
        var sealedValue = _cipher.Seal(plain);

        Assert.True(SecretInputCipher.IsSealed(sealedValue));
        Assert.DoesNotContain(plain.Length > 0 ? plain : "\u0000", sealedValue, StringComparison.Ordinal);
        Assert.Equal(plain, _cipher.TryOpen(sealedValue));
    }

    [Fact]
    public void Seal_UsesAFreshNonce_SoEqualSecretsLookDifferent() =>
        Assert.NotEqual(_cipher.Seal("same"), _cipher.Seal("same"));

    [Fact]
    public void TryOpen_GivesNull_ForAValueSealedUnderAnotherKey() =>
        Assert.Null(SecretInputCipher.Ephemeral().TryOpen(_cipher.Seal("hunter2")));

    [Fact]
    public void TryOpen_GivesNull_ForATamperedValue()
    {
        var sealedValue = _cipher.Seal("hunter2");
        var tampered = sealedValue[..^4] + (sealedValue[^4] == 'A' ? 'B' : 'A') + sealedValue[^3..];

        Assert.Null(_cipher.TryOpen(tampered));
        Assert.Null(_cipher.TryOpen("harrier-sealed:v1:not base64!"));
        Assert.Null(_cipher.TryOpen("harrier-sealed:v1:AAAA"));
        Assert.Null(_cipher.TryOpen("plain"));
    }

    [Fact]
    public void Masked_ReplacesSealedValuesAtAnyDepth_AndKeepsTheRest()
    {
        var inputs = new Dictionary<string, object?>
        {
            ["user"] = "ann",
            ["db"] = new Dictionary<string, object?> { ["password"] = _cipher.Seal("x"), ["port"] = 5432L },
            ["list"] = new List<object?> { _cipher.Seal("y"), null },
        };

        var masked = Assert.IsType<Dictionary<string, object?>>(SecretInputCipher.Masked(inputs));

        Assert.Equal("ann", masked["user"]);
        Assert.Equal("******", ((IReadOnlyDictionary<string, object?>)masked["db"]!)["password"]);
        Assert.Equal(5432L, ((IReadOnlyDictionary<string, object?>)masked["db"]!)["port"]);
        Assert.Equal(["******", null], (IEnumerable<object?>)masked["list"]!);
    }

    [Fact]
    public void Constructor_RefusesAKeyOfTheWrongSize() =>
        Assert.Throws<ArgumentException>(() => new SecretInputCipher(new byte[16]));
}
