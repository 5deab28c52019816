"""Backups and restores as an attacker or a careless administrator would run them, from the
command line (``comite.cli.main``), on SQLite files.

- A backup is never written over the database or one of its files, whatever the path says.
- Restoring is an administrator's act, audited, refusals included.
- Every restore keeps the database it replaces under a name no earlier copy has.
- A backup of another database is announced, and needs a confirmation.
- A target that is not a comite database is refused with a clear message.
- A mistyped ``--db`` is refused without creating a folder or a database.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from comite.domain import Role
from comite.services.context import Actor, ServiceContext
from comite.services.permissions import Action, allowed
from tests.db import test_cli

pytestmark = pytest.mark.sqlite_only

REVISOR_PW = "Lectura-de-actas-26"
ADMIN_PW, run = test_cli.ADMIN_PW, test_cli.run
home = test_cli.home  # the same fixture: a home folder, and the administrator's password in the environment

def _init(capsys, path: Path) -> str:
    code, out, err = run(capsys, "--db", str(path), "--user", "ana", "init")
    assert code == 0, err
    return str(path)


@pytest.fixture
def db(home, capsys):
    return _init(capsys, home / "base" / "comite.sqlite3")


def _rows(path: str | Path, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _healthy(capsys, path: str | Path) -> None:
    assert _rows(path, "PRAGMA integrity_check") == [("ok",)]
    code, out, _ = run(capsys, "--db", str(path), "--user", "ana", "audit", "verify")
    assert code == 0 and "íntegra" in out, out


def _data_of(path: str | Path) -> dict[str, list[str]]:
    """Every table but the audit trail and its heads (which record the attempts)."""
    names = [r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: sorted(map(repr, _rows(path, f'SELECT * FROM "{n}"'))) for n in names
            if n not in ("audit_entry", "db_meta")}


def _actions(path: str | Path) -> list[tuple[str, str, dict]]:
    return [(a, u, json.loads(d)) for a, u, d in
            _rows(path, "SELECT action, username, details FROM audit_entry ORDER BY id")]


# --- 1. a backup written onto the live database ---------------------------------------------------


def _targets(db: Path) -> list[Path]:
    link = db.with_name("enlace.sqlite3")
    link.symlink_to(db)
    return [db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal"), link,
            db.with_name(db.name.upper()), db.parent / ".." / db.parent.name / db.name]


def test_a_backup_is_never_written_over_the_database_or_its_files(db, capsys):
    path = Path(db)
    for target in _targets(path):
        before = _data_of(path)
        code, out, err = run(capsys, "--db", db, "--user", "ana", "backup", str(target))
        assert code == 2 and "no puede escribirse sobre la base de datos" in err, (target, out, err)
        assert "no se escribió nada" in err
        assert _data_of(path) == before
    assert not Path(f"{db}-journal").exists() and not path.with_name(path.name.upper()).exists()
    _healthy(capsys, db)  # opens, checks whole, and the trail verifies: nothing was replayed into it
    code, _, err = run(capsys, "--db", db, "--user", "ana", "backup", str(path.parent / "buena.cbk"))
    assert code == 0, err


def test_an_existing_file_that_is_not_a_backup_is_never_overwritten(db, capsys, home):
    other = home / "informe.docx"
    other.write_bytes(b"PK\x03\x04 un documento de Word")
    code, _, err = run(capsys, "--db", db, "--user", "ana", "backup", str(other))
    assert code == 2 and "no es una copia de seguridad de comite" in err
    assert other.read_bytes() == b"PK\x03\x04 un documento de Word"
    copy = home / "copia.cbk"
    assert run(capsys, "--db", db, "--user", "ana", "backup", str(copy))[0] == 0
    assert run(capsys, "--db", db, "--user", "ana", "backup", str(copy))[0] == 0  # a backup over a backup


# --- 3. restore: role and audit --------------------------------------------------------------------


@pytest.fixture
def revisor(db, capsys, monkeypatch):
    monkeypatch.setenv("COMITE_NEW_PASSWORD", REVISOR_PW)
    code, _, err = run(capsys, "--db", db, "--user", "ana", "user-add", "rita", "--name", "Rita Revisora",
                       "--role", "revisor", "--committee", "GVP")
    assert code == 0, err
    return "rita"


def test_a_revisor_cannot_restore_and_the_refusal_is_audited(db, revisor, capsys, home, monkeypatch):
    backup = home / "copia.cbk"
    assert run(capsys, "--db", db, "--user", "ana", "backup", str(backup))[0] == 0
    before = _data_of(db)
    monkeypatch.setenv("COMITE_PASSWORD", REVISOR_PW)
    code, out, err = run(capsys, "--db", db, "--user", revisor, "restore", str(backup), "--yes")
    assert code == 2 and "no puede restaurar" in err and "No se modificó nada" in err, (out, err)
    assert _data_of(db) == before
    refused = [(u, d) for a, u, d in _actions(db) if a == "restauracion_rechazada"]
    assert refused == [(revisor, {"archivo": "copia.cbk", "motivo": "no es administrador",
                                  "copia_de": refused[0][1]["copia_de"]})]
    # nor into a new file: in the backup too, only an administrator restores
    code, _, err = run(capsys, "--db", str(home / "nueva.sqlite3"), "--user", revisor, "restore", str(backup))
    assert code == 2 and "no es un administrador" in err
    assert not (home / "nueva.sqlite3").exists()
    assert not [p for p in home.iterdir() if "restaurando" in p.name]
    monkeypatch.setenv("COMITE_PASSWORD", ADMIN_PW)
    _healthy(capsys, db)


def test_a_wrong_password_for_restore_is_audited_as_a_failed_login(db, capsys, home, monkeypatch):
    backup = home / "copia.cbk"
    assert run(capsys, "--db", db, "--user", "ana", "backup", str(backup))[0] == 0
    monkeypatch.setenv("COMITE_PASSWORD", "No-es-la-clave-1")
    code, _, err = run(capsys, "--db", db, "--user", "ana", "restore", str(backup), "--yes")
    assert code == 2 and "incorrectos" in err
    assert _actions(db)[-1][0] == "login_fallido"


# --- 4. every earlier database kept; another database's backup announced ---------------------------


def test_every_restore_keeps_the_database_it_replaces_and_is_audited(db, capsys, home):
    backup = home / "copia.cbk"
    assert run(capsys, "--db", db, "--user", "ana", "backup", str(backup))[0] == 0
    kept = []
    for _ in range(3):
        code, out, err = run(capsys, "--db", db, "--user", "ana", "restore", str(backup), "--yes")
        assert code == 0, err
        kept.append(Path(db).with_name(re.search(r"se conservó como (\S+)\.$", out, re.M).group(1)))
    assert len(set(kept)) == 3 and all(p.exists() for p in kept)  # none overwrote another
    assert all(re.fullmatch(r"comite\.antes-de-restaurar-\d{8}-\d{6}(-\d+)?\.sqlite3", p.name) for p in kept)
    for copy in kept:
        action, user, details = _actions(copy)[-1]
        assert (action, user, details["archivo"]) == ("base_reemplazada", "ana", "copia.cbk")
        assert _rows(copy, "PRAGMA integrity_check") == [("ok",)]
    action, user, details = _actions(db)[-1]
    assert (action, user, details["archivo"]) == ("base_restaurada", "ana", "copia.cbk")
    assert details["base_anterior"] == kept[-1].name
    _healthy(capsys, db)


def test_a_backup_of_another_database_is_announced_and_needs_confirmation(db, capsys, home):
    other = _init(capsys, home / "otra" / "otra.sqlite3")
    backup = home / "copia-de-otra.cbk"
    assert run(capsys, "--db", other, "--user", "ana", "backup", str(backup))[0] == 0
    before = _data_of(db)
    code, _, err = run(capsys, "--db", db, "--user", "ana", "restore", str(backup))
    assert code == 2 and "OTRA base de datos" in err and "--yes" in err
    assert _data_of(db) == before
    code, out, err = run(capsys, "--db", db, "--user", "ana", "restore", str(backup), "--yes")
    assert code == 0 and "OTRA base de datos" in err, err
    assert _rows(db, "SELECT value FROM db_meta WHERE key = 'database_id'") == \
        _rows(other, "SELECT value FROM db_meta WHERE key = 'database_id'")
    assert _actions(db)[-1][2]["otra_base"] is True
    _healthy(capsys, db)


# --- 9. the command line's smaller failures ---------------------------------------------------------


def test_restore_onto_something_that_is_not_a_comite_database(db, capsys, home):
    backup = home / "copia.cbk"
    assert run(capsys, "--db", db, "--user", "ana", "backup", str(backup))[0] == 0
    text = home / "notas.txt"
    text.write_text("esto no es una base de datos\n", encoding="utf-8")
    foreign = home / "otro-programa.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE agenda (x)")
    conn.commit()
    conn.close()
    for target, why in ((text, "no es un archivo SQLite"), (foreign, "de otro programa"),
                        (backup, "mismo archivo de la copia")):
        before = target.read_bytes()
        code, out, err = run(capsys, "--db", str(target), "--user", "ana", "restore", str(backup), "--yes")
        assert code == 2 and why in err and "inesperado" not in err, err
        assert target.read_bytes() == before


def test_a_mistyped_db_is_refused_without_creating_anything(db, capsys, home):
    typo = home / "bsae" / "comite.sqlite3"
    for command in (("sessions",), ("audit", "verify"), ("backup", str(home / "x.cbk"))):
        code, _, err = run(capsys, "--db", str(typo), "--user", "ana", *command)
        assert code == 2 and "No existe la base de datos" in err and "contraseña" not in err, err
        assert not typo.parent.exists()


def test_secretaria_makes_backups_and_only_an_administrator_restores(db, capsys, home, monkeypatch):
    """What docs/administracion.md says: scheduled backups run as administrador or secretaría."""
    monkeypatch.setenv("COMITE_NEW_PASSWORD", REVISOR_PW)
    assert run(capsys, "--db", db, "--user", "ana", "user-add", "sara", "--name", "Sara", "--role", "secretaria",
               "--committee", "GVP")[0] == 0
    monkeypatch.setenv("COMITE_PASSWORD", REVISOR_PW)
    code, out, err = run(capsys, "--db", db, "--user", "sara", "backup", str(home / "de-sara.cbk"))
    assert code == 0 and "a nombre de «sara»" in out, err
    code, _, err = run(capsys, "--db", db, "--user", "sara", "restore", str(home / "de-sara.cbk"), "--yes")
    assert code == 2 and "no puede restaurar" in err
    guide = (Path(__file__).parents[2] / "docs" / "administracion.md").read_text(encoding="utf-8")
    assert "de administrador o de secretaría" in guide
    for role, backup, restore in ((Role.ADMINISTRADOR, True, True), (Role.SECRETARIA, True, False),
                                  (Role.REVISOR, False, False)):
        ctx = ServiceContext(None, Actor(1, "x", role))  # type: ignore[arg-type]
        assert (allowed(ctx, Action.BACKUP), allowed(ctx, Action.RESTORE)) == (backup, restore)


def test_what_a_killed_restore_left_is_removed_at_the_next_start(db, capsys, home):
    left = Path(db).with_name(Path(db).name + ".restaurando")  # as the earlier version named it
    left.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    Path(f"{left}-wal").write_bytes(b"x")
    code, _, err = run(capsys, "--db", db, "--user", "ana", "sessions")
    assert code == 0 and "Se borró una restauración interrumpida" in err
    assert not left.exists() and not Path(f"{left}-wal").exists()
    running = Path(db).with_name(f"{Path(db).name}.restaurando-{os.getpid()}")  # its process still runs
    running.write_bytes(b"x")
    assert run(capsys, "--db", db, "--user", "ana", "sessions")[0] == 0 and running.exists()


_WRITES: list[str] | None = None


def _watch_writes(event: str, args: tuple) -> None:
    """Every file opened for writing (Python's audit events), while a test listens."""
    if _WRITES is None:
        return
    if event == "sqlite3.connect":
        _WRITES.append(str(args[0]))
    elif event == "open" and isinstance(args[0], str | bytes | os.PathLike) and args[1] and \
            any(m in str(args[1]) for m in "wax+"):
        _WRITES.append(os.fsdecode(args[0]))


def test_a_backup_never_writes_a_plain_snapshot_anywhere(admin, tmp_path):
    """A kill -9 during a backup left the plain SQLite snapshot in the system temp folder:
    now no file outside the database's own folder is written but the encrypted backup's."""
    import sys

    from comite.services.backup import create_backup

    global _WRITES
    sys.addaudithook(_watch_writes)
    out = tmp_path / "copias"
    own = Path(admin.db.sqlite_path).parent
    _WRITES = []
    try:
        create_backup(admin, out / "copia.cbk")
        written = list(_WRITES)
    finally:
        _WRITES = None
    outside = [w for w in written if w != ":memory:" and Path(w).parent not in (own, out)]
    assert outside == []
    assert all(Path(w).name.startswith("copia.cbk") for w in written if Path(w).parent == out)
