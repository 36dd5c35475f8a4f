using Harrier.Scripts.Storage;

namespace Harrier.Scripts.Tests.Storage;

/// <summary>Split's <c>bytes</c>: sizes read as Kestra (Micronaut) reads them, in powers of 1024.</summary>
public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512", 512L)]
    [InlineData("10B", 10L)]
    [InlineData("1KB", 1024L)]
    [InlineData("10kb", 10_240L)]
    [InlineData(" 2 MB ", 2_097_152L)]
    [InlineData("1GB", 1_073_741_824L)]
    public void TryParse_reads_a_number_with_an_optional_unit(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("1.5MB")]
    [InlineData("-1KB")]
    [InlineData("10TB")]
    [InlineData("99999999999999999999GB")]
    public void TryParse_refuses_anything_else(string text) => Assert.False(ByteSize.TryParse(text, out _));
}
