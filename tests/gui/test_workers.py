"""The one background-work wrapper: main-thread callbacks, the delayed progress
dialog with Cancelar, errors in Spanish, and the immediate executor of tests."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from comite.errors import ValidationError
from comite.gui import workers


@pytest.fixture
def threaded():
    previous = workers.set_executor(workers.ThreadExecutor())
    yield
    workers.get_executor().wait(5000)
    workers.set_executor(previous)


def _progress_dialogs(parent):
    return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def test_results_arrive_on_the_main_thread(qtbot, threaded):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def work(progress, cancel):
        seen["worker"] = threading.current_thread()
        progress(1, 2)
        return 42

    def done(result):
        seen["done"] = (result, threading.current_thread())

    job = workers.run_job(parent, "calcular", work, on_done=done)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert seen["worker"] is not threading.main_thread()
    assert seen["done"] == (42, threading.main_thread())
    assert _progress_dialogs(parent) == []  # a quick job shows no dialog


def test_a_long_job_shows_progress_and_can_be_cancelled(qtbot, threaded):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    outcome = []

    def work(progress, cancel):
        for i in range(400):
            cancel.check()
            progress(i, 400, f"Documento {i} de 400")
            time.sleep(0.01)
        return "terminado"

    job = workers.run_job(parent, "generar las resoluciones", work, on_done=outcome.append,
                          on_cancel=lambda: outcome.append("cancelado"))
    qtbot.waitUntil(lambda: bool(_progress_dialogs(parent)), timeout=3000)
    dialog = _progress_dialogs(parent)[0]
    assert dialog.labelText().startswith("Documento") or dialog.labelText() == "Generar las resoluciones…"
    button = dialog.findChild(QPushButton)
    assert button.text() == "&Cancelar"
    with qtbot.waitSignal(job.finished, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert outcome == ["cancelado"] and job.token.cancelled
    assert _progress_dialogs(parent) == []


def test_errors_go_to_the_error_dialog_with_the_action(qtbot, threaded, errors):
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress, cancel):
        raise ValidationError("El archivo no tiene la columna «radicado».")

    job = workers.run_job(parent, "importar los casos", work)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert str(errors.last) == "El archivo no tiene la columna «radicado»."
    assert errors.calls[-1][2] == {"action": "importar los casos"}
    assert isinstance(job.error, ValidationError)


def test_on_error_replaces_the_dialog(qtbot, errors):
    got = []
    workers.run_job(None, "x", lambda p, c: 1 / 0, on_error=got.append)
    assert isinstance(got[0], ZeroDivisionError) and errors.calls == []


def test_the_immediate_executor_runs_in_place(immediate_jobs):
    got = []
    job = workers.run_job(None, "sumar", lambda p, c: (p(1, 1), 2 + 2)[1], on_done=got.append)
    assert got == [4] and job.done and immediate_jobs.jobs == [job]
    assert workers.running_jobs() == []


def test_a_job_whose_window_is_gone_reports_to_nobody(qtbot, threaded):
    parent = QWidget()
    got = []
    job = workers.run_job(parent, "esperar", lambda p, c: time.sleep(0.2) or 1, on_done=got.append)
    parent.deleteLater()
    qtbot.wait(50)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert got == []
