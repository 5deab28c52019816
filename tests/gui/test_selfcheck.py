"""``comite selfcheck``: every check passes on a whole installation, a missing piece
fails with a Spanish line naming it and exit status 1, and the database is only read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from comite import cli, paths, selfcheck
from comite.services.bootstrap import open_database

TITLES = [title for title, _ in selfcheck.CORE_CHECKS + selfcheck.MACHINE_CHECKS]


@pytest.fixture
def home(tmp_path, monkeypatch, qapp):  # qapp: the preview check reuses the test's QApplication
    monkeypatch.setenv("COMITE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("COMITE_DATABASE_URL", raising=False)
    return tmp_path


def _lines(out: str) -> dict[str, str]:
    """Each check's title -> its status word."""
    found = {}
    for line in out.splitlines():
        parts = line.split(maxsplit=1)
        if len(parts) == 2 and parts[0] in (selfcheck.OK, selfcheck.WARN, selfcheck.FAIL):
            title = next((t for t in TITLES + [t for t, _ in _gui_titles()] if parts[1].startswith(t)), None)
            if title:
                found[title] = parts[0]
    return found


def _gui_titles():
    from comite.gui.selfcheck import CHECKS

    return CHECKS


def test_a_whole_installation_passes_every_check(home, capsys):
    code = cli.main(["selfcheck"])
    out = capsys.readouterr().out
    statuses = _lines(out)
    assert code == 0, out
    assert len(statuses) == len(TITLES) + len(_gui_titles()), out
    # Only the credential store may be missing on a test machine (Linux without Secret Service): a remark.
    assert {t for t, s in statuses.items() if s != selfcheck.OK} <= {"Almacén de credenciales"}, out
    assert "La instalación está completa." in out
    assert "Cancelar" in out and "PDFium" in out and "migraciones" in out


def test_a_missing_template_folder_fails_with_exit_status_1(home, capsys, monkeypatch):
    monkeypatch.setattr(paths, "templates_dir", lambda: home / "no-hay-plantillas")
    code = cli.main(["selfcheck"])
    out = capsys.readouterr().out
    statuses = _lines(out)
    assert code == 1
    assert statuses["Plantillas de resoluciones"] == selfcheck.FAIL
    assert statuses["Resolución de prueba (Word)"] == selfcheck.FAIL
    assert statuses["Fuentes del acta"] == selfcheck.OK  # the others still ran
    assert "no-hay-plantillas" in out and "envíe este informe a soporte" in out
    log = (home / "home" / "logs" / "comite.log").read_text(encoding="utf-8")
    assert "Plantillas de resoluciones: falla" in log and "no-hay-plantillas" in log  # support sees the path


def test_missing_fonts_fail_the_acta_too(home, capsys, monkeypatch):
    monkeypatch.setattr(paths, "fonts_dir", lambda: home / "sin-fuentes")
    from comite.documents import pdf_common

    monkeypatch.setattr(pdf_common, "fonts_dir", lambda: home / "sin-fuentes")
    pdf_common.register_fonts.cache_clear()
    try:
        code = cli.main(["selfcheck"])
    finally:
        pdf_common.register_fonts.cache_clear()
    statuses = _lines(capsys.readouterr().out)
    assert code == 1
    assert statuses["Fuentes del acta"] == selfcheck.FAIL and statuses["Acta de prueba (PDF)"] == selfcheck.FAIL
    assert statuses["Vista previa del acta (PDFium)"] == selfcheck.FAIL  # nothing to show


def test_the_database_is_read_never_written(home, capsys):
    target = home / "base.sqlite3"
    open_database(str(target)).dispose()
    before = target.read_bytes()
    code = cli.main(["selfcheck", "--db", str(target)])
    out = capsys.readouterr().out
    assert code == 0 and f"{target}: esquema" in out, out
    assert target.read_bytes() == before
    assert sorted(p.name for p in home.iterdir() if p.name.startswith("base")) == ["base.sqlite3"]


def test_a_database_from_a_newer_version_fails(home, capsys):
    target = home / "futura.sqlite3"
    open_database(str(target)).dispose()
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    code = cli.main(["--db", str(target), "selfcheck"])
    out = capsys.readouterr().out
    assert code == 1 and _lines(out)["Base de datos"] == selfcheck.FAIL
    assert "versión más reciente" in out


def test_a_report_table_that_disagrees_with_the_cases_fails_and_names_the_repair(home, capsys):
    target = home / "informes.sqlite3"
    open_database(str(target)).dispose()
    code = cli.main(["selfcheck", "--db", str(target)])
    assert code == 0 and "la tabla de los informes al día" in capsys.readouterr().out
    with sqlite3.connect(target) as conn:  # what a script or a tool that drops triggers leaves behind
        conn.execute("DROP TRIGGER report_hearing_on_vote_insert")
    conn.close()
    code = cli.main(["selfcheck", "--db", str(target)])
    out = capsys.readouterr().out
    assert code == 1 and _lines(out)["Base de datos"] == selfcheck.FAIL
    assert "falta 1 disparador de los 10 que la mantienen al día" in out and "comite report-repair" in out, out


def test_a_missing_database_file_given_with_db_fails(home, capsys):
    code = cli.main(["selfcheck", "--db", str(home / "no-existe.sqlite3")])
    out = capsys.readouterr().out
    assert code == 1 and "No existe la base de datos" in out
    assert not (home / "no-existe.sqlite3").exists()


def test_the_temporary_folder_is_removed(home, capsys, monkeypatch):
    made: list[Path] = []
    original = selfcheck.Workspace.__init__

    def spy(self, folder, *args, **kw):
        made.append(Path(folder))
        original(self, folder, *args, **kw)

    monkeypatch.setattr(selfcheck.Workspace, "__init__", spy)
    cli.main(["selfcheck"])
    capsys.readouterr()
    assert made and not made[0].exists()
