"""Temporary folders that do not outlive their process (the ``--demo`` database).

:class:`ThrowawayFolder` removes its folder on every way out this process can
catch: a normal return or an exception (``with`` / :meth:`remove`), interpreter
exit (``atexit``), and the signals that ask a process to end (SIGTERM, SIGHUP,
SIGINT; SIGBREAK on Windows), after which the process ends as the signal asks.

A hard kill cannot be caught (``kill -9``, the Task Manager, a power cut). So
each folder holds an OS lock on a file inside it for as long as its process
lives, and the next :class:`ThrowawayFolder` with the same prefix removes the
folders whose lock nobody holds any more: the operating system drops a dead
process's locks, so a folder of a demo still running elsewhere is never touched.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType
from typing import IO

LOCK_NAME = ".en-uso"
GRACE_SECONDS = 60  # a folder this young without a lock may be one being created right now

if sys.platform == "win32":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


def _signals() -> list[signal.Signals]:
    names = ("SIGTERM", "SIGHUP", "SIGINT", "SIGBREAK")
    return [getattr(signal, n) for n in names if hasattr(signal, n)]


def sweep(prefix: str, parent: Path | None = None) -> list[Path]:
    """Remove the folders ``parent/prefix*`` no living process holds; returns those removed."""
    parent = Path(parent or tempfile.gettempdir())
    removed = []
    for folder in parent.glob(f"{prefix}*"):
        if not folder.is_dir() or folder.is_symlink():
            continue
        lock = folder / LOCK_NAME
        try:
            if not lock.exists():
                if time.time() - folder.stat().st_mtime < GRACE_SECONDS:
                    continue
                shutil.rmtree(folder)
                removed.append(folder)
                continue
            with open(lock, "r+b") as handle:
                if not _try_lock(handle):
                    continue  # its process is alive
            shutil.rmtree(folder)
            removed.append(folder)
        except OSError:
            continue  # another user's folder, or a file still open on Windows: a later start tries again
    return removed


class ThrowawayFolder:
    """A new folder ``<temp>/<prefix>XXXX`` removed on every way out; see the module docstring."""

    def __init__(self, prefix: str, parent: Path | None = None) -> None:
        self.swept = sweep(prefix, parent)
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        self._lock: IO[bytes] | None = open(self.path / LOCK_NAME, "w+b")  # noqa: SIM115 - held until removal
        _try_lock(self._lock)
        self._previous: dict[int, object] = {}
        atexit.register(self.remove)
        if _on_main_thread():
            for sig in _signals():
                if signal.getsignal(sig) == signal.SIG_IGN:
                    continue  # e.g. SIGHUP under nohup: this process was told to outlive it
                with contextlib.suppress(OSError, ValueError):
                    self._previous[sig] = signal.signal(sig, self._on_signal)

    def __enter__(self) -> ThrowawayFolder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()

    def remove(self) -> None:
        """Delete the folder (idempotent) and put the signal handlers back."""
        if self._lock is not None:
            with contextlib.suppress(OSError):
                self._lock.close()
            self._lock = None
        shutil.rmtree(self.path, ignore_errors=True)
        atexit.unregister(self.remove)
        if _on_main_thread():
            for sig, handler in self._previous.items():
                with contextlib.suppress(OSError, ValueError, TypeError):
                    signal.signal(sig, handler)  # type: ignore[arg-type]
        self._previous.clear()

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        """Remove the folder, then end the process as the signal asks.

        Python's own SIGINT handler is not called: its KeyboardInterrupt would
        be swallowed by a Qt slot and leave a window running on a deleted
        database. A handler someone else installed is called instead.
        """
        previous = self._previous.get(signum, signal.SIG_DFL)
        self.remove()
        if callable(previous) and previous is not signal.default_int_handler:
            previous(signum, frame)
        else:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)  # end the way the signal ends a process by default


def _on_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()

