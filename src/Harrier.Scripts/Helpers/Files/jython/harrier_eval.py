# Harrier's prelude for Jython Eval and FileTransform tasks, run as: jython harrier_eval.py request.json
# Kestra evaluates these scripts inside its JVM with bindings (its variables, `logger`, `runContext`, and `row` for
# FileTransform); this prelude gives a script the same names in a child process (Jython 2.7: Python 2 syntax, Java
# classes importable) and reports back through ::{...}:: protocol lines (logs, metrics) and a result file.
import codecs
import collections
import json
import re
import sys
import threading
import types
import uuid

from java.io import File, FileInputStream, FileNotFoundException
from java.lang import UnsupportedOperationException
from java.net import URI
from java.nio.file import Files, Paths, StandardCopyOption
from java.util import Collection, Map
from java.util.concurrent import Callable, ExecutionException, Executors

_lock = threading.Lock()


def _send(message):
    line = '::' + json.dumps(message, default=_plain, ensure_ascii=True) + '::\n'
    with _lock:
        sys.stdout.write(line)
        sys.stdout.flush()


def _plain(value):
    # Java values met in scripts: maps and collections become JSON ones, anything else (URI, File...) its text.
    if isinstance(value, Map):
        return dict((unicode(entry.getKey()), entry.getValue()) for entry in value.entrySet())
    if isinstance(value, Collection):
        return list(value)
    return unicode(value)


class JavaLikeDict(collections.OrderedDict):
    """An ordered dict that also answers Java's Map methods, as Kestra's bound rows (java.util.Map) do."""

    def put(self, key, value):
        previous = self.get(key)
        self[key] = value
        return previous

    def containsKey(self, key):
        return key in self

    def size(self):
        return len(self)

    def __str__(self):
        return '{' + ', '.join('%s=%s' % (_text(k), _text(v)) for k, v in self.items()) + '}'


def _text(value):
    if isinstance(value, basestring):
        return value
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, list):
        return '[' + ', '.join(_text(v) for v in value) + ']'
    return unicode(value)


def _format(message, args):
    # SLF4J's substitution: each {} takes the next argument.
    parts = unicode(message).split('{}')
    text = parts[0]
    for i, part in enumerate(parts[1:]):
        text += (_text(args[i]) if i < len(args) else '{}') + part
    return text


class Logger(object):
    def _log(self, level, message, args):
        _send({'logs': [{'level': level, 'message': _format(message, args)}]})

    def trace(self, message, *args):
        self._log('TRACE', message, args)

    def debug(self, message, *args):
        self._log('DEBUG', message, args)

    def info(self, message, *args):
        self._log('INFO', message, args)

    def warn(self, message, *args):
        self._log('WARN', message, args)

    def error(self, message, *args):
        self._log('ERROR', message, args)


class Metric(object):
    def __init__(self, kind, name, value, tags):
        self.name, self.type, self.value = name, kind, float(value)
        self.tags = dict(zip(tags[0::2], tags[1::2]))


class Counter(object):
    """Harrier's stand-in for Kestra's io.kestra.core.models.executions.metrics.Counter."""

    @staticmethod
    def of(name, value, *tags):
        return Metric('counter', name, value, tags)


class Timer(object):
    """Harrier's stand-in for Kestra's Timer: Timer.of(name, java.time.Duration, tags...)."""

    @staticmethod
    def of(name, duration, *tags):
        return Metric('timer', name, duration.toNanos() / 1e9, tags)


def _register_metric_classes():
    # `from io.kestra.core.models.executions.metrics import Counter` must work: Python's own `io` module stays,
    # the dotted names below it are found in sys.modules first.
    name = 'io'
    for part in ['kestra', 'core', 'models', 'executions', 'metrics']:
        name += '.' + part
        module = sys.modules.setdefault(name, types.ModuleType(name))
    module.Counter, module.Timer = Counter, Timer


class WorkingDir(object):
    def __init__(self, root):
        self._root = Paths.get(root)

    def path(self):
        return self._root

    def resolve(self, name):
        return self._root.resolve(name)

    def createTempFile(self, extension='.tmp'):
        return Files.createTempFile(self._root, 'tmp', extension)


class Storage(object):
    def __init__(self, prefix, files_dir, readable):
        self._prefix, self._files_dir, self._readable = prefix, Paths.get(files_dir), readable
        self.stored = []

    def putFile(self, file):
        # Copied now (the caller may delete its file next), uploaded by Harrier under the returned URI after the run.
        source = file if isinstance(file, File) else File(unicode(file))
        name = uuid.uuid4().hex[:12] + '-' + re.sub(r'[^A-Za-z0-9._-]', '_', source.getName())
        copy = self._files_dir.resolve(name)
        Files.copy(source.toPath(), copy, StandardCopyOption.REPLACE_EXISTING)
        with _lock:
            self.stored.append({'name': name, 'path': unicode(copy)})
        return URI(self._prefix + '/' + name)

    def getFile(self, uri):
        text = unicode(uri)
        for candidate in (text, re.sub('^harrier://', 'kestra://', text), re.sub('^kestra://', 'harrier://', text)):
            if candidate in self._readable:
                return FileInputStream(self._readable[candidate])
        raise FileNotFoundException(text + ': Harrier makes the storage files that the script or its variables name readable; this one is not among them')


class RunContext(object):
    def __init__(self, variables, logger, storage, working_dir):
        self.variables, self._logger, self._storage, self._working_dir = variables, logger, storage, working_dir

    def getVariables(self):
        return self.variables

    def logger(self):
        return self._logger

    def storage(self):
        return self._storage

    def workingDir(self):
        return self._working_dir

    def metric(self, metric):
        _send({'metrics': [{'name': metric.name, 'type': metric.type, 'value': metric.value, 'tags': metric.tags}]})
        return self

    def render(self, template):
        # Harrier renders every {{ }} of the script before it runs; here only plain variable paths remain possible.
        def lookup(match):
            value = self.variables
            for key in match.group(1).split('.'):
                value = value.get(key) if isinstance(value, dict) else None
            return '' if value is None else _text(value)
        rendered = re.sub(r'\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}', lookup, template)
        if '{{' in rendered or '{%' in rendered:
            raise UnsupportedOperationException('runContext.render in Harrier handles {{ variable.path }} only; write other expressions in the script itself, which is rendered before it runs: ' + template)
        return rendered


def _load(text):
    return json.loads(text, object_pairs_hook=JavaLikeDict)


def main(request_path):
    with codecs.open(request_path, 'r', 'utf-8') as handle:
        request = _load(handle.read())
    _register_metric_classes()
    logger = Logger()
    storage = Storage(request['storagePrefix'], request['filesDir'], request['storageFiles'])
    context = RunContext(request['bindings'], logger, storage, WorkingDir(request['workingDir']))
    code = compile(request['script'], 'script.py', 'exec')

    def namespace():
        names = dict(request['bindings'])
        names.update({'logger': logger, 'runContext': context, '__name__': '__main__'})
        return names

    result = {'files': storage.stored}
    if request['mode'] == 'eval':
        names = namespace()
        exec code in names
        result['result'] = None
        result['outputs'] = dict((name, names.get(name)) for name in request['outputs'])
    else:
        result['rows'] = _transform(request, code, namespace)
    with codecs.open(request['result'], 'w', 'utf-8') as handle:
        handle.write(json.dumps(result, default=_plain, ensure_ascii=True))


class _Row(Callable):
    def __init__(self, code, names):
        self._code, self._names = code, names

    def call(self):
        exec self._code in self._names
        many = self._names.get('rows')
        if many is not None:
            return list(many)
        one = self._names.get('row')
        return [] if one is None else [one]


def _transform(request, code, namespace):
    # Rows go through a pool of `concurrent` threads (Jython has no global lock); results keep the source order.
    concurrent = int(request['concurrent'])
    pool = Executors.newFixedThreadPool(concurrent)
    pending, count = [], [0]
    out = codecs.open(request['rowsOut'], 'w', 'utf-8')

    def drain():
        try:
            rows = pending.pop(0).get()
        except ExecutionException, e:
            raise e.getCause()
        for row in rows:
            out.write(json.dumps(row, default=_plain, ensure_ascii=True) + '\n')
            count[0] += 1

    try:
        with codecs.open(request['rowsIn'], 'r', 'utf-8') as source:
            for line in source:
                if line.strip():
                    names = namespace()
                    names['row'] = _load(line)
                    pending.append(pool.submit(_Row(code, names)))
                    if len(pending) >= 4 * concurrent:
                        drain()
        while pending:
            drain()
    finally:
        pool.shutdownNow()
        out.close()
    return count[0]


if __name__ == '__main__':
    main(sys.argv[1])
