using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Harrier.Scripts.Dotnet;

/// <summary>
/// Turns a dotnet-script (<c>.csx</c>) text into a .NET 10 file-based app (<c>dotnet run app.cs</c>), keeping what a
/// Kestra user relies on: <c>#r "nuget: Name, Version"</c> becomes <c>#:package Name@Version</c>; statements, local
/// functions and variables stay top-level statements in their order; classes, records and other types written among
/// them move after the statements (a C# program must declare them last); dotnet-script's default imports and its
/// <c>Args</c> list are declared; Harrier's C# helper is appended. <c>#line</c> directives keep compiler errors on the
/// user's own line numbers, in a file named <see cref="ScriptFileName"/>.
/// </summary>
public static partial class CsxTranslator
{
    public const string ScriptFileName = "script.csx";

    // dotnet-script imports these (and System.Console statically) in every script; file-based apps import a smaller
    // set (System, IO, Linq, Net.Http, Threading, Threading.Tasks, Collections.Generic).
    private static readonly string[] DefaultImports =
    [
        "global using System.Diagnostics;",
        "global using System.Dynamic;",
        "global using System.Linq.Expressions;",
        "global using System.Text;",
        "global using static System.Console;",
        "global using static HarrierScriptGlobals;",
    ];

    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    /// <summary>Translates <paramref name="csx"/>; <paramref name="helperSource"/> (Harrier's C# helper) is appended as is.</summary>
    /// <exception cref="CsxTranslationException">A directive Harrier cannot carry over (<c>#load</c>, <c>#r</c> of a DLL).</exception>
    public static string Translate(string csx, string helperSource)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(csx, ScriptOptions).GetRoot();
        var output = new StringBuilder();
        foreach (var package in Packages(root))
        {
            output.Append("#:package ").Append(package).Append('\n');
        }

        // Reflection-based JSON (the helper, users' own code) must work: file-based apps default to PublishAot.
        output.Append("#:property PublishAot=false\n");
        foreach (var import in DefaultImports)
        {
            output.Append(import).Append('\n');
        }

        foreach (var externAlias in root.Externs)
        {
            AppendMapped(output, externAlias, externAlias.ToString());
        }

        foreach (var usingDirective in root.Usings)
        {
            AppendMapped(output, usingDirective, usingDirective.ToString());
        }

        var types = new List<MemberDeclarationSyntax>();
        foreach (var member in root.Members)
        {
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax)
            {
                types.Add(member);
            }
            else
            {
                // Statements, and script-level methods and fields, which read the same as local functions and
                // variables once access modifiers (meaningless on a local function) are dropped.
                AppendMapped(output, member, member is MethodDeclarationSyntax method ? WithoutAccessModifiers(method) : member.ToString());
            }
        }

        foreach (var type in types)
        {
            AppendMapped(output, type, type.ToString());
        }

        output.Append("#line default\n");
        output.Append("static partial class HarrierScriptGlobals\n{\n");
        output.Append("    /// <summary>dotnet-script's <c>Args</c>: the script's arguments.</summary>\n");
        output.Append("    public static IList<string> Args { get; } = Environment.GetCommandLineArgs().Skip(1).ToList();\n}\n");
        output.Append(helperSource);
        return output.ToString();
    }

    private static List<string> Packages(CompilationUnitSyntax root)
    {
        foreach (var load in root.GetLoadDirectives())
        {
            throw new CsxTranslationException(Line(load), $"#load {load.File.Text} is not supported by Harrier's C# tasks: put the code in the script (or in a NuGet package referenced with #r \"nuget: Name, Version\")");
        }

        var packages = new List<string>();
        foreach (var reference in root.GetReferenceDirectives())
        {
            var text = reference.File.ValueText;
            var match = NugetReference().Match(text);
            if (!match.Success)
            {
                throw new CsxTranslationException(Line(reference), $"#r \"{text}\" is not supported by Harrier's C# tasks: only NuGet references (#r \"nuget: Name, Version\") can be carried over to a .NET file-based app");
            }

            var version = match.Groups["version"].Success ? match.Groups["version"].Value : "*";
            packages.Add($"{match.Groups["name"].Value}@{version}");
        }

        return packages;
    }

    private static void AppendMapped(StringBuilder output, SyntaxNode node, string text)
    {
        output.Append("#line ").Append(Line(node)).Append(" \"").Append(ScriptFileName).Append("\"\n");
        output.Append(text).Append('\n');
    }

    private static string WithoutAccessModifiers(MethodDeclarationSyntax method)
    {
        var kept = method.Modifiers.Where(m => !m.IsKind(SyntaxKind.PublicKeyword) && !m.IsKind(SyntaxKind.PrivateKeyword)
            && !m.IsKind(SyntaxKind.InternalKeyword) && !m.IsKind(SyntaxKind.ProtectedKeyword));
        return method.WithModifiers(new SyntaxTokenList(kept)).ToString();
    }

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    // dotnet-script's forms: "nuget: Name, 1.2.3", "nuget:Name,1.2.3", "nuget: Name" (latest).
    [GeneratedRegex(@"^\s*nuget\s*:\s*(?<name>[A-Za-z0-9_.\-]+)\s*(,\s*(?<version>[^\s,]+)\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NugetReference();
}
