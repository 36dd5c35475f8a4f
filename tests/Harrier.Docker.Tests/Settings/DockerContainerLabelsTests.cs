namespace Harrier.Docker.Tests.Settings;

public sealed class DockerContainerLabelsTests
{
    [Fact]
    public void ToDictionary_CutsValuesTo63Characters_AndStripsTrailingSeparators()
    {
        var longNamespace = new string('n', 62) + "-xyz";
        var labels = new DockerContainerLabels(longNamespace, "flow_", "task.", "exec", "run", 0).ToDictionary();

        Assert.Equal(new string('n', 62), labels[DockerContainerLabels.NamespaceKey]);
        Assert.Equal("flow", labels[DockerContainerLabels.FlowIdKey]);
        Assert.Equal("task", labels[DockerContainerLabels.TaskIdKey]);
        Assert.Equal("0", labels[DockerContainerLabels.AttemptKey]);
        Assert.Equal("true", labels[DockerContainerLabels.ManagedKey]);
    }

    [Fact]
    public void FromDictionary_IgnoresContainersHarrierDidNotCreate()
    {
        var kestras = new Dictionary<string, string> { [DockerContainerLabels.NamespaceKey] = "company" };
        var harriers = new Dictionary<string, string>(new DockerContainerLabels("company", "f", "t", "e", "r", 2).ToDictionary());

        Assert.Null(DockerContainerLabels.FromDictionary(kestras));
        Assert.Equal(new DockerContainerLabels("company", "f", "t", "e", "r", 2), DockerContainerLabels.FromDictionary(harriers));
    }
}
