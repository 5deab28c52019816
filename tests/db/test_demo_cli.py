"""The demo from the command line: Faker is an optional extra (a clear Spanish message
when it is missing, before any file is made), and ``--demo``'s folder never stays behind."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

import pytest

from comite import cli
from tests.conftest import FAST_HASH, FAST_KDF

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMITE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("COMITE_DATABASE_URL", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    return tmp_path


@pytest.fixture
def without_faker(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "faker" else real(name, *a))


def test_without_faker_the_demo_says_how_to_install_it_and_creates_nothing(home, capsys, without_faker):
    target = home / "demo.sqlite3"
    assert cli.main(["--db", str(target), "demo"]) == 2
    err = capsys.readouterr().err
    assert "necesita el paquete Faker" in err and 'pip install "comite[demo]"' in err
    assert not target.exists()
    assert cli.main(["--demo"]) == 2
    assert "necesita el paquete Faker" in capsys.readouterr().err
    assert list((home / "tmp").iterdir()) == []


def _small_demo(monkeypatch) -> None:
    """``--demo`` fills a small database (the default size takes seconds)."""
    from comite import demo

    real = demo.fill_demo
    monkeypatch.setattr(demo, "fill_demo", lambda db, **kw: real(db, sessions=6, cases=12, actas=0, kdf=FAST_KDF,
                                                                   hasher=FAST_HASH))


def test_demo_folder_is_removed_when_the_window_fails(home, capsys, monkeypatch):
    import comite.gui.app as gui_app

    seen: list[Path] = []

    def broken_gui(target, demo=False):
        seen.append(Path(target))
        raise RuntimeError("la ventana falló")

    _small_demo(monkeypatch)
    monkeypatch.setattr(gui_app, "run_gui", broken_gui)
    assert cli.main(["--demo"]) == 3
    capsys.readouterr()
    assert seen and seen[0].parent.parent == home / "tmp"
    assert list((home / "tmp").iterdir()) == []


def test_an_earlier_runs_leftover_goes_at_the_next_demo(home, capsys, monkeypatch):
    import comite.gui.app as gui_app

    leftover = home / "tmp" / f"{cli.DEMO_FOLDER_PREFIX}muerta"
    leftover.mkdir()
    (leftover / "demo.sqlite3").write_bytes(b"datos de una corrida interrumpida")
    (leftover / ".en-uso").write_bytes(b"")  # its process is gone: nobody holds the lock
    _small_demo(monkeypatch)
    monkeypatch.setattr(gui_app, "run_gui", lambda target, demo=False: 0)
    assert cli.main(["--demo"]) == 0
    capsys.readouterr()
    assert list((home / "tmp").iterdir()) == []

