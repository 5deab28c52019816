"""Measure how long the frozen application takes from launch to its login window.

Run under an X server (the README's figure: Xvfb on Linux)::

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/release/start_time.py dist/comite [--runs 6]

It creates a database with one administrator in a temporary folder (with the
bundle's own ``comite init``), then starts ``comite-gui --db`` that database
``--runs`` times, and for each run measures the time until a window titled
«Iniciar sesión» is mapped on the screen (``xdotool``), then ends it. The first
run is the cold start of a bundle just written to disk (this machine does not
let a user drop the page cache); the others are warm. Nothing in the
application knows it is being measured.
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

LOGIN_TITLE = "Iniciar sesión"


def _login_visible() -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", LOGIN_TITLE],
                           capture_output=True, text=True)
    return found.returncode == 0 and bool(found.stdout.strip())


def launch_to_login(gui: Path, db: Path, env: dict[str, str], timeout: float = 120) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen([str(gui), "--db", str(db)], env=env, stdout=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < timeout:
            if _login_visible():
                return time.perf_counter() - started
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
        times = [launch_to_login(args.app / f"comite-gui{exe}", db, env) for _ in range(args.runs)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"primer arranque: {times[0]:.2f} s; siguientes (mediana de {len(times) - 1}): "
          f"{statistics.median(times[1:]):.2f} s; todos: {', '.join(f'{t:.2f}' for t in times)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
