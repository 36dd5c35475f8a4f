using Harrier.Scripts.Helpers;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class ContainerHelpersTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Python_GetsItsHelperAndTheShellOne_InTheWorkingDirectory_AndOnlyTheirVariables()
    {
        var helpers = new HelperEnvironment(new HelperEnvironmentOptions { Directory = _dir.File("helpers") });
        var workingDirectory = _dir.File("wd");
        Directory.CreateDirectory(workingDirectory);

        var variables = ContainerHelpers.Install(helpers, Language("python"), workingDirectory, new Dictionary<string, string> { ["PYTHONPATH"] = "/opt/mine" });

        var root = Path.Combine(workingDirectory, ContainerHelpers.DirectoryName);
        Assert.True(File.Exists(Path.Combine(root, "python", "harrier", "__init__.py")));
        Assert.True(File.Exists(Path.Combine(root, "python", "kestra", "__init__.py")));
        Assert.False(Directory.Exists(Path.Combine(root, "node")));
        Assert.Equal(Path.Combine(root, "python") + ":/opt/mine", variables["PYTHONPATH"]);
        Assert.Equal(Path.Combine(root, "shell", "harrier.sh"), variables[HelperEnvironment.ShellHelperVariable]);
        Assert.False(variables.ContainsKey("NODE_PATH"));
        Assert.False(variables.ContainsKey("R_PROFILE_USER"));

        ContainerHelpers.Remove(workingDirectory);

        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void Bun_GetsTheNodeHelper()
    {
        var helpers = new HelperEnvironment(new HelperEnvironmentOptions { Directory = _dir.File("helpers") });
        var workingDirectory = _dir.File("wd");
        Directory.CreateDirectory(workingDirectory);

        var variables = ContainerHelpers.Install(helpers, Language("bun"), workingDirectory, new Dictionary<string, string>());

        Assert.Equal(Path.Combine(workingDirectory, ContainerHelpers.DirectoryName, "node"), variables["NODE_PATH"]);
    }

    [Fact]
    public void EmptyWorkingDirectory_GetsNoHelpers_SoNothingHasToBeCopiedIntoTheContainer()
    {
        var helpers = new HelperEnvironment(new HelperEnvironmentOptions { Directory = _dir.File("helpers") });
        var workingDirectory = _dir.File("wd");
        Directory.CreateDirectory(workingDirectory);

        var variables = ContainerHelpers.InstallWithFiles(helpers, Language("shell"), workingDirectory, new Dictionary<string, string>());

        Assert.Empty(variables);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingDirectory));
    }

    private static IScriptLanguage Language(string name) => ScriptLanguages.All.Single(l => l.Name == name);
}
