using Harrier.Core.Engine.Coordination;
using Harrier.TestKit.Contracts;

namespace Harrier.Core.Tests.Engine.Coordination;

/// <summary>The EngineNudgesContract on the in-process nudges standalone engines use.</summary>
public sealed class InProcessNudgesTests : EngineNudgesContract, IDisposable
{
    private readonly List<InProcessNudges> _created = [];

    protected override IEngineNudges Create()
    {
        var nudges = new InProcessNudges();
        _created.Add(nudges);
        return nudges;
    }

    public void Dispose() => _created.ForEach(n => n.Dispose());
}
