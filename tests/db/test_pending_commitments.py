"""Commitments about a case bring the case back: «Compromisos pendientes» offers,
for the agenda of a later session of the same committee, the cases whose
commitments are still pending and which are not on that agenda yet."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from comite.domain import CommitmentStatus, Role
from comite.errors import PermissionDenied, ValidationError
from comite.model import Commitment, CommitteeSession, Hearing
from comite.services import followup, sessions
from tests.conftest import make_user
from tests.db.helpers import assert_spanish, case_for, login_ctx, new_session, put_on_agenda

DAY = date(2026, 3, 10)
COMMITTEE = "CERREM_POBLACIONAL"


def _commit(ctx, sid, text, responsible, due=None, hearing_id=None) -> int:
    return followup.add_commitment(ctx, sid, text, responsible, due, hearing_id=hearing_id).created_id


def test_cases_with_pending_commitments_of_earlier_sessions(admin):
    earlier = new_session(admin, COMMITTEE, date(2026, 3, 3))
    s1 = new_session(admin, COMMITTEE, DAY)
    s2 = new_session(admin, COMMITTEE, date(2026, 3, 24))
    other = new_session(admin, "CERREM_MUJERES", DAY)
    a, b, c, d = (case_for(admin, COMMITTEE, f"PC-{n}") for n in "ABCD")
    ha, hb, hc = (put_on_agenda(admin, s1, case) for case in (a, b, c))
    _commit(admin, s1, "Enviar el estudio actualizado", "UNP", date(2026, 3, 31), ha)
    _commit(admin, s1, "Verificar el esquema", "Secretaría técnica", date(2026, 3, 20), ha)
    _commit(admin, s1, "Otra tarea del mismo responsable", "UNP", None, ha)
    done = _commit(admin, s1, "Convocar a la Fiscalía", "Fiscalía", None, hb)
    followup.set_commitment_status(admin, done, CommitmentStatus.CUMPLIDO, session_id=s1)
    _commit(admin, s1, "Pedir información al municipio", "Alcaldía", None, hc)
    _commit(admin, s1, "Actualizar el directorio", "Secretaría técnica")  # general: no case to bring
    put_on_agenda(admin, s2, c)  # already on the agenda
    woman = case_for(admin, "CERREM_MUJERES", "PC-MUJER")
    _commit(admin, other, "Compromiso de otro comité", "UNP", None, put_on_agenda(admin, other, woman))

    [row] = followup.cases_with_pending_commitments(admin, s2)
    with admin.reading() as s:
        number = s.get(CommitteeSession, s1).number
    assert row == followup.PendingCommitmentCase(
        a, "PC-A", 3, "UNP, Secretaría técnica", f"Sesión {number:03d} de 2026", date(2026, 3, 20), True)
    # the session that made them, an earlier one and another committee's see none
    assert followup.cases_with_pending_commitments(admin, s1) == []
    assert followup.cases_with_pending_commitments(admin, earlier) == []
    assert followup.cases_with_pending_commitments(admin, other) == []

    # the case goes on the agenda as «compromiso»; then it is no longer offered
    hid = sessions.add_case(admin, s2, a, source="compromiso").created_id
    assert followup.cases_with_pending_commitments(admin, s2) == []
    with admin.reading() as s:
        hearing = s.get(Hearing, hid)
        assert (hearing.session_id, hearing.case_id, hearing.source) == (s2, a, "compromiso")
        assert s.scalar(select(func.count()).where(Commitment.hearing_id == ha,
                                                   Commitment.status == "pendiente")) == 3  # still pending

    # a commitment made in s2 about a case new there comes back for a later session, with s1's
    s3 = new_session(admin, COMMITTEE, date(2026, 4, 7))
    h2d = put_on_agenda(admin, s2, d)
    _commit(admin, s2, "Revisar el traslado", "UARIV", date(2026, 4, 30), h2d)
    assert [(r.radicado, r.commitments, r.overdue) for r in followup.cases_with_pending_commitments(admin, s3)] == [
        ("PC-A", 3, True), ("PC-C", 1, False), ("PC-D", 1, False)]


def test_a_commitment_about_a_case_of_another_session_is_refused(admin):
    s1 = new_session(admin, COMMITTEE, DAY)
    s2 = new_session(admin, COMMITTEE, date(2026, 3, 24))
    hearing = put_on_agenda(admin, s1, case_for(admin, COMMITTEE, "PC-OTRA"))
    with pytest.raises(ValidationError) as err:
        _commit(admin, s2, "Algo", "UNP", None, hearing)
    assert_spanish(err.value, "no está en esta sesión")


def test_only_the_committees_secretariat_reads_them(admin):
    sid = new_session(admin, COMMITTEE, DAY)
    sec = login_ctx(admin.db, "secre_gvp", make_user(admin, "secre_gvp", Role.SECRETARIA, committees=["GVP"]))
    with pytest.raises(PermissionDenied) as err:
        followup.cases_with_pending_commitments(sec, sid)
    assert_spanish(err.value, "no está asignado a este comité")
