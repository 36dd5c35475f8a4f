package io.kestra.core.models.executions.metrics

import java.time.Duration

// Harrier's stand-in for Kestra's Timer metric class: Timer.of('load', Duration.ofMillis(120), 'tag', 'value').
class Timer {
    String name
    String type = 'timer'
    double value
    Map<String, String> tags = [:]

    static Timer of(String name, Duration duration, String... tags) {
        new Timer(name: name, value: duration.toNanos() / 1e9d, tags: pairs(tags))
    }

    static Map<String, String> pairs(String[] tags) {
        def map = [:]
        for (int i = 0; i + 1 < tags.length; i += 2) {
            map[tags[i]] = tags[i + 1]
        }
        return map
    }
}
