"""Kestra's ``from kestra import Kestra`` answered by Harrier's helper (see harrier/__init__.py).
Only the script-side API is offered: outputs, counter, timer, gauge, logger."""
from harrier import Kestra

__all__ = ["Kestra"]
