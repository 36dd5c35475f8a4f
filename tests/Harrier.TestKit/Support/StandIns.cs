namespace Harrier.TestKit.Support;

/// <summary>
/// Stand-ins for interpreters that cannot be installed on these machines (JBang, Nashorn's jjs). Each is written to a
/// folder as <c>fake-…-standin</c>, with the real tool's name as a symbolic link to it, so a PATH holding that folder
/// finds "jbang" or "jjs" while every listing shows what it really is.
/// </summary>
public static class StandIns
{
    /// <summary>JBang's stand-in runs the script with Java's single-file source launcher (what JBang does, minus //DEPS).</summary>
    public const string Jbang = """
        #!/bin/sh
        # fake-jbang-standin: a stand-in for JBang (not installable here). Drops --quiet, runs `java FILE.java`.
        [ "$1" = "--quiet" ] && shift
        exec java "$@"
        """;

    /// <summary>
    /// Nashorn's stand-in checks that it was called as Harrier calls jjs (-scripting PRELUDE -- REQUEST), then answers the
    /// request the way the prelude would for a script that sets every output to its binding and tags every row.
    /// </summary>
    public const string Jjs = """
        #!/usr/bin/env python3
        # fake-jjs-standin: a stand-in for Nashorn's jjs (not installable here). It does not run JavaScript.
        import json, os, sys
        args = sys.argv[1:]
        assert args[0] == '-scripting' and args[2] == '--' and os.path.isfile(args[1]), args
        request = json.load(open(args[3]))
        print('::' + json.dumps({'logs': [{'level': 'INFO', 'message': 'fake-jjs-standin ran ' + os.path.basename(args[1])}]}) + '::')
        result = {'files': []}
        if request['mode'] == 'eval':
            result['result'] = request['script']
            result['outputs'] = {name: request['bindings'].get(name) for name in request['outputs']}
        else:
            with open(request['rowsIn']) as rows, open(request['rowsOut'], 'w') as out:
                count = 0
                for line in rows:
                    if line.strip():
                        row = json.loads(line)
                        row['standIn'] = True
                        out.write(json.dumps(row) + '\n')
                        count += 1
            result['rows'] = count
        json.dump(result, open(request['result'], 'w'))
        """;

    /// <summary>Writes the stand-in into <paramref name="folder"/> and links <paramref name="toolName"/> to it; returns <paramref name="path"/> with the folder first.</summary>
    public static string Install(string folder, string toolName, string script, string path)
    {
        Directory.CreateDirectory(folder);
        var standIn = Path.Combine(folder, $"fake-{toolName}-standin");
        File.WriteAllText(standIn, script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The stand-ins are POSIX scripts.");
        }

        File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        File.CreateSymbolicLink(Path.Combine(folder, toolName), standIn);
        return folder + ":" + path;
    }
}
