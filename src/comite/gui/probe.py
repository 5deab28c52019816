"""A scripted start of the desktop application, for checking a built artefact (``.ci/frozen``).

With ``COMITE_GUI_PROBE=SESION`` in the environment, ``comite-gui --db BASE --user
USUARIO`` (password in ``COMITE_PASSWORD``) does, in the real application and
with the real code paths, what a person does first: it logs in through the
account service, builds the main window, opens session ``SESION`` in its
workspace, shows the Acta tab and waits until the acta preview is generated
(in the helper process, as always) and its first page is rasterised on screen.
Then it prints one line saying so and exits with status 0. Any failure (the
session workspace missing from a bundle, PDFium absent, the helper process not
starting, an error box, 90 s without a preview) prints a Spanish line and
exits with status 1. ``COMITE_GUI_PROBE_SHOT=FILE.png`` also saves the window.

It exists only to prove the frozen application from a script (the same run
a person does by hand takes a display and a mouse); nothing else reads these
variables. Without them the application starts as usual.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

PROBE_ENV = "COMITE_GUI_PROBE"
SHOT_ENV = "COMITE_GUI_PROBE_SHOT"
TIMEOUT_S = 90

log = logging.getLogger(__name__)


def requested() -> str | None:
    return os.environ.get(PROBE_ENV) or None


def _say(text: str) -> None:
    log.info("%s", text)
    stream = sys.stdout or sys.stderr
    if stream is not None:
        print(text, file=stream, flush=True)


def _wait_until(app: QApplication, condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    loop = QEventLoop()
    while time.monotonic() < deadline:
        if condition():
            return True
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    return condition()


def run_probe(db_target: str | None, username: str | None, password: str | None, session: str) -> int:
    """See the module docstring; returns the exit status."""
    from comite.gui import dialogs
    from comite.gui.app import (
        apply_look,
        ensure_application,
        install_exception_hooks,
        make_main_window,
    )
    from comite.logs import setup_logging
    from comite.services import accounts
    from comite.services.bootstrap import open_with_server_password
    from comite.storage.secrets import KeyringSecretStore

    setup_logging()
    app = ensure_application()
    apply_look(app)
    restore_hooks = install_exception_hooks()
    errors: list[str] = []
    original_show_error = dialogs.show_error

    def record_error(parent, exc, *, action=""):  # an error box: the probe fails, and says which
        errors.append(f"{action or 'error'}: {type(exc).__name__}: {exc}")
        return original_show_error(parent, exc, action=action)

    dialogs.show_error = record_error
    db = None
    try:
        if not session.isdigit() or not username or not password:
            _say(f"{PROBE_ENV} necesita el número interno de una sesión, --user USUARIO y la contraseña "
                 "(COMITE_PASSWORD).")
            return 1
        store = KeyringSecretStore()
        db, _note = open_with_server_password(db_target, store, lambda _reason: None)
        login = accounts.login(db, username, password)
        window = make_main_window(db, login, store=store)
        window.resize(1400, 900)
        window.show()
        started = time.perf_counter()
        page = window.open_session(int(session))
        if page is None:
            _say(f"No se pudo abrir la sesión {session}: " + "; ".join(errors))
            return 1
        page.show_tab(page.TAB_ACTA)
        tab = page.acta_tab

        def shown() -> bool:
            failed = tab.ui.previewStatus.text().startswith("No se pudo")
            return bool(errors) or failed or (tab.pdf_view.page_count() > 0 and tab.pdf_view.pages.renders > 0)

        if not _wait_until(app, shown, TIMEOUT_S) or errors or tab.pdf_view.pages.renders == 0:
            _say(f"La vista previa del acta de la sesión {session} no apareció: "
                 + ("; ".join(errors) or f"{TIMEOUT_S} s sin vista previa ({tab.ui.previewStatus.text()})"))
            return 1
        seconds = time.perf_counter() - started
        shot = os.environ.get(SHOT_ENV)
        if shot:
            window.grab().save(str(Path(shot)), "PNG")
        _say(f"comite-gui: sesión {session} abierta; vista previa del acta con {tab.pdf_view.page_count()} páginas, "
             f"la primera en pantalla ({seconds:.1f} s).")
        tab.pdf_view.pages.clear()  # PDFium's document closed before the process ends
        window.close()
        return 0
    except Exception as exc:  # noqa: BLE001 - the probe reports every failure as its exit status
        dialogs.log_exception(exc, "la prueba de la interfaz")
        _say(f"La prueba de la interfaz falló: {type(exc).__name__}: {exc}")
        return 1
    finally:
        dialogs.show_error = original_show_error
        restore_hooks()
        if db is not None:
            db.dispose()
