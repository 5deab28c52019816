"""What a killed command leaves beside a database, found and removed at the next start.

Work that must not be seen half done is built under a staging name beside its
target, tagged with the process that writes it (``comite.sqlite3.restaurando-4711``,
``comite.sqlite3.demo-4711``), and moved into place in one rename when it is
complete. A process killed before the rename leaves the staging file; the next
program that opens the database (:func:`clean_leftovers`) removes it, with its
SQLite side files, unless the process that wrote it is still running, and says
what it removed.

Older versions of comite wrote the plain snapshot of a backup in the system temp
folder (``comite-bk-*``); those are removed too.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

RESTORING = "restaurando"
DEMO = "demo"
ASIDE = "guardando"
_WHAT = {
    RESTORING: "una restauración interrumpida (copia sin terminar de la base restaurada)",
    DEMO: "una base de demostración a medio generar",
    ASIDE: "una copia de la base anterior a una restauración, sin terminar",
}
_SIDE_FILES = ("-wal", "-shm", "-journal")
_KINDS = "|".join(map(re.escape, _WHAT))
_TAGGED = re.compile(rf"\.(?P<kind>{_KINDS})(?:-(?P<pid>\d+))?$")


def staging_path(target: Path, kind: str) -> Path:
    """Where this process builds what will replace ``target`` (same folder, so the final
    rename is atomic and a plain copy never leaves the database's own folder)."""
    return target.with_name(f"{target.name}.{kind}-{os.getpid()}")


@dataclass(frozen=True)
class Leftover:
    path: Path
    what: str

    def message(self) -> str:
        return f"Se borró {self.what}: {self.path.name} (quedó de un proceso interrumpido)."


def find_leftovers(target: Path) -> list[Leftover]:
    """Staging files of ``target`` whose writer is no longer running."""
    target = Path(target)
    found = []
    try:
        candidates = sorted(target.parent.glob(glob.escape(target.name) + ".*"))
    except OSError:
        return []
    for path in candidates:
        match = _TAGGED.search(path.name[len(target.name):])
        if match is None or not path.is_file():
            continue
        pid = match.group("pid")
        if pid is not None and is_running(int(pid)):
            continue
        found.append(Leftover(path, _WHAT[match.group("kind")]))
    return found


def clean_leftovers(target: Path | None) -> list[str]:
    """Remove what killed commands left beside ``target`` (and old plain backup snapshots
    in the system temp folder); one Spanish sentence per thing removed."""
    messages = []
    if target is not None:
        for leftover in find_leftovers(target):
            try:
                remove_sqlite_file(leftover.path)
            except OSError as exc:
                messages.append(f"Quedó {leftover.what} que no se pudo borrar: {leftover.path} "
                                f"({exc.strerror or exc}). Bórrelo a mano.")
                continue
            messages.append(leftover.message())
    messages += _old_backup_snapshots()
    for message in messages:
        log.warning("%s", message)
    return messages


def remove_sqlite_file(path: Path) -> None:
    """``path`` and its SQLite side files (-wal, -shm, -journal), if there."""
    for suffix in _SIDE_FILES:
        Path(str(path) + suffix).unlink(missing_ok=True)
    Path(path).unlink(missing_ok=True)


_OLD_SNAPSHOT_AGE = 3600.0  # seconds: no backup of an older version was still being written after this


def _old_backup_snapshots() -> list[str]:
    messages = []
    for folder in Path(tempfile.gettempdir()).glob("comite-bk-*"):
        snapshot = folder / "snap.sqlite3"
        with contextlib.suppress(OSError):
            if not snapshot.exists() or time.time() - snapshot.stat().st_mtime < _OLD_SNAPSHOT_AGE:
                continue
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                messages.append(f"Se borró la instantánea sin cifrar de una copia de seguridad interrumpida "
                                f"(versión anterior de comite) en {folder}.")
    return messages


def is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[-1].split()[0] != "Z"  # a zombie has finished
    return True


def move_into_place(staging: Path, target: Path) -> None:
    """Replace ``target`` by the finished SQLite file ``staging`` in one rename, refusing
    while anyone has ``target`` open (what they wrote would be lost)."""
    import sqlite3

    from comite.errors import ValidationError

    if Path(target).exists():
        conn = sqlite3.connect(str(target), timeout=0, isolation_level=None)
        try:
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise ValidationError(f"La base {Path(target).name} está abierta en otro programa: ciérrelo y vuelva "
                                  "a intentar. No se modificó nada.") from exc
        finally:
            conn.close()
        for suffix in _SIDE_FILES:
            Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(staging, target)
