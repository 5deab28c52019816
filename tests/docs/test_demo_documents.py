"""The demo's documents read as a UNP lawyer reads them (issue #12): a small demo is built,
every resolution of its held CERREM sessions is generated (Word, read back with python-docx)
and every acta (PDF, read back with pypdf), and each passes the checks of legal_checks.py: the
level agrees with the matrix or the departure is stated; "validó" only when the GVP and the
CERREM agree; the GVP session is never blank; no "()"; COMUNÍQUESE; articles cited; an
approved session's acta is the stored final one (no BORRADOR) and says how it was approved.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from legal_checks import acta_problems, resolution_problems
from sqlalchemy import select
from test_legal_documents import _docx, _pdf

from comite.domain import SessionStatus
from comite.model import Committee, CommitteeSession
from comite.services import acta, resolutions
from tests.db.test_demo import filled_db, login  # noqa: F401, F811 - the demo fixture, shared

HELD = (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION, SessionStatus.ACTA_APROBADA)


@pytest.fixture(scope="module")
def demo(filled_db):  # noqa: F811
    """The small demo of tests/db/test_demo.py (one per engine), with its held sessions."""
    db, report, _url = filled_db
    ctx = login(db, report)
    with db.Session() as s:
        held = [(sid, code, SessionStatus(status)) for sid, code, status in s.execute(
            select(CommitteeSession.id, Committee.code, CommitteeSession.status)
            .join(Committee, Committee.id == CommitteeSession.committee_id)
            .where(CommitteeSession.status.in_(HELD)).order_by(CommitteeSession.day))]
    return ctx, held


def test_every_resolution_of_the_demo_says_what_its_record_holds(demo, tmp_path: Path):
    ctx, held = demo
    texts: list[str] = []
    for sid, code, _status in held:
        if code == "GVP":
            continue  # the GVP values; the Director resolves on the CERREM's recommendation
        for path in resolutions.generate_resolutions(ctx, sid, tmp_path / str(sid)):
            text = _docx(path)
            assert resolution_problems(text) == [], (path.name, resolution_problems(text))
            texts.append(text)
    assert len(texts) > 20
    # the checks are not vacuous: the demo validates, changes, departs, and addresses emergencies
    assert any("validó el nivel de riesgo" in t for t in texts)
    assert any("no acogió el nivel de riesgo" in t for t in texts)
    assert any("se aparta de la ponderación de la matriz" in t for t in texts)
    assert any("MEDIDAS DE EMERGENCIA" in t for t in texts)


def test_every_acta_of_the_demo_reads_as_its_status_says(demo, tmp_path: Path):
    ctx, held = demo
    approved = 0
    for sid, code, status in held:
        path = tmp_path / f"acta-{sid}.pdf"
        result = acta.generate_acta(ctx, sid, path)
        text = _pdf(path)
        final = status is SessionStatus.ACTA_APROBADA
        assert acta_problems(text, final=final, gvp=code == "GVP") == [], (sid, code, status)
        if final:  # the stored final acta, never a draft: it says when and how it was approved
            approved += 1
            assert result.kind == "final" and "BORRADOR" not in text
            assert "El acta fue aprobada el" in text
        else:
            assert result.kind != "final" and "BORRADOR" in text
    assert approved >= 3
