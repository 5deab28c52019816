"""kill -9 at known moments of ``import``, ``backup``, ``restore`` and ``demo``.

Each command runs as a real process (``python -m comite``) with ``COMITE_FAULT`` naming a
point of its work (:mod:`comite.faults`): it kills itself there with SIGKILL, as a
``kill -9`` from outside at that very moment would, without sleeps or luck. After each
kill:

- the database passes ``PRAGMA integrity_check`` (SQLite) and ``comite audit verify``;
- nothing of a killed import is left (a file is imported whole or not at all);
- no plain copy of reserved data is left anywhere: the temporary folder the process used,
  the logs and the database's folder are searched byte by byte for the radicados, names
  and documents, in UTF-8 and UTF-16; what a killed command left beside the database is
  removed, and said, at the next start;
- running the command again succeeds.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import sqlite3
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from comite import cli
from comite.model import Case
from comite.services import accounts
from comite.services.bootstrap import open_database
from comite.services.context import ServiceContext
from comite.services.importer import COLUMNS, import_cases
from tests.conftest import ADMIN, ADMIN_PASSWORD, FAST_HASH, FAST_KDF

NAMES = ["Ñusta Yáñez Güiza", "Zoé Íñiguez Ospína"]
DOCS = ["98765432101", "55443322119"]
BASE = [f"FALLA-BASE-{i:03d}" for i in range(2)]
IMPORT_ROWS = 2_100  # more than one batch of the importer (2.000 rows)
KILLED = -signal.SIGKILL


def _csv(path: Path, radicados: list[str], names: list[str], docs: list[str]) -> Path:
    lines = [";".join(COLUMNS)]
    for radicado, name, doc in zip(radicados, names, docs, strict=True):
        lines.append(";".join([radicado, "individual", name, doc, "periodistas", "Cauca", "Popayán", "ordinaria",
                               "no", "Analista Uno", "81,5", "extremo"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


@dataclass
class World:
    """A database with an administrator and two reserved cases, and the folders a command uses."""

    root: Path
    db: str
    engine: str
    env: dict[str, str]

    @property
    def folder(self) -> Path | None:
        return Path(self.db).parent if self.engine == "sqlite" else None

    def comite(self, *args: str, fault: str | None = None) -> subprocess.CompletedProcess:
        env = dict(self.env)
        if fault:
            env["COMITE_FAULT"] = fault
        return subprocess.run([sys.executable, "-m", "comite", "--db", self.db, *args], env=env,
                              capture_output=True, text=True, timeout=300)

    def killed(self, *args: str, fault: str) -> None:
        done = self.comite(*args, fault=fault)
        assert done.returncode == KILLED, (fault, done.returncode, done.stdout, done.stderr)

    def ok(self, *args: str) -> subprocess.CompletedProcess:
        """The next run, in this process (the same command line code, one process start less)."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["--db", self.db, *args])
        done = subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())
        assert code == 0, (args, done.stdout, done.stderr)
        return done

    def cases(self, prefix: str) -> int:
        db = open_database(self.db)
        try:
            with db.Session() as s:
                return s.scalar(select(func.count(Case.id)).where(Case.radicado.like(f"{prefix}%")))
        finally:
            db.dispose()

    def sound(self) -> None:
        """Whole, its audit chain verified with the key, nothing reserved in clear."""
        if self.engine == "sqlite":
            conn = sqlite3.connect(self.db)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            finally:
                conn.close()
        assert "íntegra" in self.ok("--user", ADMIN, "audit", "verify").stdout
        self.no_plaintext()

    def no_plaintext(self) -> None:
        places = [self.root / "tmp", self.root / "home"]
        files = [p for place in places for p in place.rglob("*") if p.is_file()]
        assert _search(files, NAMES + DOCS + BASE) == []

    def leftovers(self) -> list[str]:
        """Files beside the database that are not the database, its WAL, or a kept copy."""
        if self.folder is None:
            return []
        path = Path(self.db)
        ok = re.compile(re.escape(path.name) + r"(-wal|-shm)?|" + re.escape(path.stem)
                        + r"\.antes-de-restaurar-[\d-]+\.sqlite3(-wal|-shm)?")
        return sorted(p.name for p in self.folder.iterdir()
                      if p.is_file() and p.name.startswith(path.stem) and not ok.fullmatch(p.name))


def _variants(value: str) -> list[bytes]:
    forms = {unicodedata.normalize(n, v) for v in (value, value.upper()) for n in ("NFC", "NFD")}
    return [f.encode(e) for f in forms for e in ("utf-8", "utf-16-le", "utf-16-be")]


def _search(paths: list[Path], values: list[str]) -> list[str]:
    needles = [(v, n) for v in values for n in _variants(v)]
    hits = []
    for path in paths:
        data = path.read_bytes()
        hits += [f"{value!r} en {path}" for value, needle in needles if needle in data]
    return sorted(set(hits))


@pytest.fixture
def world(engine, db_url, tmp_path, monkeypatch) -> World:
    for name in ("tmp", "home", "in", "out"):
        (tmp_path / name).mkdir()
    db = open_database(db_url)
    try:
        accounts.initialize(db, username=ADMIN, full_name="Administradora", password=ADMIN_PASSWORD,
                            kdf=FAST_KDF, hasher=FAST_HASH)
        ctx = ServiceContext(db, accounts.login(db, ADMIN, ADMIN_PASSWORD).actor)
        assert import_cases(ctx, _csv(tmp_path / "in" / "base.csv", BASE, NAMES, DOCS)).imported == 2
    finally:
        db.dispose()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMITE_")}
    temp = str(tmp_path / "tmp")
    env.update(COMITE_HOME=str(tmp_path / "home"), COMITE_PASSWORD=ADMIN_PASSWORD, TMPDIR=temp, TEMP=temp, TMP=temp)
    monkeypatch.setenv("COMITE_PASSWORD", ADMIN_PASSWORD)
    return World(tmp_path, db_url, engine, env)


# --- import ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["import:batch", "import:commit"])
def test_a_killed_import_leaves_nothing_and_runs_again_whole(world, fault):
    if world.engine != "sqlite" and fault != "import:commit":
        pytest.skip("en PostgreSQL basta el peor momento: todo escrito, nada confirmado")
    sheet = _csv(world.root / "in" / "lote.csv", [f"FALLA-IMP-{i:05d}" for i in range(IMPORT_ROWS)],
                 [f"Persona {i} de {NAMES[i % 2]}" for i in range(IMPORT_ROWS)],
                 [str(80_000_000 + i) for i in range(IMPORT_ROWS)])
    world.killed("--user", ADMIN, "import-cases", str(sheet), fault=fault)
    assert world.cases("FALLA-IMP-") == 0  # not one batch of the killed import stayed
    world.sound()
    done = world.ok("--user", ADMIN, "import-cases", str(sheet))
    assert f"{IMPORT_ROWS:,}".replace(",", ".") + " casos importados" in done.stdout
    assert world.cases("FALLA-IMP-") == IMPORT_ROWS
    world.sound()


# --- backup ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["backup:snapshot", "backup:written", "backup:placed"])
def test_a_killed_backup_leaves_no_plain_snapshot(world, fault):
    if world.engine != "sqlite":
        pytest.skip("las copias desde comite son de SQLite (PostgreSQL: pg_dump)")
    target = world.root / "out" / "copia.comite-backup"
    world.killed("--user", ADMIN, "backup", str(target), fault=fault)
    world.sound()  # the temp folder holds no snapshot: the plain copy only ever lived in memory
    partial = [p.name for p in target.parent.iterdir() if p != target]
    if fault == "backup:placed":  # in place, not yet audited: a complete, valid backup
        restored = world.root / "out" / "prueba.sqlite3"
        world.ok("--user", ADMIN, "restore", str(target), "--db", str(restored))
    else:
        assert not target.exists()
    assert all(".parcial-" in name for name in partial), partial  # ciphertext only; the next backup removes it
    world.ok("--user", ADMIN, "backup", str(target))
    assert [p.name for p in target.parent.iterdir() if ".parcial-" in p.name] == []


# --- restore --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["restore:staged", "restore:kept", "restore:replaced"])
def test_a_killed_restore_leaves_a_whole_database_and_its_leftovers_go_at_the_next_start(world, fault):
    if world.engine != "sqlite":
        pytest.skip("la restauración desde comite es de SQLite (PostgreSQL: pg_restore)")
    backup = world.root / "out" / "copia.comite-backup"
    world.ok("--user", ADMIN, "backup", str(backup))
    world.killed("--user", ADMIN, "restore", str(backup), "--yes", fault=fault)
    left = world.leftovers()
    if fault == "restore:staged":
        assert any(".restaurando-" in name for name in left), left  # the plain restored copy, beside it
    done = world.ok("--user", ADMIN, "sessions")  # the next start
    if left:
        assert "Se borró" in done.stderr, done.stderr
    assert world.leftovers() == []
    world.sound()
    assert world.cases("FALLA-BASE-") == 2  # the old database or the restored one: whole either way
    done = world.ok("--user", ADMIN, "restore", str(backup), "--yes")
    assert "verificada y restaurada" in done.stdout
    world.sound()


# --- demo -----------------------------------------------------------------------------------------


def test_a_killed_demo_leaves_no_database_with_unprinted_passwords(world):
    if world.engine != "sqlite":
        pytest.skip("el demo atómico se construye en un archivo")
    target = world.folder / "demo" / "demo.sqlite3"
    args = ("--db", str(target), "demo", "--sessions", "6", "--cases", "30")
    for fault in ("demo:progress:2", "demo:filled"):  # half generated; generated, not yet in place
        world.killed(*args, fault=fault)
        assert not target.exists()  # nobody can open a database whose passwords were never shown
        left = [p.name for p in target.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))]
        assert len(left) == 1 and ".demo-" in left[0], left  # each start removed the one before
    done = world.ok(*args)  # the next start removes the half-built one and builds it whole
    assert "Se borró una base de demostración a medio generar" in done.stderr, done.stderr
    assert "DEMO  usuario: admin" in done.stdout
    assert sorted(p.name for p in target.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["demo.sqlite3"]
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    world.no_plaintext()
