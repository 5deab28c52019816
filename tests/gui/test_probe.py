"""The scripted start that CI runs against the frozen application (``COMITE_GUI_PROBE``):
it logs in, opens the session, waits for the acta preview on screen, and fails when it cannot."""

from __future__ import annotations

from comite import cli
from comite.gui import probe
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.db.helpers import new_session


def test_the_probe_opens_a_session_and_shows_its_acta_preview(admin, db_url, capsys, tmp_path, monkeypatch):
    sid = new_session(admin, "CERREM_POBLACIONAL")
    shot = tmp_path / "ventana.png"
    monkeypatch.setenv(probe.SHOT_ENV, str(shot))
    code = probe.run_probe(db_url, ADMIN, ADMIN_PASSWORD, str(sid))
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"sesión {sid} abierta; vista previa del acta con" in out
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_the_probe_fails_on_a_session_that_does_not_exist(admin, db_url, capsys):
    code = probe.run_probe(db_url, ADMIN, ADMIN_PASSWORD, "987654")
    assert code == 1 and "No se pudo abrir la sesión 987654" in capsys.readouterr().out


def test_the_probe_fails_on_a_wrong_password_and_without_an_account(admin, db_url, capsys):
    assert probe.run_probe(db_url, ADMIN, "otra-clave", "1") == 1
    assert "La prueba de la interfaz falló" in capsys.readouterr().out
    assert probe.run_probe(db_url, None, ADMIN_PASSWORD, "1") == 1
    assert "--user USUARIO" in capsys.readouterr().out


def test_the_command_line_starts_the_probe_only_when_asked(admin, db_url, capsys, monkeypatch):
    sid = new_session(admin, "GVP")
    monkeypatch.setenv(probe.PROBE_ENV, str(sid))
    monkeypatch.setenv(cli.PASSWORD_ENV, ADMIN_PASSWORD)
    assert cli.main_gui(["--db", db_url, "--user", ADMIN]) == 0
    assert f"sesión {sid} abierta" in capsys.readouterr().out


def test_without_a_console_a_start_failure_is_shown_in_a_box(monkeypatch):
    """``comite-gui`` (pythonw, the frozen windowed executable) has no standard streams."""
    import comite.gui.app as gui_app

    shown: list[str] = []
    monkeypatch.setattr(gui_app, "show_start_failure", shown.append)
    monkeypatch.setattr("sys.stdout", None)
    monkeypatch.setattr("sys.stderr", None)
    assert cli.main_gui(["--opcion-que-no-existe"]) == 2
    assert shown and "argumentos no reconocidos: --opcion-que-no-existe" in shown[0]
