package harrier

import groovy.json.JsonOutput

// Harrier's helper for Groovy scripts (its folder is on CLASSPATH, so `import harrier.Harrier` works without a jar):
// prints ::{...}:: protocol lines that Harrier turns into task outputs, metrics and logs.
//
//   import harrier.Harrier
//   Harrier.outputs(rows: 42)
//   Harrier.counter('processed', 42, [source: 's3'])
//   Harrier.timer('load') { loadEverything() }
class Harrier {
    static final List<String> LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']

    static synchronized void send(Map message) {
        // JsonOutput escapes quotes, backslashes and control characters; non-ASCII stays valid JSON.
        System.out.println('::' + JsonOutput.toJson(message) + '::')
        System.out.flush()
    }

    static void outputs(Map values) { send([outputs: values]) }

    static void counter(String name, Number value, Map tags = [:]) { metric(name, 'counter', value, tags) }

    static void gauge(String name, Number value, Map tags = [:]) { metric(name, 'gauge', value, tags) }

    static void timer(String name, Number seconds, Map tags = [:]) { metric(name, 'timer', seconds, tags) }

    /** Runs the closure and records its real elapsed time; returns the closure's value. */
    static Object timer(String name, Map tags = [:], Closure work) {
        long started = System.nanoTime()
        def result = work.call()
        metric(name, 'timer', (System.nanoTime() - started) / 1e9d, tags)
        return result
    }

    static void log(String level, String message) {
        def upper = level.toUpperCase() == 'WARNING' ? 'WARN' : level.toUpperCase()
        if (!LEVELS.contains(upper)) {
            throw new IllegalArgumentException("level must be one of ${LEVELS.join(', ')}")
        }
        send([logs: [[level: upper, message: message]]])
    }

    private static void metric(String name, String type, Number value, Map tags) {
        send([metrics: [[name: name, type: type, value: value, tags: tags.collectEntries { k, v -> [(k as String): v as String] }]]])
    }
}
