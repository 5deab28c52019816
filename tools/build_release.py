"""Build the frozen application (and, on Windows, its per-user installer).

    python -m venv .venv-release
    .venv-release/bin/pip install ".[release]"        (Windows: .venv-release\\Scripts\\pip)
    .venv-release/bin/python tools/build_release.py

Steps, all on the current platform (PyInstaller does not cross-compile):

1. PyInstaller with the committed spec ``tools/release/comite.spec``: one folder,
   ``dist/comite/``, with two executables sharing it, ``comite`` (console: the
   command line and scheduled backups) and ``comite-gui`` (windowed).
2. ``comite selfcheck`` run from the new folder (``--skip-check`` skips it).
3. Windows only, when ``--sign`` is given: Authenticode signatures on both
   executables (see :func:`sign`), then on the installer and its uninstaller.
4. Windows only: the installer ``dist/comite-<versión>-instalador.exe`` from
   ``tools/release/comite.iss`` with Inno Setup's compiler (``ISCC.exe``, on the
   PATH or in its default folder); ``--no-installer`` skips it.

Exit status 0 when everything asked for was built (and checked).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "tools" / "release"
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""

#: Signing inputs (environment variables), used with ``--sign`` on Windows.
SIGN_ENV = {
    "COMITE_SIGN_CERT_SHA1": "huella SHA-1 del certificado de firma de código en el almacén de Windows "
                             "(p. ej. el token USB del certificado EV), o bien:",
    "COMITE_SIGN_PFX": "ruta del archivo .pfx del certificado de firma de código",
    "COMITE_SIGN_PFX_PASSWORD": "contraseña del .pfx (en CI: un secreto del repositorio)",
    "COMITE_SIGN_TIMESTAMP_URL": "servidor de sellos de tiempo RFC 3161 de la autoridad que emitió el "
                                 "certificado (por defecto http://timestamp.digicert.com)",
    "SIGNTOOL": "ruta de signtool.exe (Windows SDK) si no está en el PATH",
}


def fail(message: str) -> None:
    print(f"build_release: {message}", file=sys.stderr)
    raise SystemExit(2)


def version() -> str:
    text = (ROOT / "src" / "comite" / "__init__.py").read_text(encoding="utf-8")
    return next(line.split("=")[1].strip().strip("\"'") for line in text.splitlines()
                if line.startswith("__version__"))


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_app(dist: Path, work: Path) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        fail('PyInstaller no está instalado en este entorno: pip install ".[release]"')
    if importlib.util.find_spec("faker") is None:
        print("build_release: Faker no está instalado: la aplicación no tendrá la demostración "
              '(comite --demo); pip install ".[release]" la incluye.', file=sys.stderr)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(RELEASE / "comite.spec")],
                   check=True, cwd=ROOT)
    app = dist / "comite"
    for name in ("comite", "comite-gui"):
        if not (app / f"{name}{EXE}").is_file():
            fail(f"PyInstaller no produjo {app / (name + EXE)}")
    print(f"Aplicación en {app}: {folder_size(app) / 2**20:.0f} MiB, "
          f"construida en {time.monotonic() - started:.0f} s.")
    return app


def selfcheck(app: Path) -> None:
    env = dict(os.environ)
    if not WINDOWS and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine without a screen
    result = subprocess.run([str(app / f"comite{EXE}"), "selfcheck"], env=env)
    if result.returncode != 0:
        fail("la aplicación construida no pasó «comite selfcheck» (el informe está arriba)")


def _signtool() -> str:
    found = os.environ.get("SIGNTOOL") or shutil.which("signtool")
    if not found:
        kits = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Windows Kits" / "10" / "bin"
        candidates = sorted(kits.glob("*/x64/signtool.exe"), reverse=True)
        found = str(candidates[0]) if candidates else None
    if not found:
        fail("no se encontró signtool.exe (Windows SDK); indíquelo en la variable SIGNTOOL")
    return found


def sign_command() -> list[str]:
    """``signtool sign`` with SHA-256 digests and an RFC 3161 timestamp (the signature outlives the
    certificate); the certificate from the Windows store by thumbprint, or from a .pfx file."""
    timestamp = os.environ.get("COMITE_SIGN_TIMESTAMP_URL", "http://timestamp.digicert.com")
    command = [_signtool(), "sign", "/fd", "SHA256", "/tr", timestamp, "/td", "SHA256", "/d", "comite"]
    if os.environ.get("COMITE_SIGN_CERT_SHA1"):
        return command + ["/sha1", os.environ["COMITE_SIGN_CERT_SHA1"]]
    if os.environ.get("COMITE_SIGN_PFX"):
        return command + ["/f", os.environ["COMITE_SIGN_PFX"], "/p", os.environ.get("COMITE_SIGN_PFX_PASSWORD", "")]
    fail("para firmar indique COMITE_SIGN_CERT_SHA1 o COMITE_SIGN_PFX:\n" +
         "\n".join(f"  {name}: {meaning}" for name, meaning in SIGN_ENV.items()))
    raise AssertionError  # fail() does not return


def sign(*files: Path) -> None:
    subprocess.run([*sign_command(), *map(str, files)], check=True)
    subprocess.run([_signtool(), "verify", "/pa", *map(str, files)], check=True)


def _iscc() -> str:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if not found:
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES"),
                     os.environ.get("LOCALAPPDATA") and str(Path(os.environ["LOCALAPPDATA"]) / "Programs")):
            if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
                found = str(Path(base) / "Inno Setup 6" / "ISCC.exe")
                break
    if not found:
        fail("no se encontró ISCC.exe (Inno Setup 6: https://jrsoftware.org/isdl.php); o use --no-installer")
    return found


def build_installer(app: Path, dist: Path, signed: bool) -> Path:
    command = [_iscc(), f"/DAppVersion={version()}", f"/DSourceDir={app}", f"/DOutputDir={dist}"]
    if signed:  # Inno Setup calls signtool on the installer and on the uninstaller it embeds
        quoted = " ".join(f"$q{part}$q" if " " in part else part for part in sign_command())
        command += ["/DSign", f"/Scomitesign={quoted} $f"]  # $q: a quote, $f: the file (Inno Setup's syntax)
    subprocess.run([*command, str(RELEASE / "comite.iss")], check=True)
    installer = dist / f"comite-{version()}-instalador.exe"
    if not installer.is_file():
        fail(f"Inno Setup no produjo {installer}")
    print(f"Instalador en {installer}: {installer.stat().st_size / 2**20:.0f} MiB.")
    return installer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Construye la aplicación empaquetada de comite "
                                                 "(y en Windows su instalador por usuario).")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="carpeta de salida (por defecto dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="carpeta de trabajo de PyInstaller")
    parser.add_argument("--skip-check", action="store_true", help="no correr «comite selfcheck» al terminar")
    parser.add_argument("--no-installer", action="store_true", help="Windows: no construir el instalador")
    parser.add_argument("--sign", action="store_true",
                        help="Windows: firmar los ejecutables y el instalador (variables: "
                             + ", ".join(SIGN_ENV) + ")")
    args = parser.parse_args(argv)
    if args.sign and not WINDOWS:
        fail("la firma Authenticode se hace en Windows")
    dist, work = args.dist.resolve(), args.work.resolve()
    app = build_app(dist, work)
    if not args.skip_check:
        selfcheck(app)
    if WINDOWS and args.sign:
        sign(app / "comite.exe", app / "comite-gui.exe")
    if WINDOWS and not args.no_installer:
        build_installer(app, dist, args.sign)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
