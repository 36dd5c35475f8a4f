// Harrier's prelude for Nashorn Eval and FileTransform tasks, run as: jjs -scripting harrier-eval.js -- request.json
// Kestra evaluates these scripts inside its JVM with bindings (its variables, `logger`, `runContext`, and `row` for
// FileTransform); this prelude evaluates the script in a fresh Nashorn engine whose globals are those names, and
// reports back through ::{...}:: protocol lines (logs, metrics) and a result file that Harrier reads after the exit.
// Rows are transformed one at a time (Nashorn globals are not thread-safe); the output order is the source order.
var Files = Java.type('java.nio.file.Files');
var Paths = Java.type('java.nio.file.Paths');
var JString = Java.type('java.lang.String');
var StandardCopyOption = Java.type('java.nio.file.StandardCopyOption');

function readText(path) { return String(new JString(Files.readAllBytes(Paths.get(path)), 'UTF-8')); }
function writeText(path, text) { Files.write(Paths.get(path), new JString(text).getBytes('UTF-8')); }
// Java values met in scripts (URI, File…) become their text.
function json(value) { return JSON.stringify(value, function (key, item) { return Java.isJavaObject(item) ? String(item) : item; }); }
function send(message) { print('::' + json(message) + '::'); }

function format(message, args) {
    var parts = String(message).split('{}');
    var text = parts[0];
    for (var i = 1; i < parts.length; i++) {
        text += (i - 1 < args.length ? String(args[i - 1]) : '{}') + parts[i];
    }
    return text;
}

function level(name) { return function (message) { send({ logs: [{ level: name, message: format(message, Array.prototype.slice.call(arguments, 1)) }] }); }; }
var logger = { trace: level('TRACE'), debug: level('DEBUG'), info: level('INFO'), warn: level('WARN'), error: level('ERROR') };

var request = JSON.parse(readText($ARG[0]));
var stored = [];
var storage = {
    // Copied now (the caller may delete its file next), uploaded by Harrier under the returned URI after the run.
    putFile: function (file) {
        var source = typeof file === 'string' ? new java.io.File(file) : (file.toFile ? file.toFile() : file);
        var name = java.util.UUID.randomUUID().toString().replace(/-/g, '').substring(0, 12) + '-' + String(source.getName()).replace(/[^A-Za-z0-9._-]/g, '_');
        var copy = Paths.get(request.filesDir).resolve(name);
        Files.copy(source.toPath(), copy, StandardCopyOption.REPLACE_EXISTING);
        stored.push({ name: name, path: String(copy) });
        return new java.net.URI(request.storagePrefix + '/' + name);
    },
    getFile: function (uri) {
        var text = String(uri);
        var local = request.storageFiles[text] || request.storageFiles[text.replace(/^harrier:/, 'kestra:')] || request.storageFiles[text.replace(/^kestra:/, 'harrier:')];
        if (!local) {
            throw new java.io.FileNotFoundException(text + ': Harrier makes the storage files that the script or its variables name readable; this one is not among them');
        }
        return new java.io.FileInputStream(local);
    }
};
var workingDir = {
    path: function () { return Paths.get(request.workingDir); },
    resolve: function (name) { return Paths.get(request.workingDir).resolve(name); },
    createTempFile: function (extension) { return Files.createTempFile(Paths.get(request.workingDir), 'tmp', extension || '.tmp'); }
};
var runContext = {
    getVariables: function () { return request.bindings; },
    variables: request.bindings,
    logger: function () { return logger; },
    storage: function () { return storage; },
    workingDir: function () { return workingDir; },
    metric: function (metric) { send({ metrics: [{ name: String(metric.name), type: String(metric.type), value: Number(metric.value), tags: metric.tags || {} }] }); return runContext; },
    // Harrier renders every {{ }} of the script before it runs; here only plain variable paths remain possible.
    render: function (template) {
        var rendered = String(template).replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}/g, function (all, path) {
            var value = request.bindings;
            path.split('.').forEach(function (key) { value = value == null ? null : value[key]; });
            return value == null ? '' : String(value);
        });
        if (rendered.indexOf('{{') >= 0 || rendered.indexOf('{%') >= 0) {
            throw new java.lang.UnsupportedOperationException('runContext.render in Harrier handles {{ variable.path }} only; write other expressions in the script itself, which is rendered before it runs: ' + template);
        }
        return rendered;
    }
};

var engine = new javax.script.ScriptEngineManager().getEngineByName('nashorn');
var compiled = engine.compile(request.script);

function scope(extra) {
    var bindings = engine.createBindings();
    bindings.put('__harrierVariables', JSON.stringify(request.bindings));
    engine.eval('(function (g) { var v = JSON.parse(__harrierVariables); for (var k in v) g[k] = v[k]; })(this)', bindings);
    bindings.put('logger', logger);
    bindings.put('runContext', runContext);
    if (extra !== undefined) {
        bindings.put('__harrierRow', extra);
        engine.eval('var row = JSON.parse(__harrierRow);', bindings);
    }
    return bindings;
}

function value(bindings, name) {
    bindings.put('__harrierName', name);
    var text = engine.eval('(function (g) { var v = g[__harrierName]; return JSON.stringify(v === undefined ? null : v, function (k, x) { return Java.isJavaObject(x) ? String(x) : x; }); })(this)', bindings);
    return JSON.parse(text);
}

var result = { files: stored };
if (request.mode === 'eval') {
    var bindings = scope();
    var last = compiled.eval(bindings);
    bindings.put('__harrierLast', last === undefined ? null : last);
    result.result = value(bindings, '__harrierLast');
    result.outputs = {};
    request.outputs.forEach(function (name) { result.outputs[name] = value(bindings, name); });
} else {
    var lines = readText(request.rowsIn).split('\n');
    var out = new java.io.OutputStreamWriter(new java.io.FileOutputStream(request.rowsOut), 'UTF-8');
    var count = 0;
    try {
        lines.forEach(function (line) {
            if (line.trim() === '') { return; }
            var rowScope = scope(line);
            compiled.eval(rowScope);
            var many = value(rowScope, 'rows');
            var rows = many !== null ? many : (value(rowScope, 'row') === null ? [] : [value(rowScope, 'row')]);
            rows.forEach(function (row) { out.write(JSON.stringify(row) + '\n'); count++; });
        });
    } finally {
        out.close();
    }
    result.rows = count;
}
writeText(request.result, JSON.stringify(result));
