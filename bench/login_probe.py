"""The benchmark's login probe (``start.*`` of ``bench/run.py``), in a module of its own.

The probe's child imports this module first and then runs the application's own start, so what
the clock counts up to the login dialog is the application's: this module imports only what the
application imports anyway (``argparse``, ``json``, ``os``, ``sys``, ``time``). ``run.py``, which
the other probes import, brings ``statistics``, ``subprocess``, ``shutil``, ``tempfile`` and the
rest of the benchmark before the application starts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _since_launch() -> float:
    """Milliseconds since the parent launched this process (``COMITE_BENCH_LAUNCHED``, wall clock)."""
    return _ms(time.time() - float(os.environ["COMITE_BENCH_LAUNCHED"]))


def run_login_probe(args: argparse.Namespace) -> None:
    """``--probe login``: run the application's own start (``comite.cli.main``) with an event filter
    that reads the clock at the login dialog's first paint, types the password once the
    preparation behind it is done (a user types for longer), presses «Entrar», and reads the clock
    at the main window's first paint, when its event loop is next free, and when the start page's
    lists are filled. Prints one JSON line."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    marks: dict[str, float] = {}
    state: dict[str, object] = {}

    def now() -> float:
        return _since_launch()

    def poll_prepared() -> None:
        dialog = state["dialog"]
        prep = dialog._open_db.__self__ if dialog._open_db is not None else None  # type: ignore[attr-defined]
        if prep is not None and not prep._done.is_set():
            QTimer.singleShot(5, poll_prepared)
            return
        marks["prepared_ms"] = now()
        dialog.ui.userEdit.setText(args.user)  # type: ignore[attr-defined]
        dialog.ui.passwordEdit.setText(os.environ["COMITE_BENCH_PASSWORD"])  # type: ignore[attr-defined]
        QTimer.singleShot(50, press)  # the "prepared" signal and the keyring answer are delivered first

    def press() -> None:
        # the login job's share (Argon2id and the login's writes), reported apart; patched only now,
        # once the preparation behind the dialog has imported the services
        from comite.services import accounts

        real_login = accounts.login

        def timed_login(*a, **kw):
            t = time.perf_counter()
            try:
                return real_login(*a, **kw)
            finally:
                marks["login_job_ms"] = _ms(time.perf_counter() - t)

        accounts.login = timed_login  # type: ignore[assignment]
        marks["enter"] = time.perf_counter()
        state["dialog"].ui.loginButton.click()  # type: ignore[attr-defined]

    def free() -> None:
        marks["usable"] = time.perf_counter()
        QTimer.singleShot(0, poll_lists)

    def poll_lists() -> None:
        from comite.gui.dashboard import DashboardPage

        window = state["window"]
        pages = window.findChildren(DashboardPage)  # type: ignore[attr-defined]
        page = pages[0] if pages else None
        if page is None or page.board is None or page._loading:
            QTimer.singleShot(2, poll_lists)
            return
        app.processEvents()  # the filled lists laid out and painted
        marks["lists"] = time.perf_counter()
        poll_counted()

    def poll_counted() -> None:  # the GVP's total, counted after the lists are shown
        window = state["window"]
        from comite.gui.dashboard import DashboardPage

        if window.findChildren(DashboardPage)[0].counts()["gvp"] is None:  # type: ignore[attr-defined]
            QTimer.singleShot(2, poll_counted)
            return
        marks["counted"] = time.perf_counter()
        window.close()  # type: ignore[attr-defined]

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                name = type(obj).__name__
                if name == "LoginDialog" and "dialog" not in state:
                    state["dialog"] = obj
                    marks["login_shown_ms"] = now()
                    if args.until_painted:  # only the launch → dialog figure: leave at once
                        sys.stdout.write(json.dumps({"login_shown_ms": marks["login_shown_ms"]}) + "\n")
                        sys.stdout.flush()
                        os._exit(0)
                    QTimer.singleShot(0, poll_prepared)
                elif name == "MainWindow" and "window" not in state:
                    state["window"] = obj
                    marks["painted"] = time.perf_counter()
                    QTimer.singleShot(0, free)
            return False

    watch = Watch()
    app.installEventFilter(watch)
    from comite.cli import main as cli_main

    code = cli_main(["--db", args.db])
    if "lists" not in marks:
        raise SystemExit(f"la aplicación terminó ({code}) sin llegar a la página de inicio: {marks}")
    print(json.dumps({"login_shown_ms": marks["login_shown_ms"], "prepared_ms": marks["prepared_ms"],
                      "enter_to_usable_ms": _ms(marks["usable"] - marks["enter"]),
                      "enter_to_painted_ms": _ms(marks["painted"] - marks["enter"]),
                      "lists_ms": _ms(marks["lists"] - marks["painted"]), "login_job_ms": marks.get("login_job_ms"),
                      "counted_ms": _ms(marks["counted"] - marks["painted"])}))


def main() -> int:
    parser = argparse.ArgumentParser(description="Sonda de ingreso del benchmark de comite")
    parser.add_argument("--probe", choices=["login"], required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--session", type=int)  # what every probe receives; this one does not use it
    parser.add_argument("--until-painted", action="store_true",
                        help="medir solo hasta el diálogo pintado (muestras extra de login_shown_ms)")
    run_login_probe(parser.parse_args())
    return 0
