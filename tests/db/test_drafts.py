"""Decision drafts (issue #13, point 9): what a person typed in a decision form survives a
crash and the lock screen, encrypted, private to its author, on both engines."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from comite.domain import DecisionOutcome, Role
from comite.errors import LockedError, PermissionDenied, ValidationError
from comite.model import AuditEntry, DecisionDraft, Hearing
from comite.services import decisions, drafts, sessions
from comite.services.bootstrap import open_database
from comite.services.decisions import DecisionInput
from tests.conftest import ADMIN, ADMIN_PASSWORD, make_user
from tests.db.helpers import case_for, login_ctx, new_session, present_all, put_on_agenda, start

FORM = {
    "resultado": "decidido",
    "nivel": "extraordinario",
    "concepto": "Amenazas reiteradas a Ñusta Yáñez en la vereda El Diviso; se recomienda reubicación.",
    "medidas": [{"codigo": "chaleco_blindado", "cantidad": 1, "accion": "implementar", "meses": 6}],
    "adoptada": True,
}
PASSWORD = "Secretaria-de-turno-26"


@pytest.fixture
def hearing(admin):
    sid = new_session(admin, "GVP", date(2026, 3, 10))
    present_all(admin, sid, at=time(9, 0))
    start(admin, sid)
    return put_on_agenda(admin, sid, case_for(admin, "GVP", "R-BORR-1"), discussed_at=time(10, 0))


def _version(ctx, hearing_id: int) -> int:
    with ctx.reading() as s:
        return s.get(Hearing, hearing_id).row_version


def _audit(ctx) -> list[tuple[str, str]]:
    with ctx.reading() as s:
        return [(a, d) for a, d in s.execute(select(AuditEntry.action, AuditEntry.details)
                                            .where(AuditEntry.action.like("borrador%")).order_by(AuditEntry.id))]


def test_a_draft_survives_a_crash_and_comes_back_as_typed(admin, hearing, db_url):
    shown = _version(admin, hearing)
    saved_at = drafts.save_draft(admin, hearing, FORM, hearing_version=shown)
    changed = {**FORM, "concepto": FORM["concepto"] + " Segunda versión."}
    drafts.save_draft(admin, hearing, changed, hearing_version=shown)  # every edit replaces it
    admin.db.dispose()  # the process dies: nothing else is written

    after = open_database(db_url)
    try:
        ctx = login_ctx(after, ADMIN, ADMIN_PASSWORD)
        draft = drafts.load_draft(ctx, hearing)
        assert draft is not None and draft.values == changed and not draft.changed_since
        assert draft.hearing_version == shown and draft.saved_at >= saved_at
        assert [d.radicado for d in drafts.list_drafts(ctx)] == ["R-BORR-1"]
        with after.Session() as s:
            assert s.scalar(select(DecisionDraft.id).where(DecisionDraft.hearing_id == hearing)) is not None
    finally:
        after.dispose()


def test_the_lock_screen_keeps_the_draft_and_a_locked_database_refuses_to_save(admin, hearing):
    drafts.save_draft(admin, hearing, FORM)
    admin.db.lock()
    with pytest.raises(LockedError):
        drafts.save_draft(admin, hearing, {**FORM, "concepto": "otro"})
    with pytest.raises(LockedError):
        drafts.load_draft(admin, hearing)
    login_ctx(admin.db, ADMIN, ADMIN_PASSWORD)  # unlocking again
    assert drafts.load_draft(admin, hearing).values == FORM


def test_a_draft_is_its_authors_only(admin, hearing, database):
    make_user(admin, "sara", Role.SECRETARIA, committees=("GVP",), password=PASSWORD)
    sara = login_ctx(database, "sara", PASSWORD)
    drafts.save_draft(admin, hearing, FORM)
    assert drafts.load_draft(sara, hearing) is None and drafts.list_drafts(sara) == []
    assert drafts.discard_draft(sara, hearing) is False
    drafts.save_draft(sara, hearing, {"concepto": "el de Sara"})
    assert drafts.load_draft(admin, hearing).values == FORM
    assert drafts.load_draft(sara, hearing).values == {"concepto": "el de Sara"}
    make_user(admin, "rita", Role.REVISOR, committees=("GVP",), password=PASSWORD)
    with pytest.raises(PermissionDenied):
        drafts.save_draft(login_ctx(database, "rita", PASSWORD), hearing, FORM)


def test_a_decision_recorded_since_is_reported_and_discarding_is_audited(admin, hearing):
    shown = _version(admin, hearing)
    drafts.save_draft(admin, hearing, FORM, hearing_version=shown)
    drafts.save_draft(admin, hearing, FORM, hearing_version=shown)
    decisions.record_decision(admin, hearing, DecisionInput(DecisionOutcome.POSTPONED))
    draft = drafts.load_draft(admin, hearing)
    assert draft.changed_since and [d.changed_since for d in drafts.list_drafts(admin)] == [True]
    assert drafts.discard_draft(admin, hearing) is True
    assert drafts.load_draft(admin, hearing) is None and drafts.list_drafts(admin) == []
    entries = _audit(admin)
    assert [a for a, _ in entries] == ["borrador_decision_guardado", "borrador_decision_descartado"]
    assert not any("Ñusta" in d or "chaleco" in d for _, d in entries)  # no content in the trail


def test_a_draft_goes_with_its_hearing(admin, hearing):
    drafts.save_draft(admin, hearing, FORM)
    with admin.reading() as s:
        item = s.get(Hearing, hearing).agenda_item_id
    sessions.remove_item(admin, item)
    assert drafts.list_drafts(admin) == []


def test_values_that_cannot_be_kept_are_refused(admin, hearing):
    with pytest.raises(ValidationError, match="no se pueden guardar"):
        drafts.save_draft(admin, hearing, {"hora": time(9, 0)})
    with pytest.raises(ValidationError, match="KB"):
        drafts.save_draft(admin, hearing, {"concepto": "x" * (drafts.MAX_DRAFT_BYTES + 1)})
    assert drafts.load_draft(admin, hearing) is None


@pytest.mark.sqlite_only
def test_drafts_are_encrypted_and_bound_to_their_hearing_and_author(admin, hearing, db_url):
    other = put_on_agenda(admin, sessions.list_sessions(admin)[0].id, case_for(admin, "GVP", "R-BORR-2"))
    drafts.save_draft(admin, hearing, FORM)
    drafts.save_draft(admin, other, {"concepto": "otro caso"})
    admin.db.dispose()
    import sqlite3

    raw = sqlite3.connect(db_url)
    try:
        blobs = [bytes(b) for (b,) in raw.execute("SELECT payload FROM decision_draft")]
        assert len(blobs) == 2
        assert not any(needle in b for b in blobs for needle in ("Yáñez".encode(), "Yáñez".encode("utf-16-le"),
                                                                   b"chaleco", b"otro caso"))
        # whoever has the file moves one draft's ciphertext onto the other's row
        raw.execute("UPDATE decision_draft SET payload = (SELECT payload FROM decision_draft WHERE hearing_id = ?) "
                    "WHERE hearing_id = ?", (hearing, other))
        raw.commit()
    finally:
        raw.close()
    reopened = open_database(db_url)
    try:
        ctx = login_ctx(reopened, ADMIN, ADMIN_PASSWORD)
        with pytest.raises(ValidationError, match="no corresponde"):
            drafts.load_draft(ctx, other)
        assert drafts.load_draft(ctx, hearing).values == FORM
    finally:
        reopened.dispose()
