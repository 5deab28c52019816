"""Take the README's pictures from the real application on a demo database.

Run it under an X server so the windows are the ones a user sees, e.g.::

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshots.py docs/img
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshots.py docs/img --informes
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshots.py docs/img --pantallas

Every window is 1280×800, the smallest screen a secretariat uses, so a cut text shows in the
pictures. ``--pantallas`` takes only the screens (not the acta and resolution pages);
``--informes`` only the «Informes» page.

It builds a throwaway demo database (fictitious data), logs in with the
printed DEMO accounts, shows the main screens and saves each window as a PNG;
then renders page 1 of a real acta (reportlab PDF → ``pdftoppm``) and a
resolution (Word → ``soffice --headless`` → ``pdftoppm``). Nothing here is
used by the application or the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WIDTH, HEIGHT = 1280, 800


def main() -> int:
    args = [a for a in sys.argv[1:] if a not in ("--informes", "--pantallas")]
    out = Path(args[0] if args else "docs/img").resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="comite-shots-"))
    os.environ["COMITE_HOME"] = str(work / "home")
    try:
        accounts, db_path = _demo(work)
        if "--informes" in sys.argv:  # only the «Informes» page
            _reports(out, db_path, accounts)
            return 0
        _windows(out, db_path, accounts)
        _reports(out, db_path, accounts)
        if "--pantallas" not in sys.argv:
            _documents(out, work, db_path, accounts)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _demo(work: Path) -> tuple[dict[str, str], Path]:
    from comite.demo import fill_demo
    from comite.services.bootstrap import open_database

    path = work / "demo.sqlite3"
    db = open_database(str(path))
    report = fill_demo(db)
    db.dispose()
    return {user: password for user, _role, password in report.accounts}, path


def _settle(app, seconds: float = 0.6) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def _save(app, widget, path: Path) -> None:
    """The widget as it is on screen (the X server's pixels when there is one)."""
    _settle(app)
    screen = widget.screen()
    frame = widget.frameGeometry()
    shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    if shot.isNull() or app.platformName() != "xcb":
        shot = widget.grab()
    shot.save(str(path), "PNG")
    print(path)


def _windows(out: Path, db_path: Path, accounts: dict[str, str]) -> None:
    from comite.domain import SessionStatus
    from comite.gui import workers
    from comite.gui.app import apply_look, ensure_application, make_main_window
    from comite.gui.login import LoginDialog
    from comite.services import accounts as account_service
    from comite.services.bootstrap import open_database
    from comite.storage.secrets import MemorySecretStore

    app = ensure_application([])
    apply_look(app)
    db = open_database(str(db_path))

    login_dialog = LoginDialog(db, demo=True, store=MemorySecretStore(), username="secretaria")
    login_dialog.move(200, 150)
    login_dialog.show()
    _save(app, login_dialog, out / "01_ingreso.png")
    login_dialog.close()

    def main_window(user: str):
        window = make_main_window(db, account_service.login(db, user, accounts[user]), demo=True)
        window.resize(WIDTH, HEIGHT)
        window.move(0, 0)
        window.show()
        return window

    window = main_window("secretaria")
    window.show_page("inicio")
    _save(app, window, out / "02_inicio.png")
    window.show_page("sesiones")
    _save(app, window, out / "03_sesiones.png")

    rows = window.sessions_model.rows()
    live = next((r for r in rows if r.status is SessionStatus.EN_CURSO), None) or rows[0]
    page = window.open_session(live.id)
    for index, name in ((1, "04_orden_del_dia"), (2, "05_asistencia")):
        page.show_tab(index)
        _save(app, window, out / f"{name}.png")
    radicado = _voted_case(app, window, rows, out / "06_caso_en_sesion.png")
    page = window.open_session(live.id)
    page.show_tab(5)
    _settle(app, 1.0)
    workers.get_executor().wait(180_000)  # the acta preview renders in the background
    _settle(app, 1.0)
    _save(app, window, out / "07_acta.png")
    window.close_session_page(live.id)

    window.show_page("registro")
    registry = window.page("registro")
    radicado = radicado or next((r.radicado for r in page.agenda if r.radicado and r.outcome), "")
    if radicado:
        registry.search(radicado)
    _save(app, window, out / "08_registro.png")
    window.close()

    admin = main_window("admin")
    admin.show_page("auditoria")
    _save(app, admin, out / "09_auditoria.png")
    admin.close()
    db.dispose()


def _voted_case(app, window, rows, path: Path) -> str | None:
    """A case with its nominal vote and an adopted decision: the latest closed session that has one."""
    from comite.domain import SessionStatus

    for row in sorted((r for r in rows if r.status is SessionStatus.CERRADA), key=lambda r: r.day, reverse=True):
        page = window.open_session(row.id)
        adopted = next((r.hearing_id for r in page.agenda if r.hearing_id and r.adopted), None)
        if adopted is not None:
            page.show_tab(3)
            page.open_hearing(adopted)
            _save(app, window, path)
            window.close_session_page(row.id)
            return next(r.radicado for r in page.agenda if r.hearing_id == adopted)
        window.close_session_page(row.id)
    return None


def _reports(out: Path, db_path: Path, accounts: dict[str, str]) -> None:
    """«Informes» at 1280x800: a year of the demo, all committees, the cases and levels tab."""
    from comite.gui import workers
    from comite.gui.app import apply_look, ensure_application, make_main_window
    from comite.services import accounts as account_service
    from comite.services.bootstrap import open_database

    app = ensure_application([])
    apply_look(app)
    db = open_database(str(db_path))
    window = make_main_window(db, account_service.login(db, "secretaria", accounts["secretaria"]), demo=True)
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    window.show_page("informes")
    page = window.page("informes")
    page.ui.periodCombo.setCurrentIndex(page.ui.periodCombo.findData("year"))
    _settle(app)
    workers.get_executor().wait(120_000)
    page.run()
    _settle(app, 1.0)
    workers.get_executor().wait(120_000)
    page.ui.tabs.setCurrentIndex(1)
    _save(app, window, out / "13_informes.png")
    page.ui.tabs.setCurrentIndex(3)
    _save(app, window, out / "14_informes_oportunidad.png")
    window.close()
    db.dispose()


def _documents(out: Path, work: Path, db_path: Path, accounts: dict[str, str]) -> None:
    from sqlalchemy import select

    from comite.documents.resolution import render_resolution
    from comite.domain import SessionStatus
    from comite.model import Committee
    from comite.model import CommitteeSession as SessionRow
    from comite.services import accounts as account_service
    from comite.services.acta import build_acta_data, render_pdf
    from comite.services.bootstrap import open_database
    from comite.services.context import ServiceContext
    from comite.services.resolutions import resolution_items

    db = open_database(str(db_path))
    ctx = ServiceContext(db, account_service.login(db, "admin", accounts["admin"]).actor)
    with ctx.reading() as s:
        closed = list(s.scalars(select(SessionRow.id).join(Committee).where(
            SessionRow.status.in_([SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION, SessionStatus.ACTA_APROBADA]),
            Committee.code == "CERREM_POBLACIONAL").order_by(SessionRow.id.desc())))
    sid = next(i for i in closed if resolution_items(ctx, i))
    pdf = work / "acta.pdf"
    pdf.write_bytes(render_pdf(build_acta_data(ctx, sid)))
    _pdf_page(pdf, 1, out / "10_acta_pagina1.png")
    _pdf_page(pdf, 2, out / "11_acta_pagina2.png")
    docx = work / "resolucion.docx"
    docx.write_bytes(render_resolution(resolution_items(ctx, sid)[0]))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                   check=True, capture_output=True, timeout=180,
                   env=dict(os.environ, HOME=str(work)))
    _pdf_page(work / "resolucion.pdf", 1, out / "12_resolucion.png")
    db.dispose()


def _pdf_page(pdf: Path, page: int, png: Path) -> None:
    stem = png.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)
    print(png)


if __name__ == "__main__":
    raise SystemExit(main())
