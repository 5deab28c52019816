"""Take the user guide's picture of the Acta tab's «Revisión de los delegados».

Run it under an X server at the size the guide shows, e.g.::

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshot_review.py docs/img

It builds a small throwaway demo database (fictitious data), takes a closed
session, sends its draft for review through the services (the package goes
to a temporary folder), reads back a PDF returned with a comment, types in an
observation received by e-mail and another by phone, answers two of them, marks
a delegate who answered without observations, and saves the main window on
the Acta tab as ``15_revision_delegados.png``. Nothing here is used by the
application or the tests.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

WIDTH, HEIGHT = 1280, 800


def _annotated(pdf: bytes, page: int, top: float, text: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Text

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_annotation(page_number=page - 1, annotation=Text(rect=(120, top - 18, 138, top + 2), text=text))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img").resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="comite-revision-"))
    os.environ["COMITE_HOME"] = str(work / "home")
    try:
        _shoot(out, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _shoot(out: Path, work: Path) -> None:
    from sqlalchemy import select

    from comite.demo import fill_demo
    from comite.documents import acta_numbering
    from comite.domain import ReviewAnswer, ReviewChannel, SessionStatus
    from comite.gui.app import apply_look, ensure_application, make_main_window
    from comite.model import CommitteeSession
    from comite.services import accounts, review, review_rounds
    from comite.services.bootstrap import open_database
    from comite.services.context import ServiceContext
    from tools.screenshots import _save, _settle

    db = open_database(str(work / "demo.sqlite3"))
    report = fill_demo(db, sessions=40, cases=300)
    passwords = {user: password for user, _role, password in report.accounts}
    login = accounts.login(db, "secretaria", passwords["secretaria"])
    with db.Session() as s:
        sid, day = s.execute(select(CommitteeSession.id, CommitteeSession.day)
                             .where(CommitteeSession.status == SessionStatus.CERRADA.value,
                                    CommitteeSession.committee_id.in_(login.actor.committee_ids))
                             .order_by(CommitteeSession.day.desc())).first()
    sent_on = day + timedelta(days=3)
    sent_at = datetime.combine(sent_on, time(10, 30)).astimezone(UTC)
    ctx = ServiceContext(db, login.actor, today=lambda: sent_on, now=lambda: sent_at)
    package = review.send_for_review(ctx, sid, work / "paquete")
    later = ServiceContext(db, login.actor, today=lambda: sent_on + timedelta(days=2),
                           now=lambda: sent_at + timedelta(days=2))
    delegates = [d for d in review_rounds.review_status(later, sid).delegates if d.email]
    pdf = package.pdf.read_bytes()
    mark = next(m for m in acta_numbering.anchors(pdf) if m.section.startswith("5.") and m.paragraph == 3)
    returned = work / "devuelto.pdf"
    returned.write_bytes(_annotated(pdf, mark.page, mark.top - 4, "Precisar quién presentó el estudio de riesgo."))
    review.import_pdf_comments(later, sid, returned, entity=delegates[0].entity, reviewer=delegates[0].reviewer)
    review.record_observation(later, sid, "La hora de cierre fue las 12:15 p. m., no las 12:00 m.",
                              entity=delegates[1].entity, reviewer=delegates[1].reviewer,
                              channel=ReviewChannel.CORREO, section="8", paragraph=1)
    phone = review.record_observation(later, sid, "Incluir la recomendación sobre la temporalidad de las medidas.",
                                      entity=delegates[2].entity, reviewer=delegates[2].reviewer,
                                      channel=ReviewChannel.TELEFONO, section=mark.section, paragraph=4)
    review.record_no_observations(later, delegates[3].id)
    rows = review_rounds.review_status(later, sid).observations
    review.answer_observation(later, rows[0].id, ReviewAnswer.ACEPTADA)
    review.answer_observation(later, phone.created_id, ReviewAnswer.NO_ACEPTADA,
                              "La temporalidad consta en la tabla de medidas del caso.")

    app = ensure_application([])
    apply_look(app)
    window = make_main_window(db, login, demo=True)
    window.resize(WIDTH, HEIGHT)
    window.move(0, 0)
    window.show()
    page = window.open_session(sid)
    page.ctx = later  # the day the picture shows: two days into the term
    page.show_tab(5)
    tab = page.acta_tab
    tab.review_panel.host = page
    tab.ui.viewTabs.setCurrentWidget(tab.ui.reviewPage)
    tab.review_panel.refresh()
    _settle(app, 6.0)  # the preview renders behind, its progress box closes
    _save(app, window, out / "15_revision_delegados.png")
    window.close()
    db.dispose()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
