"""Delegates review the draft acta; the secretariat attends their observations before
approving it; once approved, the review is closed."""

from __future__ import annotations

from datetime import date, time

import pytest

from comite.domain import Role, SessionStatus
from comite.errors import PermissionDenied, RuleViolation
from comite.services import acta, sessions
from tests.conftest import make_user
from tests.db.helpers import assert_spanish, login_ctx, new_session


def _closed_session(ctx) -> int:
    sid = new_session(ctx, "GVP", date(2026, 11, 20), start_at=time(9, 0))
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    sessions.update_session(ctx, sid, end=time(11, 0))
    sessions.set_status(ctx, sid, SessionStatus.CERRADA)
    return sid


def test_the_acta_command_exports_what_the_delegates_are_reading(admin, tmp_path):
    sid = _closed_session(admin)
    preview = acta.generate_acta(admin, sid, tmp_path / "antes.pdf")
    assert preview.kind == "vista_previa"  # nothing stored yet: a marked preview
    acta.issue_draft(admin, sid)
    draft = acta.latest_draft_version(admin, sid)
    result = acta.generate_acta(admin, sid, tmp_path / "borrador.pdf")
    assert (result.kind, result.version) == ("borrador", draft.version) and "en revisión" in result.message
    assert (tmp_path / "borrador.pdf").read_bytes() == acta.acta_version_pdf(admin, draft.id)  # the stored one


def test_approval_waits_for_the_reviewers_observations(admin):
    sid = _closed_session(admin)
    make_user(admin, "delegada", Role.REVISOR, committees=["GVP"])
    reviewer = login_ctx(admin.db, "delegada", "Otra-clave-segura-1")
    assert acta.latest_draft_version(reviewer, sid) is None  # nothing sent for review yet
    acta.issue_draft(admin, sid)
    draft = acta.latest_draft_version(reviewer, sid)
    assert draft is not None and draft.version == 1
    obs = acta.add_review_observation(reviewer, draft.id, "Corregir la hora de cierre.").created_id

    with pytest.raises(RuleViolation) as err:
        acta.approve_acta(admin, sid)
    assert_spanish(err.value, "1 observación", "sin atender", "Delegada")
    with pytest.raises(PermissionDenied):  # a reviewer observes; the secretariat attends
        acta.set_review_resolved(reviewer, obs)

    acta.set_review_resolved(admin, obs)
    assert [r.resolved for r in acta.review_observations(admin, sid)] == [True]
    acta.set_review_resolved(admin, obs, False)  # reopened: approval waits again
    with pytest.raises(RuleViolation):
        acta.approve_acta(admin, sid)
    acta.set_review_resolved(admin, obs)
    acta.approve_acta(admin, sid)
    assert acta.latest_draft_version(reviewer, sid) is None  # approved: no draft under review
    with pytest.raises(RuleViolation) as err:
        acta.set_review_resolved(admin, obs, False)
    assert_spanish(err.value, "ya fue aprobada")
