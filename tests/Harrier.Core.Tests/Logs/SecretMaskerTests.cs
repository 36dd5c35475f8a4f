using Harrier.Core.Logs;

namespace Harrier.Core.Tests.Logs;

public sealed class SecretMaskerTests
{
    [Fact]
    public void AMultiLineSecret_IsMaskedWhole_AndLineByLine()
    {
        var masker = new SecretMasker();
        masker.Add("-----BEGIN KEY-----\r\nAAAABBBBCCCC\n  DDDDEEEE  \n-----END KEY-----");

        Assert.Equal("key: ******", masker.Apply("key: -----BEGIN KEY-----\r\nAAAABBBBCCCC\n  DDDDEEEE  \n-----END KEY-----"));
        Assert.Equal("******", masker.Apply("AAAABBBBCCCC"));
        Assert.Equal("line ******", masker.Apply("line DDDDEEEE"));
        Assert.Equal("******", masker.Apply("-----END KEY-----"));
        Assert.Equal("unrelated", masker.Apply("unrelated"));
    }

    [Fact]
    public void Values_AreMaskedInNestedMapsListsAndKeys_AndUntouchedValuesAreNotCopied()
    {
        var masker = new SecretMasker();
        masker.Add("s3cr3t");
        var clean = new Dictionary<string, object?> { ["a"] = 1L, ["b"] = new List<object?> { "x" } };
        var dirty = new Dictionary<string, object?> { ["a"] = 1L, ["s3cr3t"] = new List<object?> { "x", "is s3cr3t", new Dictionary<string, object?> { ["k"] = "s3cr3t" } } };

        Assert.Same(clean, masker.Apply((object?)clean));
        var masked = Assert.IsType<Dictionary<string, object?>>(masker.Apply((object?)dirty));
        Assert.Equal(["a", "******"], masked.Keys);
        var list = Assert.IsType<List<object?>>(masked["******"]);
        Assert.Equal("is ******", list[1]);
        Assert.Equal("******", Assert.IsType<Dictionary<string, object?>>(list[2])["k"]);
        Assert.Equal("s3cr3t", dirty.Keys.Last());
    }

    [Fact]
    public void ShortValues_AreNotMasked()
    {
        var masker = new SecretMasker();
        masker.Add("ab");
        masker.Add("x\nyz\nlong-enough");

        Assert.Equal("ab xyz ******", masker.Apply("ab xyz long-enough"));
    }
}
