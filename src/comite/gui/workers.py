"""The one way to run long work off the UI thread.

::

    def work(progress, cancel):            # runs on a worker thread
        for i, item in enumerate(items):
            cancel.check()                  # raises JobCancelled if the user pressed Cancelar
            do(item)                        # services open their own Session per call
            progress(i + 1, len(items))
        return result

    workers.run_job(self, "generar las resoluciones", work, on_done=self._show_result)

* ``title`` is what is being done, as an infinitive phrase ("generar las
  resoluciones"): it labels the progress dialog and completes the error message
  ("Ocurrió un error inesperado al generar las resoluciones.").
* The progress dialog (with **Cancelar**) appears only if the job lasts more
  than :data:`SHOW_AFTER_MS`; ``quiet=True`` never shows it (work the page
  itself says it is loading, such as the start page's lists).
* ``on_done(result)``, ``on_error(exc)`` and ``on_cancel()`` run on the main
  thread. Without ``on_error`` the error is shown by
  :func:`comite.gui.dialogs.show_error` (a ComiteError's Spanish text as is,
  anything else generic with the log's location).
* Jobs run one at a time (database work is serialised); each service call in a
  job opens and closes its own Session, never one shared with the UI thread.
* Tests call ``set_executor(ImmediateExecutor())``: jobs then run at once, in
  the calling thread, and callbacks fire before ``run_job`` returns.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from comite.gui import dialogs

if TYPE_CHECKING:  # built at the first progress dialog, not before the login dialog paints (#18)
    from PySide6.QtWidgets import QProgressDialog

log = logging.getLogger("comite.gui.workers")
SHOW_AFTER_MS = 500
_PROGRESS_EVERY_S = 0.05


class JobCancelled(Exception):
    """Raised inside a job (by :meth:`CancelToken.check`) to stop it."""


class CancelToken:
    """Set by the Cancelar button; the job polls it."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise JobCancelled()


Progress = Callable[..., None]  # progress(done, total, label="")
JobFn = Callable[[Progress, CancelToken], Any]


class Job(QObject):
    """A submitted job. It lives on the main thread; its signals arrive there."""

    progressed = Signal(int, int, str)
    finished = Signal()
    _outcome = Signal(str, object)

    def __init__(self, parent: QWidget | None, title: str, fn: JobFn,
                 on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None,
                 on_cancel: Callable[[], None] | None, *, quiet: bool = False) -> None:
        super().__init__()
        self.title = title
        self.quiet = quiet
        self.fn = fn
        self.token = CancelToken()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._parent = parent
        self._on_done, self._on_error, self._on_cancel = on_done, on_error, on_cancel
        self._dialog: QProgressDialog | None = None
        self._last_report = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)
        self._outcome.connect(self._finish)
        self.progressed.connect(self._update_dialog)

    # --- worker side ------------------------------------------------------------------------
    def report(self, done: int, total: int, label: str = "") -> None:
        """The ``progress`` callable given to the job (thread-safe, throttled)."""
        now = time.monotonic()
        if done < total and now - self._last_report < _PROGRESS_EVERY_S:
            return
        self._last_report = now
        self.progressed.emit(int(done), int(total), label)

    def execute(self) -> tuple[str, Any]:
        try:
            return "ok", self.fn(self.report, self.token)
        except JobCancelled:
            return "cancelled", None
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            return "error", exc

    # --- main-thread side ---------------------------------------------------------------------
    def cancel(self) -> None:
        self.token.cancel()

    @Slot()
    def _show_dialog(self) -> None:
        if self.done:
            return
        from PySide6.QtWidgets import QProgressDialog

        parent = self._parent if self._parent is not None and shiboken6.isValid(self._parent) else None
        dialog = QProgressDialog(self.title[:1].upper() + self.title[1:] + "…", "&Cancelar", 0, 0, parent)
        dialog.setWindowTitle("Trabajando")
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(380)
        dialog.canceled.connect(self._user_cancelled)
        self._dialog = dialog
        dialog.show()

    @Slot()
    def _user_cancelled(self) -> None:
        self.token.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText("Cancelando…")

    @Slot(int, int, str)
    def _update_dialog(self, done: int, total: int, label: str) -> None:
        if self._dialog is None:
            return
        if total > 0:
            self._dialog.setRange(0, total)
            self._dialog.setValue(min(done, total))
        if label:
            self._dialog.setLabelText(label)

    @Slot(str, object)
    def _finish(self, status: str, payload: Any) -> None:
        self.done = True
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._user_cancelled)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        _RUNNING.discard(self)
        try:
            if self._parent is not None and not shiboken6.isValid(self._parent):
                return  # the window that asked is gone: nobody to tell
            if status == "ok":
                self.result = payload
                if self._on_done is not None:
                    self._on_done(payload)
            elif status == "cancelled":
                if self._on_cancel is not None:
                    self._on_cancel()
            else:
                self.error = payload
                if self._on_error is not None:
                    self._on_error(payload)
                else:
                    dialogs.show_error(self._parent, payload, action=self.title)
        finally:
            self.finished.emit()


class Executor(Protocol):
    def submit(self, job: Job) -> None: ...

    def wait(self, msecs: int = -1) -> bool: ...


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        status, payload = self.job.execute()
        if shiboken6.isValid(self.job):  # not if the process is ending and the job is gone
            self.job._outcome.emit(status, payload)  # queued to the job's (main) thread


class ThreadExecutor:
    """Runs jobs on one worker thread, one after the other."""

    def __init__(self) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)

    def submit(self, job: Job) -> None:
        if not job.quiet:
            job._timer.start(SHOW_AFTER_MS)
        self.pool.start(_Runnable(job))

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


class ImmediateExecutor:
    """Runs each job at once in the calling thread (tests)."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []

    def submit(self, job: Job) -> None:
        self.jobs.append(job)
        status, payload = job.execute()
        job._finish(status, payload)

    def wait(self, msecs: int = -1) -> bool:
        return True


_RUNNING: set[Job] = set()
_executor: Executor | None = None


def get_executor() -> Executor:
    global _executor
    if _executor is None:
        _executor = ThreadExecutor()
        # a process that ends without closing its window (a script, the benchmark) lets the
        # running job finish before Python tears down what the job uses
        atexit.register(cancel_all_and_wait)
    return _executor


def set_executor(executor: Executor | None) -> Executor | None:
    """Replace the executor (``None``: back to the threaded default); returns the previous one."""
    global _executor
    previous, _executor = _executor, executor
    return previous


def run_job(parent: QWidget | None, title: str, fn: JobFn, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *,
            on_cancel: Callable[[], None] | None = None, quiet: bool = False) -> Job:
    """Run ``fn(progress, cancel)`` off the UI thread; see the module docstring."""
    job = Job(parent, title, fn, on_done, on_error, on_cancel, quiet=quiet)
    _RUNNING.add(job)
    get_executor().submit(job)
    return job


def running_jobs() -> list[Job]:
    return [job for job in _RUNNING if not job.done]


def cancel_all_and_wait(msecs: int = 5000) -> bool:
    """At exit: ask every job to stop and wait for the worker (``False`` on timeout)."""
    for job in list(_RUNNING):
        job.cancel()
    return get_executor().wait(msecs)
