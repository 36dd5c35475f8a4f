using Harrier.Server.Configuration;

namespace Harrier.Server.Tests.Configuration;

/// <summary>The configuration file (every key, errors with FILE:LINE:COL) and the HARRIER_ environment variables over it.</summary>
public sealed class ServerConfigReaderTests
{
    [Fact]
    public void ReadYaml_SetsEveryDocumentedKey()
    {
        var options = ServerConfigReader.ReadYaml(new ServerOptions(), """
            server:
              host: 0.0.0.0
              port: 9090
              basicAuth:
                username: admin
                password: pass
              allowRemoteWithoutAuth: false
              maxRequestBodySize: 10MB
              terminationGracePeriod: PT5S
              recoveryInterval: PT10S
              url: https://harrier.example.com/
            dataDir: /var/lib/harrier
            workers: 6
            worker:
              group: gpu
              leaseDuration: PT5S
            executor:
              leaseDuration: PT7S
            flows: /tmp
            defaultRunner: docker
            docker:
              volumesEnabled: true
            database:
              type: postgres
              url: postgresql://harrier:secret@db.example.com:5432/harrier
            """, "harrier.yml");

        Assert.Equal(("0.0.0.0", 9090, "admin", "pass"), (options.Host, options.Port, options.BasicAuth!.Username, options.BasicAuth.Password));
        Assert.Equal((10L * 1024 * 1024, TimeSpan.FromSeconds(5), "https://harrier.example.com"), (options.MaxRequestBodySize, options.TerminationGracePeriod, options.PublicUrl));
        Assert.Equal(("/var/lib/harrier", 6, "/tmp", "docker", true), (options.DataDirectory, options.Workers, options.FlowsDirectory, options.DefaultRunner, options.DockerVolumesEnabled));
        Assert.Equal(TimeSpan.FromSeconds(10), options.RecoveryInterval);
        Assert.Equal(("postgres", "postgresql://harrier:secret@db.example.com:5432/harrier"), (options.DatabaseType, options.DatabaseUrl));
        Assert.Equal(("gpu", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7)), (options.WorkerGroup, options.LeaseDuration, options.PlanningLeaseDuration));
        options.Validate();
        Assert.Equal(19, ServerConfigKeys.All.Count);
    }

    [Fact]
    public void ReadYaml_ReportsUnknownKeysAndBadValues_WithFileLineAndColumn()
    {
        var error = Assert.Throws<ServerConfigException>(() => ServerConfigReader.ReadYaml(new ServerOptions(), "server:\n  prot: 8080\n  port: eighty\nworkers: [1]\n", "harrier.yml"));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal("harrier.yml:2:3: server.prot: unknown configuration key 'server.prot'; did you mean 'server.port'?", lines[0]);
        Assert.Equal("harrier.yml:3:9: server.port: 'eighty' is not a whole number", lines[1]);
        Assert.Equal("harrier.yml:4:10: workers: expected a single value, found a list", lines[2]);
    }

    [Fact]
    public void Environment_OverridesTheFile_AndBadValuesNameTheVariable()
    {
        var fromFile = ServerConfigReader.ReadYaml(new ServerOptions(), "server:\n  port: 9090\nworkers: 3\n", "harrier.yml");
        var environment = new Dictionary<string, string>
        {
            ["HARRIER_SERVER_PORT"] = "7070",
            ["HARRIER_SERVER_BASICAUTH_USERNAME"] = "ops",
            ["HARRIER_SERVER_BASICAUTH_PASSWORD"] = "from-env",
            ["HARRIER_DATADIR"] = "/data",
            ["HARRIER_DEBUG"] = "1",
        };

        var options = ServerConfigReader.ReadEnvironment(fromFile, environment);
        var bad = Assert.Throws<ServerConfigException>(() => ServerConfigReader.ReadEnvironment(new ServerOptions(), new Dictionary<string, string> { ["HARRIER_WORKERS"] = "lots" }));

        Assert.Equal((7070, 3, "/data", "ops", "from-env"), (options.Port, options.Workers, options.DataDirectory, options.BasicAuth!.Username, options.BasicAuth.Password));
        Assert.Equal("HARRIER_WORKERS: 'lots' is not a whole number", bad.Message);
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var error = Assert.Throws<ServerConfigException>(() => new ServerOptions { Port = 70000, Workers = 0, DefaultRunner = "kubernetes", FlowsDirectory = "/no/such/folder" }.Validate());

        Assert.Contains("server.port", error.Message, StringComparison.Ordinal);
        Assert.Contains("flows: there is no folder /no/such/folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("workers", error.Message, StringComparison.Ordinal);
        Assert.Contains("defaultRunner", error.Message, StringComparison.Ordinal);
    }
}
