"""Throwaway folders (the ``--demo`` database) go on every way out a process can catch,
and a killed process's folder goes at the next start, never one still in use."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from comite.throwaway import LOCK_NAME, ThrowawayFolder, sweep

PREFIX = "comite-prueba-"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

HOLDER = r"""
import sys, time
from pathlib import Path
from comite.throwaway import ThrowawayFolder
folder = ThrowawayFolder(sys.argv[1], Path(sys.argv[2]))
(folder.path / "demo.sqlite3").write_bytes(b"datos")
print(folder.path, flush=True)
if sys.argv[3] == "exit":
    sys.exit(0)  # no remove(): atexit must do it
time.sleep(600)
"""


def _start(tmp_path: Path, mode: str = "wait", **popen) -> tuple[subprocess.Popen, Path]:
    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), PREFIX, str(tmp_path), mode], stdout=subprocess.PIPE,
                            text=True, **popen)
    line = proc.stdout.readline().strip()
    assert line, f"the holder ended early ({proc.wait()})"
    return proc, Path(line)


def test_removed_on_leaving_the_block_even_by_an_exception(tmp_path):
    with pytest.raises(RuntimeError), ThrowawayFolder(PREFIX, tmp_path) as folder:
        (folder.path / "demo.sqlite3").write_bytes(b"x")
        raise RuntimeError("falla")
    assert not folder.path.exists()
    folder.remove()  # idempotent


def test_removed_at_interpreter_exit(tmp_path):
    proc, path = _start(tmp_path, "exit")
    assert proc.wait(30) == 0
    assert not path.exists()


@posix_only
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_removed_when_asked_to_end_by_a_signal(tmp_path, sig):
    # the holder starts with the signal's default disposition: a suite run under nohup (SIGHUP ignored,
    # inherited) tests the ignored case, which the next test covers
    proc, path = _start(tmp_path, preexec_fn=lambda: signal.signal(sig, signal.SIG_DFL))
    assert path.exists()
    proc.send_signal(sig)
    code = proc.wait(30)
    assert not path.exists()
    assert code != 0  # the process still ends as the signal asks (SIGINT: KeyboardInterrupt)


@posix_only
def test_a_signal_the_process_was_told_to_ignore_stays_ignored(tmp_path):
    """Under nohup (SIGHUP ignored) a hang-up must neither end the demo nor delete its database."""
    proc, path = _start(tmp_path, preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    try:
        proc.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        assert proc.poll() is None and (path / "demo.sqlite3").exists()
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        assert not path.exists()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@posix_only
def test_a_killed_process_folder_goes_at_the_next_start_and_a_living_one_stays(tmp_path):
    killed, killed_path = _start(tmp_path)
    living, living_path = _start(tmp_path)
    try:
        killed.send_signal(signal.SIGKILL)
        killed.wait(30)
        assert killed_path.exists()  # nothing can run on SIGKILL
        with ThrowawayFolder(PREFIX, tmp_path) as fresh:
            assert fresh.swept == [killed_path]
            assert not killed_path.exists()
            assert living_path.exists() and (living_path / "demo.sqlite3").exists()
    finally:
        living.kill()
        living.wait(30)


def test_an_unlocked_folder_is_left_alone_while_it_may_be_being_created(tmp_path):
    young = tmp_path / f"{PREFIX}recien"
    young.mkdir()
    old = tmp_path / f"{PREFIX}vieja"
    old.mkdir()
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    other = tmp_path / "otra-carpeta"
    other.mkdir()
    assert sweep(PREFIX, tmp_path) == [old]
    assert young.exists() and other.exists() and not old.exists()


def test_the_lock_file_is_inside_the_folder(tmp_path):
    with ThrowawayFolder(PREFIX, tmp_path) as folder:
        assert (folder.path / LOCK_NAME).exists()
        assert sweep(PREFIX, tmp_path) == []  # this process holds it
