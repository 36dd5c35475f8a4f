// Harrier's prelude for Groovy Eval and FileTransform tasks, run as: groovy -cp <this folder> HarrierEval.groovy request.json
// Kestra evaluates these scripts inside its JVM with bindings (its variables, `logger`, `runContext`, and `row` for
// FileTransform); this prelude gives a script the same names in a child process, and reports back through
// ::{...}:: protocol lines (logs, metrics) and a result file that Harrier reads after the exit.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.StandardCopyOption
import java.util.concurrent.Callable
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.Future
import org.codehaus.groovy.runtime.InvokerHelper

class HarrierProtocol {
    static synchronized void send(Map message) {
        System.out.println('::' + JsonOutput.toJson(HarrierValues.plain(message)) + '::')
        System.out.flush()
    }
}

class HarrierValues {
    // JSON-ready copies of script values: GStrings become texts, unknown objects (URI, File…) their toString().
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value
        }
        if (value instanceof CharSequence) {
            return value.toString()
        }
        if (value instanceof Map) {
            def map = new LinkedHashMap()
            value.each { k, v -> map[String.valueOf(k)] = plain(v) }
            return map
        }
        if (value instanceof Collection || value.getClass().isArray()) {
            return value.collect { plain(it) }
        }
        return value.toString()
    }

    // Mutable Java collections, as Kestra's bindings are (JsonSlurper's lazy maps are copied).
    static Object mutable(Object value) {
        if (value instanceof Map) {
            def map = new LinkedHashMap()
            value.each { k, v -> map[k] = mutable(v) }
            return map
        }
        if (value instanceof List) {
            return new ArrayList(value.collect { mutable(it) })
        }
        return value
    }
}

class HarrierLogger {
    void trace(String message, Object... args) { log('TRACE', message, args) }
    void debug(String message, Object... args) { log('DEBUG', message, args) }
    void info(String message, Object... args) { log('INFO', message, args) }
    void warn(String message, Object... args) { log('WARN', message, args) }
    void error(String message, Object... args) { log('ERROR', message, args) }
    boolean isTraceEnabled() { true }
    boolean isDebugEnabled() { true }
    boolean isInfoEnabled() { true }

    private static void log(String level, String message, Object[] args) {
        HarrierProtocol.send([logs: [[level: level, message: format(message, args)]]])
    }

    // SLF4J's substitution: each {} takes the next argument.
    static String format(String message, Object[] args) {
        def text = new StringBuilder()
        int from = 0
        int used = 0
        while (true) {
            int at = message.indexOf('{}', from)
            if (at < 0 || used >= args.length) {
                text.append(message.substring(from))
                return text.toString()
            }
            text.append(message, from, at).append(String.valueOf(args[used++]))
            from = at + 2
        }
    }
}

class HarrierWorkingDir {
    Path root

    Path path() { root }
    Path resolve(String name) { root.resolve(name) }
    Path createTempFile() { createTempFile('.tmp') }
    Path createTempFile(String extension) { Files.createTempFile(root, 'tmp', extension) }
}

class HarrierStorage {
    String prefix
    Path filesDir
    Map<String, String> readable
    List<Map> stored = Collections.synchronizedList([])

    // Copied now (the caller may delete its file next), uploaded by Harrier under the returned URI after the run.
    URI putFile(File file) {
        def name = UUID.randomUUID().toString().replace('-', '').substring(0, 12) + '-' + file.name.replaceAll('[^A-Za-z0-9._-]', '_')
        def copy = filesDir.resolve(name)
        Files.copy(file.toPath(), copy, StandardCopyOption.REPLACE_EXISTING)
        stored << [name: name, path: copy.toString()]
        return new URI(prefix + '/' + name)
    }

    URI putFile(Path path) { putFile(path.toFile()) }

    InputStream getFile(URI uri) {
        def local = readable[uri.toString()] ?: readable[uri.toString().replaceFirst('^harrier://', 'kestra://')] ?: readable[uri.toString().replaceFirst('^kestra://', 'harrier://')]
        if (local == null) {
            throw new FileNotFoundException("${uri}: Harrier makes the storage files that the script or its variables name readable; this one is not among them")
        }
        return new FileInputStream(local)
    }
}

class HarrierRunContext {
    Map variables
    HarrierLogger logger
    HarrierStorage storage
    HarrierWorkingDir workingDir

    Map getVariables() { variables }
    HarrierLogger logger() { logger }
    HarrierStorage storage() { storage }
    HarrierWorkingDir workingDir() { workingDir }
    HarrierRunContext metric(Object metric) {
        HarrierProtocol.send([metrics: [[name: metric.name, type: metric.type, value: metric.value, tags: metric.tags ?: [:]]]])
        return this
    }

    // Harrier renders every {{ }} of the script before it runs; here only plain variable paths remain possible.
    String render(String template) {
        template.replaceAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}/) { all, path ->
            def value = variables
            path.split('\\.').each { value = value instanceof Map ? value[it] : null }
            value == null ? '' : String.valueOf(value)
        }.with { rendered ->
            if (rendered.contains('{{') || rendered.contains('{%')) {
                throw new UnsupportedOperationException("runContext.render in Harrier handles {{ variable.path }} only; write other expressions in the script itself, which is rendered before it runs: ${template}")
            }
            rendered
        }
    }
}

def request = new JsonSlurper().parse(new File(args[0]), 'UTF-8')
def bindings = HarrierValues.mutable(request.bindings) as Map
def logger = new HarrierLogger()
def storage = new HarrierStorage(prefix: request.storagePrefix, filesDir: Paths.get(request.filesDir), readable: request.storageFiles as Map)
def context = new HarrierRunContext(variables: bindings, logger: logger, storage: storage, workingDir: new HarrierWorkingDir(root: Paths.get(request.workingDir)))
def scriptClass = new GroovyShell(this.class.classLoader).parse(request.script as String, 'script.groovy').getClass()

def newBinding = { ->
    def binding = new Binding()
    bindings.each { k, v -> binding.setVariable(k as String, v) }
    binding.setVariable('logger', logger)
    binding.setVariable('runContext', context)
    binding
}
def variable = { Binding binding, String name -> binding.hasVariable(name) ? binding.getVariable(name) : null }
def result = [files: storage.stored]

if (request.mode == 'eval') {
    def binding = newBinding()
    result.result = HarrierValues.plain(InvokerHelper.createScript(scriptClass, binding).run())
    result.outputs = HarrierValues.plain(request.outputs.collectEntries { [(it): variable(binding, it)] })
} else {
    // Rows go through a pool of `concurrent` threads; results are written in the source order.
    def pool = Executors.newFixedThreadPool(request.concurrent as int)
    def transform = { Object row ->
        def binding = newBinding()
        binding.setVariable('row', row)
        InvokerHelper.createScript(scriptClass, binding).run()
        def many = variable(binding, 'rows')
        if (many != null) {
            return many as List
        }
        def one = variable(binding, 'row')
        return one == null ? [] : [one]
    }
    long count = 0
    def pending = new ArrayDeque<Future>()
    new File(request.rowsOut).withWriter('UTF-8') { writer ->
        def drain = { ->
            try {
                pending.removeFirst().get().each { writer.write(JsonOutput.toJson(HarrierValues.plain(it)) + '\n'); count++ }
            } catch (ExecutionException e) {
                throw e.cause
            }
        }
        try {
            new File(request.rowsIn).eachLine('UTF-8') { line ->
                if (line.trim()) {
                    def row = HarrierValues.mutable(new JsonSlurper().parseText(line))
                    pending.addLast(pool.submit({ transform(row) } as Callable))
                    if (pending.size() >= 4 * (request.concurrent as int)) {
                        drain()
                    }
                }
            }
            while (!pending.isEmpty()) {
                drain()
            }
        } finally {
            pool.shutdownNow()
        }
    }
    result.rows = count
}
new File(request.result).write(JsonOutput.toJson(result), 'UTF-8')
