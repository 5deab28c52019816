"""The start page's pending-work lists, built from data made through the services.

``admin``'s today is Monday 23 November 2026.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from comite.domain import CommitmentStatus, DecisionOutcome, MeasureAction, RiskLevel, Role, SessionStatus
from comite.services import cases, dashboard, decisions, followup, sessions
from comite.services.decisions import DecisionInput, MeasureInput
from tests.conftest import make_user
from tests.db.helpers import (
    case_for,
    login_ctx,
    new_case,
    new_session,
    present_all,
    put_on_agenda,
    vote_all,
)

TODAY = date(2026, 11, 23)


def _decide(ctx, code: str, day: date, case_id: int, outcome=DecisionOutcome.DECIDED,
            measures=(), level=RiskLevel.EXTRAORDINARIO) -> int:
    """A session of ``code`` on ``day`` that decides ``case_id``; returns the session id."""
    sid = new_session(ctx, code, day)
    keys = present_all(ctx, sid, at=time(9, 0))
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    hid = put_on_agenda(ctx, sid, case_id, discussed_at=time(10, 0))
    if outcome is DecisionOutcome.DECIDED:
        vote_all(ctx, hid, keys)
        decisions.record_decision(ctx, hid, DecisionInput(outcome, level, measures=measures))
    else:
        decisions.record_decision(ctx, hid, DecisionInput(outcome))
    return sid


def _study(ctx, radicado: str, received: date, committee: str = "GVP") -> int:
    return case_for(ctx, committee, radicado, study_received=received)


def test_cases_waiting_for_the_gvp_beyond_five_business_days(admin):
    late = _study(admin, "GVP-LATE", date(2026, 11, 10))           # term ended 18/11
    _study(admin, "GVP-ONTIME", date(2026, 11, 20))                 # term ends 27/11
    _study(admin, "GVP-TODAY", date(2026, 11, 13))                  # term ends today: not yet late
    decided = _study(admin, "GVP-DECIDED", date(2026, 11, 2))
    _decide(admin, "GVP", date(2026, 11, 10), decided)
    postponed = _study(admin, "GVP-POSTPONED", date(2026, 11, 2))
    _decide(admin, "GVP", date(2026, 11, 11), postponed, outcome=DecisionOutcome.POSTPONED)
    scheduled = _study(admin, "GVP-SCHEDULED", date(2026, 11, 3))
    future = new_session(admin, "GVP", date(2026, 11, 26))
    put_on_agenda(admin, future, scheduled)
    new_case(admin, "SIN-ESTUDIO")                                  # no study received: not counted

    board = dashboard.dashboard(admin)
    rows = {r.radicado: r for r in board.gvp_waiting}
    assert set(rows) == {"GVP-LATE", "GVP-POSTPONED", "GVP-SCHEDULED"}
    assert rows["GVP-LATE"].case_id == late
    assert rows["GVP-LATE"].deadline == date(2026, 11, 18)
    assert rows["GVP-LATE"].business_days_late == 3                 # 19, 20 and 23 November
    assert rows["GVP-SCHEDULED"].scheduled_session_id == future
    assert rows["GVP-POSTPONED"].case_id == postponed
    assert [r.radicado for r in board.gvp_waiting][0] == "GVP-POSTPONED"  # oldest study first


def test_a_new_study_after_an_old_decision_waits_again(admin):
    case_id = _study(admin, "REVAL-1", date(2026, 1, 5))
    _decide(admin, "GVP", date(2026, 1, 9), case_id)
    assert dashboard.dashboard(admin).gvp_waiting == []
    cases.update_case(admin, case_id, study_received=date(2026, 11, 3))
    assert [r.case_id for r in dashboard.dashboard(admin).gvp_waiting] == [case_id]


def test_measures_due_within_thirty_days_of_the_latest_decision_only(admin):
    code = "CERREM_POBLACIONAL"
    due = case_for(admin, code, "MED-DUE")
    _decide(admin, code, date(2026, 6, 1), due, measures=[
        MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6),     # revalue 01/12/2026
        MeasureInput("medio_comunicacion", 2, MeasureAction.IMPLEMENTAR, 12),  # 01/06/2027
    ])
    superseded = case_for(admin, code, "MED-OLD")
    _decide(admin, code, date(2026, 5, 28), superseded, measures=[
        MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)])   # 28/11/2026, but...
    _decide(admin, code, date(2026, 6, 2), superseded, measures=[
        MeasureInput("chaleco_blindado", 1, MeasureAction.RATIFICAR, 12)])    # ...ratified until 2027
    ending = case_for(admin, code, "MED-END")
    _decide(admin, code, date(2026, 5, 20), ending, measures=[
        MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)])    # 20/11/2026, but...
    _decide(admin, code, date(2026, 6, 1), ending, measures=[
        MeasureInput("chaleco_blindado", 1, MeasureAction.FINALIZAR)])        # ...finalised

    rows = dashboard.dashboard(admin).measures_due
    assert [(r.radicado, r.measure_code, r.revaluation_date) for r in rows] == [
        ("MED-DUE", "chaleco_blindado", date(2026, 12, 1))]
    row = rows[0]
    assert row.days_left == 8 and row.measure_name == "Chaleco blindado"
    assert row.committee_code == code and row.case_id == due and row.action is MeasureAction.IMPLEMENTAR


def test_a_later_hour_on_the_same_day_is_the_latest_decision_whatever_the_session_order(admin):
    """The latest decision is chosen in SQL (``chronology_sql``): by day, then the hour the case
    was discussed, before the session recorded later (as :func:`comite.services.chronology.chronology`)."""
    code = "CERREM_POBLACIONAL"
    case_id = case_for(admin, code, "MED-HOUR")
    day = date(2026, 6, 1)
    for discussed_at, measure in (
        (time(11, 0), MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)),   # 01/12/2026
        (time(9, 30), MeasureInput("medio_comunicacion", 1, MeasureAction.IMPLEMENTAR, 12)),  # recorded later
    ):
        sid = new_session(admin, code, day)
        keys = present_all(admin, sid, at=time(9, 0))
        sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
        hid = put_on_agenda(admin, sid, case_id, discussed_at=discussed_at)
        vote_all(admin, hid, keys)
        decisions.record_decision(admin, hid, DecisionInput(
            DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, measures=[measure]))

    rows = dashboard.dashboard(admin).measures_due
    assert [(r.radicado, r.measure_code, r.revaluation_date) for r in rows] == [
        ("MED-HOUR", "chaleco_blindado", date(2026, 12, 1))]


def test_each_list_holds_the_limit_most_urgent_and_counts_them_all(admin):
    code = "CERREM_MUJERES"
    for n, received in enumerate((date(2026, 11, 3), date(2026, 10, 27), date(2026, 11, 4))):
        _study(admin, f"GVP-{n}", received)
    for n, day in enumerate((date(2026, 6, 3), date(2026, 6, 1), date(2026, 6, 2))):
        _decide(admin, code, day, case_for(admin, code, f"MED-{n}"), measures=[
            MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)])
    sid = new_session(admin, code, date(2026, 6, 1))
    for n, due in enumerate((date(2026, 8, 1), date(2026, 7, 1), date(2026, 9, 1))):
        followup.add_commitment(admin, sid, f"Compromiso {n}", "UNP", due)

    full = dashboard.dashboard(admin)
    board = dashboard.dashboard(admin, limit=2)
    assert (board.gvp.total, board.measures.total, board.commitments.total, board.actas.total) == (3, 3, 3, 0)
    assert (full.gvp.total, full.measures.total, full.commitments.total) == (3, 3, 3)
    assert [r.radicado for r in board.gvp_waiting] == ["GVP-1", "GVP-0"]  # the longest wait first
    assert board.gvp_waiting == full.gvp_waiting[:2]
    assert [r.radicado for r in board.measures_due] == ["MED-1", "MED-2"]  # the nearest revaluation first
    assert board.measures_due == full.measures_due[:2]
    assert [r.description for r in board.overdue_commitments] == ["Compromiso 1", "Compromiso 0"]
    assert dashboard.dashboard(admin, committee_code="GVP", limit=1).measures == dashboard.Listed([], 0)
    gvp_only = dashboard.dashboard(admin, committee_code="GVP", limit=1)
    assert (len(gvp_only.gvp_waiting), gvp_only.gvp.total) == (1, 3)

    uncounted = dashboard.dashboard(admin, limit=2, count_gvp=False)  # more than the limit: counted apart
    assert uncounted.gvp == dashboard.Listed(board.gvp_waiting, None) and uncounted.measures == board.measures
    assert dashboard.gvp_waiting_total(admin) == dashboard.gvp_waiting_total(admin, "GVP") == 3
    assert dashboard.dashboard(admin, limit=3, count_gvp=False).gvp == full.gvp  # all fit: counted anyway
    assert dashboard.gvp_waiting_total(admin, "CERREM_MUJERES") == 0


def test_overdue_commitments_and_actas_in_review(admin):
    code = "CERREM_MUJERES"
    sid = new_session(admin, code, date(2026, 6, 1))
    late = followup.add_commitment(admin, sid, "Enviar el estudio actualizado", "UNP", date(2026, 7, 1)).created_id
    followup.add_commitment(admin, sid, "Informar avances", "Fiscalía", date(2026, 12, 31))
    closed = followup.add_commitment(admin, sid, "Visitar la zona", "Policía", date(2026, 7, 1)).created_id
    followup.set_commitment_status(admin, closed, CommitmentStatus.CUMPLIDO)

    review = new_session(admin, code, date(2026, 10, 6))
    sessions.update_session(admin, review, end=time(12, 0))
    for status in (SessionStatus.EN_CURSO, SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION):
        sessions.set_status(admin, review, status)

    board = dashboard.dashboard(admin)
    assert [(c.id, c.responsible, c.days_overdue, c.committee_code) for c in board.overdue_commitments] == [
        (late, "UNP", 145, code)]
    assert board.overdue_commitments[0].description == "Enviar el estudio actualizado"
    assert [(a.session_id, a.number, a.committee_code) for a in board.actas_in_review] == [(review, 2, code)]
    assert dashboard.dashboard(admin, committee_code="GVP").actas_in_review == []


def test_each_list_is_limited_to_the_users_committees(admin, database):
    gvp_case = _study(admin, "GVP-LATE", date(2026, 11, 2))
    assert gvp_case
    sid = new_session(admin, "CERREM_POBLACIONAL", date(2026, 6, 1))
    followup.add_commitment(admin, sid, "Compromiso ajeno", "UNP", date(2026, 7, 1))
    women = new_session(admin, "CERREM_MUJERES", date(2026, 6, 1))
    followup.add_commitment(admin, women, "Compromiso propio", "UNP", date(2026, 7, 1))

    password = make_user(admin, "sofia", Role.SECRETARIA, committees=["CERREM_MUJERES"])
    sofia = login_ctx(database, "sofia", password)
    assert [c.code for c in dashboard.visible_committees(sofia)] == ["CERREM_MUJERES"]
    board = dashboard.dashboard(sofia)
    assert board.gvp_waiting == []
    assert [c.description for c in board.overdue_commitments] == ["Compromiso propio"]
    # the administrator sees everything
    assert len(dashboard.visible_committees(admin)) == 6
    assert len(dashboard.dashboard(admin).overdue_commitments) == 2


def test_revisor_reads_the_dashboard_of_assigned_committees(admin, database):
    password = make_user(admin, "rita", Role.REVISOR, committees=["GVP"])
    rita = login_ctx(database, "rita", password)
    _study(admin, "GVP-LATE", date(2026, 11, 2))
    assert [r.radicado for r in dashboard.dashboard(rita).gvp_waiting] == ["GVP-LATE"]


def test_display_labels_use_short_population_names(admin):
    labels = dashboard.display_labels(admin)
    assert labels.population("ddhh_sociales") == "Defensores de derechos humanos y líderes sociales"
    assert labels.measure("chaleco_blindado") == "Chaleco blindado"
    assert labels.population(None) == "" and labels.measure("otra") == "otra"


def test_a_user_without_committees_sees_empty_lists(admin, database):
    password = make_user(admin, "nadie", Role.REVISOR)
    nobody = login_ctx(database, "nadie", password)
    _study(admin, "GVP-LATE", date(2026, 11, 2))
    assert dashboard.visible_committees(nobody) == []
    board = dashboard.dashboard(nobody)
    assert (board.gvp_waiting, board.measures_due, board.overdue_commitments, board.actas_in_review) == (
        [], [], [], [])


def _gvp_waiting_case_by_case(ctx) -> list[tuple[str, date, int]]:
    """The list as first written: a deadline per case in Python (the oracle for the SQL threshold)."""
    from sqlalchemy import select

    from comite.model import Case, Committee, CommitteeSession, Decision, Hearing
    from comite.rules.calendar import business_days_between, gvp_deadline

    with ctx.reading() as s:
        studies = s.execute(select(Case.radicado, Case.id, Case.study_received)
                            .where(Case.study_received.is_not(None))).all()
        hearings = s.execute(
            select(Hearing.case_id, CommitteeSession.day, Decision.outcome)
            .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
            .join(Committee, Committee.id == CommitteeSession.committee_id)
            .join(Decision, Decision.hearing_id == Hearing.id)
            .where(Committee.code == "GVP", CommitteeSession.status != SessionStatus.CANCELADA.value)
        ).all()
    out = []
    for radicado, case_id, received in studies:
        deadline = gvp_deadline(received)
        if deadline >= TODAY:
            continue
        if any(cid == case_id and outcome != DecisionOutcome.POSTPONED.value and day >= received
               for cid, day, outcome in hearings):
            continue
        out.append((radicado, deadline, business_days_between(deadline, TODAY)))
    return sorted(out)


def test_the_sql_threshold_lists_what_a_deadline_per_case_lists(admin):
    """Studies received on each day of five weeks around the holidays of 2 and 16
    November 2026 (moved to Monday), some decided before or after, postponed, or
    decided by a CERREM (which does not count)."""
    ids = {}
    for offset in range(36):
        received = date(2026, 10, 19) + timedelta(offset)
        ids[received] = _study(admin, f"GVP-{received:%m%d}", received)
    _decide(admin, "GVP", date(2026, 11, 4), ids[date(2026, 10, 29)])             # decided after: done
    _decide(admin, "GVP", date(2026, 11, 4), ids[date(2026, 11, 5)])              # decided before: waits
    _decide(admin, "GVP", date(2026, 11, 9), ids[date(2026, 11, 3)], outcome=DecisionOutcome.POSTPONED)
    _decide(admin, "GVP", date(2026, 11, 11), ids[date(2026, 11, 11)])            # the same day: done
    _decide(admin, "CERREM_POBLACIONAL", date(2026, 11, 12), ids[date(2026, 11, 10)])

    rows = dashboard.dashboard(admin).gvp_waiting
    expected = _gvp_waiting_case_by_case(admin)
    assert sorted((r.radicado, r.deadline, r.business_days_late) for r in rows) == expected
    assert "GVP-1112" in {r[0] for r in expected} and "GVP-1113" not in {r[0] for r in expected}
    assert [r.study_received for r in rows] == sorted(r.study_received for r in rows)
