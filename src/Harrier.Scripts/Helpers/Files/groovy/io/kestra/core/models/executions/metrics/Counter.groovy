package io.kestra.core.models.executions.metrics

// Harrier's stand-in for Kestra's Counter metric class, so that Eval scripts written for Kestra
// (runContext.metric(Counter.of('total', 666, 'name', 'bla'))) compile and report the metric.
class Counter {
    String name
    String type = 'counter'
    double value
    Map<String, String> tags = [:]

    static Counter of(String name, Number value, String... tags) {
        new Counter(name: name, value: value.doubleValue(), tags: Timer.pairs(tags))
    }
}
