using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Legacy;

/// <summary>
/// The legacy Python task's commands: a virtualenv in the working directory itself (<c>./bin/python</c>), with the
/// system's packages visible, <c>requirements</c> installed by its pip, then each command with <c>args</c> appended.
/// </summary>
/// <remarks>Kestra also upgrades pip in the new virtualenv; Harrier does not (it would need the package index, and the
/// virtualenv's own pip installs the requirements fine).</remarks>
internal static class LegacyPython
{
    private const string DefaultCommand = "./bin/python main.py";

    public static async Task<List<string>> CommandsAsync(PropertyReader properties, ScriptTaskServices services, string workingDirectory, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var exitOnFailed = properties.Bool("exitOnFailed", true);
        if (exitOnFailed)
        {
            lines.Add("set -o errexit");
        }

        if (properties.Bool("virtualEnv", true))
        {
            var python = properties.String("pythonPath") is { } declared && declared != "python"
                ? declared
                // Debian has python3 but no `python`: the default means "the worker's Python".
                : await services.Python.ResolveAsync(services.WorkerEnvironment.GetValueOrDefault("PATH") ?? string.Empty, cancellationToken).ConfigureAwait(false) ?? "python3";
            var requirements = properties.StringList("requirements") ?? [];
            // Without requirements the virtualenv needs no pip of its own (ensurepip costs seconds).
            var withoutPip = requirements.Count == 0 ? " --without-pip" : string.Empty;
            lines.Add($"{ShellQuoting.QuoteIfNeeded(python)} -m venv --system-site-packages{withoutPip} {ShellQuoting.QuoteIfNeeded(workingDirectory)} > /dev/null");
            if (requirements.Count > 0)
            {
                lines.Add("./bin/pip install --disable-pip-version-check " + string.Join(' ', requirements) + " > /dev/null");
            }
        }

        var args = properties.StringList("args") is { Count: > 0 } list ? " " + string.Join(' ', list) : string.Empty;
        foreach (var command in properties.StringList("commands") ?? [DefaultCommand])
        {
            lines.Add(command + args);
        }

        return lines;
    }
}
