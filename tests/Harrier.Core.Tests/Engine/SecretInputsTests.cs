using Harrier.Core.Engine;
using Harrier.Core.Inputs;
using Harrier.Core.Tests.Engine.Planning;
using Xunit;

namespace Harrier.Core.Tests.Engine;

public sealed class SecretInputsTests
{
    private const string Flow = """
        inputs:
          - {id: user, type: STRING}
          - {id: db.password, type: SECRET}
          - {id: token, type: SECRET, required: false}
        tasks:
          - {id: a, type: Return}
        """;

    private readonly SecretInputCipher _cipher = SecretInputCipher.Ephemeral();

    private static Dictionary<string, object?> Inputs() => new()
    {
        ["user"] = "ann",
        ["db"] = new Dictionary<string, object?> { ["password"] = "pw-1", ["host"] = "h" },
        ["token"] = null,
    };

    [Fact]
    public void Seal_SealsOnlySecretValues_AtTheirDottedPath()
    {
        var flow = new PlannerSimulation(Flow).Flow;

        var sealedInputs = SecretInputs.Seal(flow, Inputs(), _cipher);

        Assert.Equal("ann", sealedInputs["user"]);
        var db = (IReadOnlyDictionary<string, object?>)sealedInputs["db"]!;
        Assert.True(SecretInputCipher.IsSealed(db["password"]));
        Assert.Equal("h", db["host"]);
        Assert.Null(sealedInputs["token"]);
    }

    [Fact]
    public void Open_GivesBackTheValuesGiven()
    {
        var flow = new PlannerSimulation(Flow).Flow;

        var opened = SecretInputs.Open(flow, SecretInputs.Seal(flow, Inputs(), _cipher), _cipher);

        Assert.Equal("pw-1", ((IReadOnlyDictionary<string, object?>)opened["db"]!)["password"]);
    }

    [Fact]
    public void Open_FailsWithAClearMessage_WhenTheKeyChanged()
    {
        var flow = new PlannerSimulation(Flow).Flow;
        var sealedInputs = SecretInputs.Seal(flow, Inputs(), _cipher);

        var error = Assert.Throws<SecretInputException>(() => SecretInputs.Open(flow, sealedInputs, SecretInputCipher.Ephemeral()));

        Assert.Contains("secret-inputs.key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masker_HidesTheOpenedValue()
    {
        var flow = new PlannerSimulation(Flow).Flow;

        var masker = SecretInputs.Masker(flow, SecretInputs.Seal(flow, Inputs(), _cipher), _cipher);

        Assert.Equal("db is ******", masker.Apply("db is pw-1"));
    }

    [Fact]
    public void FlowWithoutSecretInputs_KeepsTheSameDictionary()
    {
        var flow = new PlannerSimulation("tasks:\n  - {id: a, type: Return}").Flow;
        var inputs = Inputs();

        Assert.Same(inputs, SecretInputs.Seal(flow, inputs, _cipher));
    }

    [Fact]
    public void ExpressionVariables_SeeSecretInputsInClear()
    {
        var simulation = new PlannerSimulation(Flow, Inputs());
        var execution = simulation.Execution with { Inputs = SecretInputs.Seal(simulation.Flow, Inputs(), _cipher) };
        var variables = new EngineVariables(new Dictionary<string, object?>(), new Dictionary<string, object?>(), _cipher);

        var inputs = (IReadOnlyDictionary<string, object?>)variables.ForExecution(simulation.Flow, execution, [])["inputs"]!;

        Assert.Equal("pw-1", ((IReadOnlyDictionary<string, object?>)inputs["db"]!)["password"]);
    }
}
