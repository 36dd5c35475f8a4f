using System.Text;
using Harrier.Core.Expressions;

namespace Harrier.Core.Tests.Expressions;

/// <summary><c>secret('name')</c> reads <c>SECRET_NAME</c>, base64-decoded, finding an upper-cased variable as Kestra does.</summary>
public sealed class EnvironmentSecretTests
{
    [Fact]
    public void ALowerCaseName_FindsTheUpperCaseVariable()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable($"SECRET_DB_PASSWORD_{suffix.ToUpperInvariant()}", Convert.ToBase64String(Encoding.UTF8.GetBytes("s3cr3t")));

        Assert.Equal("s3cr3t", new EnvironmentExpressionServices(TimeProvider.System).GetSecret($"db_password_{suffix}"));
    }

    [Fact]
    public void ANameWrittenAsTheVariable_IsFoundAsWritten()
    {
        var name = "MixedCase_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable("SECRET_" + name, Convert.ToBase64String(Encoding.UTF8.GetBytes("as-written")));

        Assert.Equal("as-written", new EnvironmentExpressionServices(TimeProvider.System).GetSecret(name));
        Assert.Null(new EnvironmentExpressionServices(TimeProvider.System).GetSecret("no_such_" + Guid.NewGuid().ToString("N")));
    }
}
