using Harrier.Scripts.Dotnet;

namespace Harrier.Scripts.Tests.Dotnet;

public sealed class CsxTranslatorTests
{
    [Theory]
    [InlineData("#r \"nuget: Newtonsoft.Json, 13.0.3\"", "#:package Newtonsoft.Json@13.0.3")]
    [InlineData("#r \"nuget:Newtonsoft.Json,13.0.3\"", "#:package Newtonsoft.Json@13.0.3")]
    [InlineData("#r \"nuget: Humanizer.Core\"", "#:package Humanizer.Core@*")]
    public void NugetReference_BecomesAPackageDirective(string reference, string expected)
    {
        var translated = CsxTranslator.Translate(reference + "\nConsole.WriteLine(1);", string.Empty);

        Assert.StartsWith(expected + "\n", translated, StringComparison.Ordinal);
    }

    [Fact]
    public void TypesDeclaredBeforeStatements_MoveAfterThem_WithTheirOriginalLines()
    {
        var csx = "using System.Text;\nrecord Person(string Name);\nvar p = new Person(\"a\");\nConsole.WriteLine(p);\n";

        var translated = CsxTranslator.Translate(csx, string.Empty);

        var statement = translated.IndexOf("var p = new Person", StringComparison.Ordinal);
        var record = translated.IndexOf("record Person(string Name);", StringComparison.Ordinal);
        Assert.True(statement > 0 && record > statement, translated);
        Assert.Contains("#line 2 \"script.csx\"\nrecord Person", translated, StringComparison.Ordinal);
        Assert.Contains("#line 3 \"script.csx\"\nvar p", translated, StringComparison.Ordinal);
        Assert.True(translated.IndexOf("using System.Text;", StringComparison.Ordinal) < statement);
    }

    [Fact]
    public void ScriptLevelMethods_LoseTheirAccessModifiers_ToBecomeLocalFunctions()
    {
        var translated = CsxTranslator.Translate("public static int Twice(int x) => x * 2;\nConsole.WriteLine(Twice(2));", string.Empty);

        Assert.Contains("static int Twice(int x) => x * 2;", translated, StringComparison.Ordinal);
        Assert.DoesNotContain("public static int Twice", translated, StringComparison.Ordinal);
    }

    [Fact]
    public void DotnetScriptsDefaults_AreDeclared_AndTheHelperAppended()
    {
        var translated = CsxTranslator.Translate("WriteLine(Args.Count);", "// helper\n");

        Assert.Contains("global using static System.Console;", translated, StringComparison.Ordinal);
        Assert.Contains("public static IList<string> Args", translated, StringComparison.Ordinal);
        Assert.EndsWith("// helper\n", translated, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IsRefused_WithItsLine()
    {
        var ex = Assert.Throws<CsxTranslationException>(() => CsxTranslator.Translate("// first\n#load \"other.csx\"\nConsole.WriteLine(1);", string.Empty));

        Assert.Equal(2, ex.Line);
        Assert.Contains("#load \"other.csx\" is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DllReference_IsRefused()
    {
        var ex = Assert.Throws<CsxTranslationException>(() => CsxTranslator.Translate("#r \"lib/My.dll\"\nConsole.WriteLine(1);", string.Empty));

        Assert.Contains("only NuGet references", ex.Message, StringComparison.Ordinal);
    }
}
