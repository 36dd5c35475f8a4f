"""Harrier's helper for Python scripts: prints ::{...}:: protocol lines that Harrier turns into
task outputs, metrics and logs. Put on PYTHONPATH by Harrier; no install needed.

    import harrier
    harrier.outputs({"rows": 42})
    harrier.counter("processed", 42, {"source": "s3"})
    with harrier.timed("load"): ...

The class Kestra offers Kestra's API (``from kestra import Kestra`` works too).
"""
import json
import logging
import sys
import time

__all__ = ["Kestra", "outputs", "counter", "timer", "gauge", "log", "logger", "timed"]

_LEVELS = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR"}


def _line(message):
    # ensure_ascii keeps every character escaped, so the line survives any terminal encoding;
    # default=str turns dates, decimals and paths into strings instead of failing the script.
    return "::" + json.dumps(message, ensure_ascii=True, default=str, allow_nan=False) + "::"


def _send(message, stream=None):
    stream = stream or sys.stdout
    stream.write(_line(message) + "\n")
    stream.flush()


def outputs(values):
    """Adds keys to the task's outputs (later calls overwrite earlier keys)."""
    _send({"outputs": dict(values)})


def _metric(name, kind, value, tags):
    _send({"metrics": [{"name": name, "type": kind, "value": value, "tags": dict(tags or {})}]})


def counter(name, value, tags=None):
    _metric(name, "counter", value, tags)


def gauge(name, value, tags=None):
    _metric(name, "gauge", value, tags)


def timer(name, duration, tags=None):
    """Records a duration in seconds; given a callable, runs it and records its real elapsed time."""
    if callable(duration):
        start = time.perf_counter()
        duration()
        duration = time.perf_counter() - start
    _metric(name, "timer", duration, tags)


class timed:
    """Context manager recording the elapsed time of its block as a timer."""

    def __init__(self, name, tags=None):
        self.name, self.tags = name, tags

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        _metric(self.name, "timer", time.perf_counter() - self.start, self.tags)
        return False


def log(level, message):
    """Emits one task log line at TRACE, DEBUG, INFO, WARN or ERROR."""
    level = str(level).upper()
    if level == "WARNING":
        level = "WARN"
    if level not in _LEVELS:
        raise ValueError("level must be one of TRACE, DEBUG, INFO, WARN, ERROR")
    _send({"logs": [{"level": level, "message": str(message)}]})


class _ProtocolFormatter(logging.Formatter):
    _MAP = {"DEBUG": "DEBUG", "INFO": "INFO", "WARNING": "WARN", "ERROR": "ERROR", "CRITICAL": "ERROR"}

    def format(self, record):
        level = self._MAP.get(record.levelname, "TRACE")
        return _line({"logs": [{"level": level, "message": super().format(record)}]})


class _Below(logging.Filter):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def filter(self, record):
        return record.levelno < self.limit


def logger(name="Kestra"):
    """A logging.Logger whose records become task log lines (DEBUG/INFO on stdout, WARNING+ on stderr)."""
    result = logging.getLogger(name)
    if not getattr(result, "_harrier", False):
        result.setLevel(logging.DEBUG)
        result.propagate = False
        out = logging.StreamHandler(sys.stdout)
        out.setLevel(logging.DEBUG)
        out.addFilter(_Below(logging.WARNING))
        err = logging.StreamHandler(sys.stderr)
        err.setLevel(logging.WARNING)
        for handler in (out, err):
            handler.setFormatter(_ProtocolFormatter("%(message)s"))
            result.addHandler(handler)
        result._harrier = True
    return result


class Kestra:
    """Kestra's helper API (pip package ``kestra``), answered by Harrier."""

    @staticmethod
    def format(map_):
        return _line(map_)

    @staticmethod
    def _send(map_):
        _send(map_)

    @staticmethod
    def outputs(map_):
        outputs(map_)

    @staticmethod
    def counter(name, value, tags=None):
        counter(name, value, tags)

    @staticmethod
    def timer(name, duration, tags=None):
        timer(name, duration, tags)

    @staticmethod
    def gauge(name, value, tags=None):
        gauge(name, value, tags)

    @staticmethod
    def logger():
        return logger("Kestra")
