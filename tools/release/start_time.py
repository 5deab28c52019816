"""Measure how long the frozen application takes from launch to its login window.

Run under an X server (the README's figure: Xvfb on Linux)::

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/release/start_time.py dist/comite [--runs 6]

It creates a database with one administrator in a temporary folder (with the
bundle's own ``comite init``), then starts ``comite-gui --db`` that database
``--runs`` times, and for each run measures the time until a window titled
«Ingresar» is mapped on the screen (``xdotool``), then ends it.

Cold and warm: before each odd-numbered run the bundle's files are evicted
from the operating system's page cache (``posix_fadvise(DONTNEED)``, which
needs no privileges; the system's own libraries stay cached, as on a desk
that has been on for a while), so those runs read the bundle from disk as the
first start after a reboot or an installation does; even-numbered runs find
it cached. Nothing in the application knows it is being measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOGIN_TITLE = "Ingresar"


def _login_visible() -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", LOGIN_TITLE],
                           capture_output=True, text=True)
    return found.returncode == 0 and bool(found.stdout.strip())


def evict(folder: Path) -> None:
    """Drop ``folder``'s files from the page cache (Linux; elsewhere nothing happens)."""
    if not hasattr(os, "posix_fadvise"):
        return
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` so far (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def launch_to_login(gui: Path, db: Path, env: dict[str, str], timeout: float = 120) -> tuple[float, float]:
    """Wall-clock seconds until the login window shows, and the CPU seconds the process used by then
    (the second does not grow when other programs compete for the processor)."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(gui), "--db", str(db)], env=env, stdout=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < timeout:
            if _login_visible():
                return time.perf_counter() - started, _cpu_seconds(proc.pid)
            if proc.poll() is not None:
                raise SystemExit(f"comite-gui terminó antes de mostrar el ingreso (estado {proc.returncode})")
            time.sleep(0.01)
        raise SystemExit(f"el ingreso no apareció en {timeout:.0f} s")
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="carpeta de la aplicación empaquetada (dist/comite)")
    parser.add_argument("--runs", type=int, default=6)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        raise SystemExit("hace falta un servidor X (xvfb-run) y xdotool")
    exe = ".exe" if sys.platform == "win32" else ""
    work = Path(tempfile.mkdtemp(prefix="comite-arranque-"))
    try:
        env = {**os.environ, "COMITE_HOME": str(work / "home"), "COMITE_PASSWORD": "Clave-de-medicion-2026"}
        env.pop("QT_QPA_PLATFORM", None)
        db = work / "comite.sqlite3"
        subprocess.run([str(args.app / f"comite{exe}"), "--db", str(db), "--user", "admin", "init"], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        cold, warm = [], []
        for run in range(args.runs):
            if run % 2 == 0:
                evict(args.app)
            (cold if run % 2 == 0 else warm).append(launch_to_login(args.app / f"comite-gui{exe}", db, env))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for label, runs in (("en frío", cold), ("en caliente", warm)):
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"{label} (mediana de {len(runs)}): {statistics.median(walls):.2f} s hasta el ingreso, "
              f"{statistics.median(cpus):.2f} s de procesador [{', '.join(f'{w:.2f}' for w in walls)}]")
    print(f"carga del equipo (1 min): {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
