"""PySide6 6.12.0 loses a reference to ``True`` at each signal emitted from Python and one to ``None`` at each
empty value it hands to Python; on Python 3.11 the count reaches zero and CPython aborts
(«Fatal Python error: none_dealloc»), while exiting or in the middle of the work. pyproject.toml excludes that
release; these tests fail on any binding with the same fault."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from comite.gui import selfcheck

REDRAW = Path(__file__).with_name("redraw_reports.py")


def test_emitting_and_reading_empty_values_lose_no_reference():
    assert selfcheck.dropped_references() == []
    assert "no pierde referencias" in selfcheck.check_binding_references(None)


def test_the_selfcheck_names_a_binding_that_loses_them(monkeypatch):
    monkeypatch.setattr(selfcheck, "dropped_references", lambda: ["emitir una señal pierde 1 referencia(s) a True"])
    with pytest.raises(RuntimeError, match=r"PySide6 .*emitir una señal pierde 1 referencia\(s\) a True.*"
                                           r"se cerraría de golpe"):
        selfcheck.check_binding_references(None)


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_drawing_the_reports_again_and_again_then_exiting_does_not_abort():
    """The «Informes» page's charts and tables drawn 150 times (6.12.0 aborted after some 50), then a normal
    exit: the process ends with 0, not SIGABRT."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(REDRAW), "150"], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).parents[2], timeout=100)
    assert "Fatal Python error" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
