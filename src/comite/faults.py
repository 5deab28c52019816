"""Deterministic crash points, for the fault-injection tests (``tests/faults/``).

With ``COMITE_FAULT=name`` (or ``name:N``, for the N-th time it is reached) in the
environment, the process kills itself with SIGKILL when it reaches
``point(name)``: no ``finally``, no ``atexit``, no flush runs, exactly as a
``kill -9`` from outside at that moment, but at a known place instead of after a
guessed sleep. Without the variable (always, in use) a point does nothing.
"""

from __future__ import annotations

import os
import signal

ENV = "COMITE_FAULT"
_reached: dict[str, int] = {}


def point(name: str) -> None:
    """Die here if ``COMITE_FAULT`` names this point (and this is the N-th time)."""
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    target, _, nth = wanted.rpartition(":")
    if not nth.isdigit():
        target, nth = wanted, "1"
    if target != name:
        return
    _reached[name] = _reached.get(name, 0) + 1
    if _reached[name] == int(nth):
        _die()


def _die() -> None:  # pragma: no cover - the process ends here
    kill = getattr(signal, "SIGKILL", None)
    if kill is not None:
        os.kill(os.getpid(), kill)
    os._exit(137)  # Windows: no SIGKILL; _exit skips every clean-up as well
