"""Fixtures for the GUI tests: real windows over a real (SQLite) database.

* Every job of :mod:`comite.gui.workers` runs at once in the test's thread.
* ``main_window`` is the administrator's main window (today: 23/11/2026).
* ``errors`` / ``infos`` record what would have been shown in a message box;
  ``confirm_answers`` answers :func:`comite.gui.dialogs.confirm` questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from comite.gui import dialogs, workers
from comite.gui.app import make_main_window
from tests.conftest import FAST_HASH, FAST_KDF

# The offscreen platform (not a real screen) warns whenever a window's size limits change, and when a
# popup (a combo box's list opened with the mouse) asks to be raised or to grab the keyboard.
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"


def pytest_collection_modifyitems(config, items):
    here = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def db_url(tmp_path):
    """GUI tests run on SQLite only (the services are tested on every engine in tests/db)."""
    return str(tmp_path / "comite.sqlite3")


@pytest.fixture(autouse=True)
def immediate_jobs():
    executor = workers.ImmediateExecutor()
    previous = workers.set_executor(executor)
    yield executor
    workers.set_executor(previous)


@dataclass
class Recorder:
    calls: list[tuple] = field(default_factory=list)

    def __call__(self, parent, what, **kw):
        self.calls.append((parent, what, kw))

    @property
    def last(self):
        return self.calls[-1][1] if self.calls else None

    def texts(self) -> list[str]:
        return [str(what) for _parent, what, _kw in self.calls]


@pytest.fixture
def errors(monkeypatch) -> Recorder:
    """Replace the error box: ``errors.calls`` holds (parent, exception, kwargs)."""
    recorder = Recorder()
    monkeypatch.setattr(dialogs, "show_error", recorder)
    return recorder


@pytest.fixture
def infos(monkeypatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(dialogs, "show_info", recorder)
    return recorder


@pytest.fixture
def confirm_answers(monkeypatch):
    """Append True/False to the list: each question pops the next answer (default yes)."""
    answers: list[bool] = []
    asked: list[str] = []

    def fake(_parent, question, **_kw):
        asked.append(question)
        return answers.pop(0) if answers else True

    monkeypatch.setattr(dialogs, "confirm", fake)
    fake.answers, fake.asked = answers, asked
    return fake


def open_window(qtbot, ctx, **kw):
    window = make_main_window(ctx.db, ctx, kdf=FAST_KDF, hasher=FAST_HASH, **kw)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def main_window(qtbot, admin):
    return open_window(qtbot, admin)
