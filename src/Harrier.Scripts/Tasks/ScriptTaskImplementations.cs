using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;
using Harrier.Scripts.Git;
using Harrier.Scripts.Http;
using Harrier.Scripts.Jvm;
using Harrier.Scripts.Legacy;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Storage;

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

        foreach (var engine in JvmScriptEngines.All)
        {
            implementations.Add(engine.EvalType, () => new EvalTask(engine, services));
            implementations.Add(engine.FileTransformType, () => new FileTransformTask(engine, services));
        }

        implementations.Add(LegacyScriptTypes.Bash, () => new LegacyScriptTask(python: false, services));
        implementations.Add(LegacyScriptTypes.Python, () => new LegacyScriptTask(python: true, services));
        implementations.Add(HttpTaskTypes.Request, () => new RequestTask());
        implementations.Add(HttpTaskTypes.Download, () => new DownloadTask());
        implementations.Add(CoreTaskTypes.WorkingDirectory, () => new WorkingDirectoryTask());
        implementations.Add(GitCloneType.Type, () => new GitCloneTask());
        return implementations.AddStorageTasks();
    }
}
