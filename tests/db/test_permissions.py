"""Roles: administrador, secretaría (bound to her committees), revisor (reads
and reviews). Every refusal is a Spanish PermissionDenied and writes nothing."""

from __future__ import annotations

from datetime import date, time

import pytest

from comite.domain import AttendanceStatus, Role, SessionStatus
from comite.errors import PermissionDenied
from comite.services import accounts, attendance, cases, followup, sessions, views
from tests.conftest import FAST_HASH, FAST_KDF, make_user
from tests.db.helpers import (
    assert_spanish,
    att_id,
    case_for,
    login_ctx,
    new_case,
    new_session,
    snapshot,
)

DAY = date(2026, 3, 10)


@pytest.fixture
def world(admin):
    """Sessions of the GVP and the CERREM poblacional, a secretary of the GVP and a
    reviewer of the GVP (logged in one after the other on the same database)."""
    gvp = new_session(admin, "GVP", DAY)
    pob = new_session(admin, "CERREM_POBLACIONAL", DAY)
    case_id = case_for(admin, "CERREM_POBLACIONAL", "R-PERM-1")
    sessions.add_case(admin, pob, case_id)
    sec_pw = make_user(admin, "secre_gvp", Role.SECRETARIA, committees=["GVP"])
    rev_pw = make_user(admin, "revisor_gvp", Role.REVISOR, committees=["GVP"])
    return {
        "admin": admin, "gvp": gvp, "pob": pob, "case": case_id,
        "sec": login_ctx(admin.db, "secre_gvp", sec_pw),
        "rev": login_ctx(admin.db, "revisor_gvp", rev_pw),
    }


def _refused(ctx, action, *fragments):
    before = snapshot(ctx.db)
    with pytest.raises(PermissionDenied) as err:
        action()
    assert_spanish(err.value, *fragments)
    assert snapshot(ctx.db) == before


def test_secretary_works_only_in_her_committee(world):
    sec, pob = world["sec"], world["pob"]
    not_assigned = ("secre_gvp", "no está asignado a este comité")
    _refused(sec, lambda: sessions.create_session(sec, "CERREM_POBLACIONAL", DAY),
             *not_assigned, "preparar o registrar sesiones")
    _refused(sec, lambda: sessions.update_session(sec, pob, place="Otra sede"), *not_assigned)
    other_case = new_case(sec, "R-PERM-2", population_code="victimas")  # cases are not per committee
    _refused(sec, lambda: sessions.add_case(sec, pob, other_case), *not_assigned)
    _refused(sec, lambda: attendance.set_attendance(
        sec, att_id(world["admin"], pob, "uariv"), status=AttendanceStatus.PRESENTE), *not_assigned)
    _refused(sec, lambda: followup.add_commitment(sec, pob, "Algo", "UNP", None), *not_assigned)
    _refused(sec, lambda: followup.pending_handoffs(sec, "CERREM_POBLACIONAL"), *not_assigned,
             "consultar sesiones")
    # in her own committee she works normally
    sid = sessions.create_session(sec, "GVP", date(2026, 3, 17), start=time(9, 0)).session_id
    sessions.add_case(sec, sid, world["case"])
    sessions.set_status(sec, sid, SessionStatus.EN_CURSO)
    assert [r.committee_code for r in sessions.list_sessions(sec)] == ["GVP", "GVP"]


def test_an_emergency_measure_is_recorded_by_the_committee_that_receives_it(world):
    """The GVP's secretary registers cases, but an emergency measure reported to the
    CERREM poblacional is that committee's business."""
    sec, admin, case_id = world["sec"], world["admin"], world["case"]
    _refused(sec, lambda: followup.record_emergency(sec, case_id, "CERREM_POBLACIONAL", DAY, "Reubicación"),
             "secre_gvp", "no está asignado a este comité", "preparar o registrar sesiones")
    pob_sec = login_ctx(admin.db, "secre_pob",
                        make_user(admin, "secre_pob", Role.SECRETARIA, committees=["CERREM_POBLACIONAL"]))
    followup.record_emergency(pob_sec, case_id, "CERREM_POBLACIONAL", DAY, "Reubicación")
    assert [(e.case_id, e.adopted_on) for e in followup.emergencies(pob_sec, "CERREM_POBLACIONAL")] == [
        (case_id, DAY)]


def test_secretary_cannot_manage_users_or_the_catalogue(world):
    sec = world["sec"]
    _refused(sec, lambda: accounts.create_user(
        sec, username="intrusa", full_name="Intrusa", role=Role.ADMINISTRADOR,
        password="Clave-intrusa-123", kdf=FAST_KDF, hasher=FAST_HASH),
        "secre_gvp", "secretaría técnica", "no puede gestionar usuarios")
    _refused(sec, lambda: accounts.update_user(sec, "secre_gvp", role=Role.ADMINISTRADOR),
             "gestionar usuarios")
    _refused(sec, lambda: accounts.list_users(sec), "gestionar usuarios")
    from comite.services import audit, catalog_admin

    _refused(sec, lambda: catalog_admin.put_setting(sec, "x", 1), "modificar el catálogo")
    _refused(sec, lambda: audit.query(sec), "consultar la auditoría")


def test_reviewer_reads_sessions_of_her_committees_and_edits_nothing(world):
    rev, gvp, pob, case_id = world["rev"], world["gvp"], world["pob"], world["case"]
    rows = sessions.list_sessions(rev)
    assert [(r.id, r.committee_code) for r in rows] == [(gvp, "GVP")]
    assert sessions.list_sessions(rev, committee_code="CERREM_POBLACIONAL") == []
    assert followup.commitments_for_session(rev, gvp) == []
    _refused(rev, lambda: followup.commitments_for_session(rev, pob), "no está asignado")

    cannot = ("revisor_gvp", "(revisor)")
    _refused(rev, lambda: sessions.create_session(rev, "GVP", DAY), *cannot, "preparar o registrar sesiones")
    _refused(rev, lambda: sessions.update_session(rev, gvp, place="Sala 2"), *cannot)
    _refused(rev, lambda: sessions.set_status(rev, gvp, SessionStatus.CONVOCADA), *cannot)
    _refused(rev, lambda: sessions.add_case(rev, gvp, case_id), *cannot)
    _refused(rev, lambda: attendance.set_attendance(
        rev, att_id(world["admin"], gvp, "unp"), status=AttendanceStatus.PRESENTE), *cannot)
    _refused(rev, lambda: cases.update_case(rev, case_id, municipality="Neiva"), *cannot,
             "registrar o modificar casos")
    _refused(rev, lambda: cases.create_case(rev, cases.CaseInput("R-REV", cases.CaseKind.INDIVIDUAL,
                                                                  "Nombre", "123")),
             "registrar o modificar casos")
    _refused(rev, lambda: cases.case_detail(rev, case_id), "ver datos reservados")
    _refused(rev, lambda: followup.record_emergency(rev, case_id, "CERREM_POBLACIONAL", DAY, "Medida"),
             "registrar o modificar casos")


def test_administrator_may_do_everything(world):
    admin = world["admin"]
    assert {r.committee_code for r in sessions.list_sessions(admin)} == {"GVP", "CERREM_POBLACIONAL"}
    assert {u.username for u in accounts.list_users(admin)} == {"admin", "secre_gvp", "revisor_gvp"}
    accounts.update_user(admin, "revisor_gvp", committees=["GVP", "CERREM_POBLACIONAL"])
    rows = accounts.list_users(admin)
    assert dict((u.username, u.committees) for u in rows)["revisor_gvp"] == ("GVP", "CERREM_POBLACIONAL")


def test_the_screen_is_told_exactly_what_the_service_would_say(world):
    """refusal() (what the GUI shows as a disabled control's tooltip) is require()'s refusal, for
    every role and action, in and out of the actor's committees (#15: the GUI and the services agree)."""
    from comite.services.permissions import Action, refusal, require

    gvp, pob = (views.session_header(world["admin"], sid).committee_id for sid in (world["gvp"], world["pob"]))
    for who in ("admin", "sec", "rev"):
        ctx = world[who]
        for action in Action:
            for committee in (None, gvp, pob):
                reason = refusal(ctx, action, committee)
                if reason is None:
                    require(ctx, action, committee)
                    continue
                with pytest.raises(PermissionDenied) as err:
                    require(ctx, action, committee)
                assert str(err.value) == reason
                assert_spanish(err.value, ctx.actor.username)
    assert refusal(world["rev"], Action.APPROVE_ACTA, gvp) == (
        "El usuario «revisor_gvp» (revisor) no puede aprobar actas.")
    assert refusal(world["sec"], Action.EDIT_SESSION, pob) == (
        "El usuario «secre_gvp» no está asignado a este comité: no puede preparar o registrar sesiones.")
