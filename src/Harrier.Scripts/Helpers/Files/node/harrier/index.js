'use strict';
// Harrier's helper for Node.js scripts: prints ::{...}:: protocol lines that Harrier turns into task
// outputs, metrics and logs. Put on NODE_PATH by Harrier (require only; ESM `import` does not read NODE_PATH).
// The exported object has Kestra's @kestra-io/libs API: outputs, counter, timer, gauge, logger.

// JSON.stringify leaves U+0085/U+2028/U+2029 raw; some line readers split on them, so escape them.
const format = (map) =>
  '::' + JSON.stringify(map).replace(/[\u0085\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '::';

const Kestra = function () {};
Kestra.format = format;
Kestra._send = (map) => console.log(format(map));
Kestra._metrics = (name, type, value, tags) =>
  Kestra._send({ metrics: [{ name: name, type: type, value: value, tags: tags || {} }] });
Kestra.outputs = (outputs) => Kestra._send({ outputs: outputs });
Kestra.counter = (name, value, tags) => Kestra._metrics(name, 'counter', value, tags);
Kestra.gauge = (name, value, tags) => Kestra._metrics(name, 'gauge', value, tags);

// A number is seconds; a function receives a `done` callback and the wall time until it is called is recorded.
Kestra.timer = (name, duration, tags) => {
  if (typeof duration === 'function') {
    const start = process.hrtime.bigint();
    duration(() => Kestra._metrics(name, 'timer', Number(process.hrtime.bigint() - start) / 1e9, tags));
  } else {
    Kestra._metrics(name, 'timer', duration, tags);
  }
};

const entries = (level, messages) => ({ logs: messages.map((m) => ({ level: level, message: typeof m === 'string' ? m : String(m) })) });
Kestra.logger = () => ({
  // console.trace would prefix "Trace: " and break the line; Harrier writes TRACE lines to stdout directly.
  trace: (...m) => console.log(format(entries('TRACE', m))),
  debug: (...m) => console.debug(format(entries('DEBUG', m))),
  info: (...m) => console.info(format(entries('INFO', m))),
  warn: (...m) => console.warn(format(entries('WARN', m))),
  error: (...m) => console.error(format(entries('ERROR', m))),
});
Kestra.log = (level, message) => Kestra._send(entries(String(level).toUpperCase(), [message]));

module.exports = Kestra;
module.exports.default = Kestra;
module.exports.Kestra = Kestra;
