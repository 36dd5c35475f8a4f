namespace Harrier.TestKit.Support;

/// <summary>
/// Stand-ins for interpreters that cannot be installed on these machines (JBang, Nashorn's jjs): small programs that do
/// what the real tool does for Harrier's tests, and say in their name and first lines that they are stand-ins. Each is written to a
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
    /// Nashorn's stand-in runs the script on Node.js with the few Java classes Harrier's prelude (and simple scripts)
    /// use — files, URI, UUID, a nested script engine on <c>vm</c> contexts — so the prelude itself is exercised.
    /// </summary>
    public const string Jjs = """
        #!/usr/bin/env node
        // fake-jjs-standin: a stand-in for Nashorn's jjs (not installable here). It runs the script on Node.js with the
        // few Java classes Harrier's prelude and simple scripts use (files, URI, UUID, a nested script engine): enough to
        // exercise the prelude for real, not a JVM.
        'use strict';
        const fs = require('fs'), path = require('path'), vm = require('vm'), crypto = require('crypto');
        const args = process.argv.slice(2);
        if (args[0] !== '-scripting' || args[2] !== '--') { console.error('usage: jjs -scripting FILE -- ARGS'); process.exit(2); }

        class JavaObject {}
        class JPath extends JavaObject {
          constructor(p) { super(); this.p = p; }
          resolve(name) { return new JPath(path.join(this.p, String(name))); }
          toFile() { return new JFile(this.p); }
          toString() { return this.p; }
        }
        class JFile extends JavaObject {
          constructor(p) { super(); this.p = String(p); }
          getName() { return path.basename(this.p); }
          toPath() { return new JPath(this.p); }
          toString() { return this.p; }
        }
        class JURI extends JavaObject { constructor(t) { super(); this.t = String(t); } toString() { return this.t; } }
        class JError extends Error {}
        const classes = {
          'java.nio.file.Files': {
            readAllBytes: (p) => fs.readFileSync(String(p)),
            write: (p, bytes) => fs.writeFileSync(String(p), bytes),
            copy: (from, to) => fs.copyFileSync(String(from), String(to)),
            createTempFile: (dir, prefix, suffix) => { const p = path.join(String(dir), prefix + crypto.randomBytes(6).toString('hex') + suffix); fs.writeFileSync(p, ''); return new JPath(p); },
          },
          'java.nio.file.Paths': { get: (p) => new JPath(String(p)) },
          'java.nio.file.StandardCopyOption': { REPLACE_EXISTING: 'REPLACE_EXISTING' },
          'java.lang.String': function (bytes, encoding) { return { toString: () => Buffer.from(bytes).toString('utf8'), getBytes: () => Buffer.from(String(bytes), 'utf8') }; },
          'java.io.File': JFile,
          'java.net.URI': JURI,
          'java.util.UUID': { randomUUID: () => crypto.randomUUID() },
          'java.io.FileOutputStream': function (p) { const fd = fs.openSync(String(p), 'w'); return { write: (b) => fs.writeSync(fd, Buffer.from(b)), close: () => fs.closeSync(fd), fd }; },
          'java.io.OutputStreamWriter': function (stream) { return { write: (s) => stream.write(Buffer.from(String(s), 'utf8')), close: () => stream.close() }; },
          'java.io.FileInputStream': function (p) { return { text: fs.readFileSync(String(p), 'utf8') }; },
          'java.io.FileNotFoundException': class extends JError {},
          'java.lang.UnsupportedOperationException': class extends JError {},
        };
        const Java = { type: (name) => { if (!(name in classes)) throw new Error('fake-jjs-standin has no Java class ' + name); return classes[name]; }, isJavaObject: (x) => x instanceof JavaObject };
        // Nashorn's package objects: java.io.File and the like.
        function lookup(parts) {
          const name = parts.join('.');
          if (name in classes) return classes[name];
          return new Proxy({}, { get: (_, more) => lookup(parts.concat([more])) });
        }
        classes['javax.script.ScriptEngineManager'] = function () {
          return {
            getEngineByName: () => ({
              createBindings: () => { const context = vm.createContext({ Java, java: lookup(['java']), print: (...a) => console.log(a.join(' ')) }); return { context, put: (k, v) => { context[k] = v; }, get: (k) => context[k] }; },
              compile: (code) => { const script = new vm.Script(code, { filename: 'script.js' }); return { eval: (b) => script.runInContext(b.context) }; },
              eval: (code, b) => vm.runInContext(code, b.context),
            }),
          };
        };
        global.Java = Java;
        global.java = lookup(['java']);
        global.javax = { script: { ScriptEngineManager: classes['javax.script.ScriptEngineManager'] } };
        global.print = (...a) => console.log(a.join(' '));
        global.$ARG = args.slice(3);
        vm.runInThisContext(fs.readFileSync(args[1], 'utf8'), { filename: args[1] });
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
