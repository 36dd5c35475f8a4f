using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Tasks;

/// <summary>Registers the Script and Commands tasks of every language.</summary>
public static class ScriptTaskImplementations
{
    public static TaskImplementations AddScriptTasks(this TaskImplementations implementations, ScriptTaskServices services)
    {
        foreach (var language in ScriptLanguages.All)
        {
            implementations.Add(language.ScriptTypeName, () => new ScriptTask(language, isCommands: false, services));
            implementations.Add(language.CommandsTypeName, () => new ScriptTask(language, isCommands: true, services));
        }

        return implementations;
    }
}
