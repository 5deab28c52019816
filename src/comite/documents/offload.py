"""CPU-heavy rendering in a helper process, so the caller's other threads keep running.

A GUI that renders in its job thread holds the GIL for long stretches, and every
PySide call of the window's thread then waits for it: the window stutters
(100-350 ms gaps measured while an acta of 150 cases rendered). :func:`run_in_helper`
runs a picklable function in one long-lived helper process instead; the calling
thread only waits on the result, with the GIL released.

Helper processes (this one and the resolution pool's) call
:func:`exit_with_parent` first, so none outlives the application, even when the
application is killed without a chance to clean up (Task Manager, ``kill -9``).
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
_executor: ProcessPoolExecutor | None = None


def start_method() -> str:
    """``fork`` where it is safe and cheap, else ``spawn``.

    Fork only on Linux and only while this process runs a single Python thread
    (a CLI, a script, a test): forking a process with other threads (the Qt
    GUI) can copy a lock held by another thread into the child. Windows and
    macOS always spawn.
    """
    if sys.platform.startswith("linux") and len(sys._current_frames()) == 1:
        return "fork"
    return "spawn"


def exit_with_parent() -> None:
    """In a helper process: end it as soon as the process that started it ends, however that ends.

    A pool's helper waits for work on a pipe whose writing end it inherited
    itself, so it never sees the parent go and would wait forever (keeping
    multiprocessing's ``resource_tracker`` alive with it). ``parent_process().sentinel``
    is what the operating system closes when the parent dies: on Windows a handle
    to the parent process, elsewhere the end of a pipe only the parent holds. A
    daemon thread waits on it and ends the helper at once; nothing a helper holds
    needs cleaning (results travel only through the pipe). A no-op outside a
    helper process.
    """
    parent = multiprocessing.parent_process()
    sentinel = None if parent is None else parent.sentinel
    if sentinel is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="comite-parent-watch", daemon=True).start()


def run_in_helper(fn: Callable[..., T], *args: object) -> T:
    """``fn(*args)`` in the helper process (started on first use, kept for later calls).

    ``fn`` must be a module-level function and its arguments picklable. If the
    helper cannot run (a frozen build without ``freeze_support``, a killed
    process), the call runs here instead: slower for the window, never lost.
    Exceptions raised by ``fn`` reach the caller unchanged.
    """
    global _executor
    if _executor is None:
        _executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(start_method()),
                                        initializer=exit_with_parent)
        atexit.register(shutdown)
    try:
        return _executor.submit(fn, *args).result()
    except BrokenProcessPool:
        log.warning("proceso auxiliar no disponible; se trabaja en este proceso")
        shutdown()
        return fn(*args)


def shutdown() -> None:
    global _executor
    if _executor is not None:
        _executor.shutdown(wait=False, cancel_futures=True)
        _executor = None
