"""The command line end to end on a database file: each command as a user would
type it (``comite.cli.main`` with its arguments, passwords through the
environment as in scripts), its exit status and what it prints in Spanish."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from comite import cli
from comite.services import accounts
from comite.services.bootstrap import open_database
from comite.storage import crypto

pytestmark = pytest.mark.sqlite_only

ADMIN_PW = "Clave-de-prueba-CLI-1"
NEW_PW = "Otra-clave-de-prueba-2"
RECOVERY = re.compile(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{1,4})+)\s*$", re.MULTILINE)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMITE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("COMITE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COMITE_PASSWORD", ADMIN_PW)
    return tmp_path


@pytest.fixture
def initialized(home, capsys):
    db = str(home / "cli.sqlite3")
    code, out, _ = run(capsys, "--db", db, "--user", "ana", "init")
    assert code == 0, out
    found = RECOVERY.search(out)
    assert found and "no se volverá a mostrar" in out, out
    return db, found.group(1)


def test_init_prints_the_recovery_key_once_and_refuses_a_second_time(initialized, capsys):
    db, key = initialized
    handle = open_database(db)
    assert accounts.unlock_with_recovery(handle, key) is not None  # the printed key is the real one
    handle.dispose()
    code, _, err = run(capsys, "--db", db, "--user", "otra", "init")
    assert code == 2 and "ya tiene cuentas" in err


def test_commands_that_need_an_account_say_so(initialized, capsys, monkeypatch):
    db, _ = initialized
    code, _, err = run(capsys, "--db", db, "sessions")
    assert code == 2 and "--user" in err
    monkeypatch.setenv("COMITE_PASSWORD", "equivocada-del-todo")
    code, _, err = run(capsys, "--db", db, "--user", "ana", "sessions")
    assert code == 2 and err.startswith("Error: ") and "Traceback" not in err


def test_user_add_import_and_sessions(initialized, capsys, monkeypatch, tmp_path):
    db, _ = initialized
    monkeypatch.setenv("COMITE_NEW_PASSWORD", NEW_PW)
    code, out, err = run(capsys, "--db", db, "--user", "ana", "user-add", "beto", "--name", "Beto Pérez",
                         "--role", "secretaria", "--committee", "GVP", "--committee", "CERREM_POBLACIONAL")
    assert code == 0 and "«beto» creada" in out, err
    sheet = tmp_path / "casos.csv"
    sheet.write_text(
        "radicado;tipo;nombre;documento;poblacion;departamento;municipio;ruta;desplazado;analista;"
        "puntaje_matriz;nivel_propuesto\n"
        "CLI-0001;individual;Ñoño Ibáñez;10203040;victimas;Cauca;Popayán;ordinaria;si;Ana;55,5;extraordinario\n"
        "CLI-0002;individual;Sin Fecha;1;victimas;Cauca;Popayán;ordinaria;quizás;Ana;50;\n"
        "CLI-0003;individual;Otra Persona;555;victimas;Narnia;Xyz;ordinaria;no;Ana;50;\n"
        "CLI-0004;individual;Tercera Persona;777;victimas;CAUCA;Popayán;ordinaria;no;Ana;10;extremo\n",
        encoding="utf-8")
    monkeypatch.setenv("COMITE_PASSWORD", NEW_PW)
    code, out, _ = run(capsys, "--db", db, "--user", "beto", "import-cases", str(sheet))
    assert code == 1  # rows refused: the command says which and why, and imports the good ones
    assert "Fila 3 (CLI-0002)" in out and "desplazado" in out.lower()
    assert "Fila 4 (CLI-0003)" in out and "departamento «Narnia» desconocido" in out
    assert "para revisar: Fila 5 (CLI-0004)" in out and "no corresponde al puntaje" in out
    assert "2 casos importados y 2 filas rechazadas; 1 fila para revisar" in out
    assert "Ñoño" not in out and "10203040" not in out  # a report never echoes reserved data
    code, out, _ = run(capsys, "--db", db, "--user", "beto", "sessions")
    assert code == 0 and out == ""  # no sessions yet: nothing listed


def test_backup_restore_and_a_tampered_audit_trail(initialized, capsys, tmp_path):
    db, _ = initialized
    backup = tmp_path / "copia.cbk"
    code, out, err = run(capsys, "--db", db, "--user", "ana", "backup", str(backup))
    assert code == 0 and backup.exists(), err
    code, out, _ = run(capsys, "--db", db, "--user", "ana", "audit", "verify")
    assert code == 0, out

    restored = tmp_path / "restaurada.sqlite3"
    code, out, err = run(capsys, "--db", str(restored), "--user", "ana", "restore", str(backup), "--yes")
    assert code == 0 and "verificada y restaurada" in out, err
    damaged = tmp_path / "dañada.cbk"
    raw = bytearray(backup.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    damaged.write_bytes(bytes(raw))
    before = _data_of(restored)
    code, _, err = run(capsys, "--db", str(restored), "--user", "ana", "restore", str(damaged), "--yes")
    assert code == 2 and "dañada o fue alterada" in err
    assert _data_of(restored) == before  # the current database is left untouched, the refusal audited
    conn = sqlite3.connect(restored)
    assert conn.execute("SELECT details FROM audit_entry WHERE action = 'restauracion_rechazada'").fetchone()
    conn.close()

    # a restore while the database is open elsewhere is refused: what that program wrote
    # (still in the WAL) would be lost
    live = sqlite3.connect(restored)
    live.execute("CREATE TABLE trabajo_reciente (x)")
    live.execute("INSERT INTO trabajo_reciente VALUES (1)")
    live.commit()
    code, _, err = run(capsys, "--db", str(restored), "--user", "ana", "restore", str(backup), "--yes")
    assert code == 2 and "está abierta" in err and "No se modificó nada" in err
    assert live.execute("SELECT count(*) FROM trabajo_reciente").fetchone() == (1,)
    live.close()
    code, out, err = run(capsys, "--db", str(restored), "--user", "ana", "restore", str(backup), "--yes")
    assert code == 0, err
    kept = re.search(r"se conservó como (\S+)\.$", out, re.M).group(1)
    aside = sqlite3.connect(restored.with_name(kept))
    assert aside.execute("SELECT count(*) FROM trabajo_reciente").fetchone() == (1,)  # kept, WAL included
    aside.close()

    with sqlite3.connect(db) as conn:
        target = conn.execute("SELECT min(id) + 1 FROM audit_entry").fetchone()[0]
        with pytest.raises(sqlite3.IntegrityError, match="solo admite agregar"):  # the table refuses
            conn.execute("UPDATE audit_entry SET action = 'borrado' WHERE id = ?", (target,))
        _drop_append_only(conn)  # whoever has the file can drop the triggers
        conn.execute("UPDATE audit_entry SET action = 'borrado' WHERE id = ?", (target,))
    code, out, _ = run(capsys, "--db", db, "--user", "ana", "audit", "verify")
    assert code == 1 and str(target) in out


def _data_of(path: Path) -> dict[str, list]:
    """Every table but the audit trail and its heads (which record the attempts)."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names
                if n not in ("audit_entry", "db_meta")}
    finally:
        conn.close()


def _drop_append_only(conn: sqlite3.Connection) -> None:
    from comite.storage.triggers import APPEND_ONLY_TRIGGERS

    for name in APPEND_ONLY_TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")


def test_audit_verify_reports_a_cut_end_and_says_what_it_checked(initialized, capsys, monkeypatch):
    db, _ = initialized
    monkeypatch.setenv("COMITE_NEW_PASSWORD", NEW_PW)
    run(capsys, "--db", db, "--user", "ana", "user-add", "beto", "--name", "Beto", "--role", "revisor")
    code, out, _ = run(capsys, "--db", db, "audit", "verify")  # no account: no key
    assert code == 0
    assert "solo se comprobó la cadena de huellas" in out and "no los sellos" in out
    assert "comite audit verify --user USUARIO" in out
    code, out, _ = run(capsys, "--db", db, "--user", "ana", "audit", "verify")
    assert code == 0 and "íntegra" in out and "--user USUARIO" not in out

    with sqlite3.connect(db) as conn:  # delete the newest entries
        _drop_append_only(conn)
        last = conn.execute("SELECT max(id) FROM audit_entry").fetchone()[0]
        conn.execute("DELETE FROM audit_entry WHERE id > ?", (last - 2,))
    code, out, _ = run(capsys, "--db", db, "audit", "verify")
    assert code == 1 and f"faltan registros al final de la auditoría: el último registrado era el {last}" in out
    with sqlite3.connect(db) as conn:  # ... and rewrite the plain head: only the seal tells now
        end_id, end_hash = conn.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
        conn.execute("UPDATE db_meta SET value = ? WHERE key = 'audit_head'",
                     (json.dumps({"id": end_id, "hash": end_hash}).encode("ascii"),))
    code, out, _ = run(capsys, "--db", db, "audit", "verify")
    assert code == 0 and "no los sellos" in out
    code, out, _ = run(capsys, "--db", db, "--user", "ana", "audit", "verify")
    assert code == 1 and "faltan registros al final de la auditoría" in out


def test_scheduled_backup_with_the_remembered_key_into_a_folder(initialized, capsys, monkeypatch, tmp_path):
    from comite.services import audit
    from comite.services.context import ServiceContext
    from comite.storage import secrets

    db, _ = initialized
    store = secrets.MemorySecretStore()
    monkeypatch.setattr(secrets, "KeyringSecretStore", lambda: store)  # the OS keyring of this Windows user
    folder = tmp_path / "copias"
    folder.mkdir()
    (folder / "notas.txt").write_text("no es una copia")  # other files in the folder are never touched

    monkeypatch.delenv("COMITE_PASSWORD")  # a scheduled task has no password to give
    code, _, err = run(capsys, "--db", db, "backup", str(folder), "--remembered-key")
    assert code == 2 and "no está recordada" in err and "Recordar la llave" in err
    assert sorted(p.name for p in folder.iterdir()) == ["notas.txt"]

    handle = open_database(db)  # ana logs in once in the application and ticks "Recordar la llave"
    accounts.login(handle, "ana", ADMIN_PW)
    accounts.remember_key(handle, store, "ana")
    handle.dispose()
    made = []
    for _ in range(3):
        code, out, err = run(capsys, "--db", db, "backup", str(folder), "--remembered-key", "--keep", "2")
        assert code == 0 and "a nombre de «ana»" in out, err
        made.append(Path(re.search(r"escrita en (\S+) ", out).group(1)).name)
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted([*made[1:], "notas.txt"])  # the oldest dated copy went, the note stayed
    assert all(re.fullmatch(r"comite-\d{8}-\d{6}(-\d+)?\.comite-backup", name) for name in made)
    restored = tmp_path / "restaurada.sqlite3"
    monkeypatch.setenv("COMITE_PASSWORD", ADMIN_PW)
    code, out, err = run(capsys, "--db", str(restored), "--user", "ana", "restore", str(folder / made[-1]), "--yes")
    assert code == 0 and "verificada y restaurada" in out, err

    handle = open_database(db)
    ctx = ServiceContext(handle, accounts.login(handle, "ana", ADMIN_PW).actor)
    logins = [r for r in audit.query(ctx, username="ana") if r.action == "login" and "llave recordada" in r.details]
    assert len(logins) == 3  # each unattended run is attributed to ana, saying how it got in
    accounts.create_user(ctx, username="beto", full_name="Beto Pérez", password="Secretaria-GVP-2026",
                         role=accounts.Role.SECRETARIA, committees=["GVP"])
    accounts.remember_key(handle, store, "beto")
    accounts.update_user(ctx, "beto", active=False)
    handle.dispose()
    monkeypatch.delenv("COMITE_PASSWORD")
    code, _, err = run(capsys, "--db", db, "backup", str(folder), "--remembered-key")
    assert code == 2 and "«beto»" in err and "inactiva" in err
    code, _, err = run(capsys, "--db", db, "--user", "ana", "backup", str(tmp_path / "x.bk"), "--keep", "2")
    assert code == 2 and "carpeta" in err
    code, _, err = run(capsys, "--db", db, "backup", str(folder), "--remembered-key", "--keep", "0")
    assert code == 2 and "al menos 1" in err
    assert len(list(folder.glob("*.comite-backup"))) == 2  # refusals wrote and deleted nothing


def test_catalog_import_by_an_administrator(initialized, capsys, tmp_path):
    from tests.unit.test_catalog import GVP_2030

    db, _ = initialized
    folder = tmp_path / "decreto"
    folder.mkdir()
    (folder / "GVP_2030.toml").write_text(GVP_2030, encoding="utf-8")
    code, out, err = run(capsys, "catalog-import", str(folder), "--db", db, "--user", "ana")
    assert code == 0 and "1 conformación(es) nueva(s)" in out, err
    code, out, _ = run(capsys, "--db", db, "catalog", "--json", "--date", "2030-02-01")
    gvp = next(c for c in json.loads(out) if c["code"] == "GVP")
    assert [s["entity"] for s in gvp["seats"]] == ["Unidad Nacional de Protección", "Ministerio de Defensa Nacional"]
    code, _, err = run(capsys, "catalog-import", str(folder), "--db", db)
    assert code == 2 and "--user" in err


def test_recover_gives_an_administrator_a_new_password_with_the_recovery_key(initialized, capsys, monkeypatch):
    db, key = initialized
    monkeypatch.setenv("COMITE_NEW_PASSWORD", NEW_PW)
    handle = open_database(db)
    for _ in range(5):  # the administrator has forgotten the password and locked the account
        with pytest.raises(Exception):  # noqa: B017 - the Spanish refusal is tested in test_accounts
            accounts.login(handle, "ana", "olvidada-por-completo")
    handle.dispose()

    monkeypatch.setenv("COMITE_RECOVERY_KEY", "AAAA-BBBB-CCCC")
    code, _, err = run(capsys, "--db", db, "recover", "ana")
    assert code == 2 and "formato esperado" in err
    monkeypatch.setenv("COMITE_RECOVERY_KEY", crypto.generate_recovery_key())  # well formed, but another
    code, _, err = run(capsys, "--db", db, "recover", "ana")
    assert code == 2 and "recuperación no es correcta" in err

    monkeypatch.setenv("COMITE_RECOVERY_KEY", key)
    code, out, err = run(capsys, "--db", db, "recover", "ana")
    assert code == 0 and "desbloqueada" in out, err
    handle = open_database(db)
    login = accounts.login(handle, "ana", NEW_PW)  # unlocked, and the new password unwraps the data key
    assert login.actor.username == "ana" and handle.unlocked
    with sqlite3.connect(db) as conn:
        actions = [a for (a,) in conn.execute("SELECT action FROM audit_entry ORDER BY id")]
    assert "cuenta_recuperada" in actions
    handle.dispose()


def test_recover_refuses_an_account_that_is_not_an_administrator(initialized, capsys, monkeypatch):
    db, key = initialized
    monkeypatch.setenv("COMITE_NEW_PASSWORD", NEW_PW)
    run(capsys, "--db", db, "--user", "ana", "user-add", "rev", "--name", "Revisora", "--role", "revisor")
    monkeypatch.setenv("COMITE_RECOVERY_KEY", key)
    monkeypatch.setenv("COMITE_NEW_PASSWORD", "Tercera-clave-segura-3")
    code, _, err = run(capsys, "--db", db, "recover", "rev")
    assert code == 2 and "no es administrador" in err


@pytest.mark.slow
def test_demo_then_documents_from_the_command_line(home, capsys, monkeypatch, tmp_path):
    db = str(home / "demo.sqlite3")
    code, out, _ = run(capsys, "--db", db, "demo", "--sessions", "12", "--cases", "150", "--seed", "3")
    assert code == 0
    admin_pw = re.search(r"usuario: admin\s+rol: administrador\s+contraseña: (\S+)", out).group(1)
    monkeypatch.setenv("COMITE_PASSWORD", admin_pw)
    code, out, _ = run(capsys, "--db", db, "--user", "admin", "sessions", "--committee", "CERREM_POBLACIONAL")
    rows = [line.split() for line in out.splitlines()]
    approved = [r for r in rows if "aprobada" in " ".join(r)]
    assert code == 0 and approved, out
    sid = approved[0][0]

    acta_pdf = tmp_path / "acta.pdf"
    code, out, err = run(capsys, "--db", db, "--user", "admin", "acta", sid, "--out", str(acta_pdf))
    assert code == 0 and acta_pdf.read_bytes().startswith(b"%PDF"), err
    code, out, err = run(capsys, "--db", db, "verify-acta", str(acta_pdf))
    assert code == 0 and "acta final" in out, out + err
    altered = tmp_path / "alterada.pdf"
    altered.write_bytes(acta_pdf.read_bytes().replace(b"%%EOF", b"%%EOF\n% cambio"))
    code, out, _ = run(capsys, "--db", db, "verify-acta", str(altered))
    assert code == 1

    out_dir = tmp_path / "resoluciones"
    code, out, err = run(capsys, "--db", db, "--user", "admin", "resolutions", sid, "--out", str(out_dir))
    assert code == 0, err
    written = sorted(out_dir.glob("*.docx"))
    assert written and f"{len(written)} resoluciones" in out


def test_catalog_json_and_deadline(home, capsys):
    open_database(str(home / "c.sqlite3")).dispose()
    code, out, _ = run(capsys, "--db", str(home / "c.sqlite3"), "catalog", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == 6
    assert {c["code"] for c in data} >= {"GVP", "CERREM_POBLACIONAL", "CERREM_MUJERES"}
    after = home / "despues.sqlite3"  # --db also after the subcommand, as the guides write it
    open_database(str(after)).dispose()
    code, out, _ = run(capsys, "catalog", "--db", str(after), "--json")
    assert code == 0 and json.loads(out) == data and after.exists()
    code, out, _ = run(capsys, "deadline", "--from", "2026-03-27", "--business-days", "5")
    # 30 and 31 March, 1 April, then Holy Thursday and Good Friday (2 and 3 April) skipped: 6 and 7 April
    assert code == 0 and out.strip() == "2026-04-07"
    with pytest.raises(SystemExit) as exited:
        run(capsys, "deadline", "--from", "2026-02-30", "--business-days", "5")
    assert exited.value.code == 2
    assert "no es una fecha AAAA-MM-DD válida" in capsys.readouterr().err


@pytest.mark.slow
def test_demo_gui_leaves_no_database_behind(home, capsys, monkeypatch):
    import comite.gui.app as gui_app

    opened: list[Path] = []

    def fake_gui(target, demo=False):
        opened.append(Path(target))
        assert demo and Path(target).exists()
        return 0

    monkeypatch.setattr(gui_app, "run_gui", fake_gui)
    code, out, _ = run(capsys, "--demo")
    assert code == 0 and "DEMO  usuario: admin" in out
    assert opened and not opened[0].parent.exists()  # the throwaway folder is gone after the window closes
