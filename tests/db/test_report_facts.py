"""The reports' fact table (revision 0009) stays equal to what the hearings, decisions, votes and
cases say, on both engines: through the services a secretariat uses, through every statement its
triggers answer (plain SQL, the way a script or a restore writes), after a rolled-back write, and
when two connections vote on the same hearing at once. The check itself can fail, and the rebuild
repairs what it finds."""

from __future__ import annotations

import threading
import time as clock
from datetime import date, time

import pytest
from sqlalchemy import select, text

from comite.domain import DecisionOutcome, MeasureAction, RiskLevel, VoteChoice
from comite.model import Hearing, report_hearing
from comite.services import cases, deliberation, sessions
from comite.services.decisions import DecisionInput, MeasureInput, record_decision, withdraw_decision
from comite.storage import report_facts
from tests.db.helpers import case_for, new_session, present_all, put_on_agenda, start


def _stale(db) -> int:
    with db.engine.connect() as conn:
        return report_facts.stale_rows(conn)


def _row(db, hearing_id: int) -> dict | None:
    with db.engine.connect() as conn:
        row = conn.execute(select(report_hearing).where(report_hearing.c.hearing_id == hearing_id)).mappings().first()
        return dict(row) if row else None


@pytest.fixture
def heard(admin):
    """A GVP session in progress with every voting seat present and two cases on its agenda."""
    sid = new_session(admin, "GVP", date(2026, 3, 10))
    keys = present_all(admin, sid, at=time(9, 0))
    start(admin, sid)
    first = case_for(admin, "GVP", "R-FACT-1", department="Cauca", study_received=date(2026, 3, 2))
    second = case_for(admin, "GVP", "R-FACT-2", department="Nariño")
    hearings = [put_on_agenda(admin, sid, c, discussed_at=time(10, 0)) for c in (first, second)]
    return admin, sid, keys, (first, second), hearings


def test_the_services_keep_every_row_current(heard):
    ctx, sid, keys, (first, second), (h1, h2) = heard
    assert _row(ctx.db, h1) == {
        "session_id": sid, "hearing_id": h1, "case_id": first, "decision_id": None, "outcome": None,
        "risk_level": None, "population_code": "ddhh_sociales", "department": "Cauca", "route": "ordinaria",
        "study_received": date(2026, 3, 2), "request_date": None, "votes": 0}
    for key in keys:
        deliberation.cast_vote(ctx, h1, key, VoteChoice.A_FAVOR)
    deliberation.cast_vote(ctx, h1, keys[0], VoteChoice.EN_CONTRA)  # a changed vote is still one vote
    assert _row(ctx.db, h1)["votes"] == len(keys)
    deliberation.clear_vote(ctx, h1, keys[-1])
    assert _row(ctx.db, h1)["votes"] == len(keys) - 1
    deliberation.cast_vote(ctx, h1, keys[-1], VoteChoice.A_FAVOR)
    record_decision(ctx, h1, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, concept="Concepto",
        measures=[MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)]))
    row = _row(ctx.db, h1)
    assert (row["outcome"], row["risk_level"], row["votes"]) == ("decidido", "extraordinario", len(keys))
    assert row["decision_id"] is not None
    assert _stale(ctx.db) == 0

    cases.update_case(ctx, first, department="Antioquia", population_code="victimas")
    row = _row(ctx.db, h1)
    assert (row["department"], row["population_code"]) == ("Antioquia", "victimas")
    assert _row(ctx.db, h2)["department"] == "Nariño"  # another case's hearing is untouched

    withdraw_decision(ctx, h1)
    row = _row(ctx.db, h1)
    assert (row["decision_id"], row["outcome"], row["risk_level"], row["votes"]) == (None, None, None, len(keys))
    assert _stale(ctx.db) == 0

    with ctx.reading() as s:
        item_id = s.get(Hearing, h2).agenda_item_id
    sessions.remove_item(ctx, item_id)
    assert _row(ctx.db, h2) is None
    assert _stale(ctx.db) == 0


def test_every_statement_the_triggers_answer_keeps_the_table_current(heard):
    """Plain SQL on each trigger's event, including the rare ones no service issues today."""
    ctx, sid, keys, (first, second), (h1, h2) = heard
    other = new_session(ctx, "GVP", date(2026, 3, 17))
    for key in keys:
        deliberation.cast_vote(ctx, h1, key, VoteChoice.A_FAVOR)
    record_decision(ctx, h1, DecisionInput(DecisionOutcome.DECIDED, RiskLevel.ORDINARIO, concept="Concepto"))
    steps = [
        "UPDATE decision SET risk_level = 'extremo' WHERE hearing_id = :h1",
        "UPDATE decision SET outcome = 'aplazado', risk_level = NULL WHERE hearing_id = :h1",
        "UPDATE decision SET hearing_id = :h2 WHERE hearing_id = :h1",  # the decision moves to the other case
        "UPDATE vote SET hearing_id = :h2 WHERE id = (SELECT min(id) FROM vote WHERE hearing_id = :h1)",
        "UPDATE case_file SET route = 'emergencia', request_date = '2026-02-20' WHERE id = :c2",
        "UPDATE case_file SET study_received = NULL WHERE id = :c1",
        "UPDATE hearing SET session_id = :other WHERE id = :h2",
        "UPDATE hearing SET case_id = :c1 WHERE id = :h2",
        "DELETE FROM vote WHERE id = (SELECT max(id) FROM vote WHERE hearing_id = :h1)",
        "DELETE FROM decision WHERE hearing_id = :h2",
        "DELETE FROM hearing WHERE id = :h1",  # its votes go with it (ON DELETE CASCADE)
    ]
    params = {"h1": h1, "h2": h2, "c1": first, "c2": second, "other": other}
    for step in steps:
        with ctx.db.engine.begin() as conn:
            conn.execute(text(step), {k: v for k, v in params.items() if f":{k}" in step})
        assert _stale(ctx.db) == 0, step
    row = _row(ctx.db, h2)
    assert (row["session_id"], row["case_id"], row["outcome"], row["votes"]) == (other, first, None, 1)
    assert _row(ctx.db, h1) is None


def test_a_rolled_back_write_leaves_the_table_as_it_was(heard):
    ctx, _sid, keys, _cases, (h1, _h2) = heard
    before = _row(ctx.db, h1)
    with ctx.db.engine.connect() as conn:
        tx = conn.begin()
        conn.execute(text("UPDATE case_file SET department = 'Vichada' WHERE id = (SELECT case_id FROM hearing "
                          "WHERE id = :h)"), {"h": h1})
        assert conn.execute(select(report_hearing.c.department).where(
            report_hearing.c.hearing_id == h1)).scalar_one() == "Vichada"  # seen inside the transaction
        tx.rollback()
    assert _row(ctx.db, h1) == before
    assert _stale(ctx.db) == 0


def test_the_check_finds_a_wrong_row_and_the_rebuild_repairs_it(heard):
    ctx, *_rest, (h1, h2) = heard
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE report_hearing SET votes = 7 WHERE hearing_id = :h"), {"h": h1})
        conn.execute(text("DELETE FROM report_hearing WHERE hearing_id = :h"), {"h": h2})
    assert _stale(ctx.db) == 3  # the wrong row (counted both ways) and the missing one
    with ctx.db.engine.begin() as conn:
        assert report_facts.rebuild(conn) == 2
    assert _stale(ctx.db) == 0
    assert _row(ctx.db, h1)["votes"] == 0


def test_two_connections_voting_on_one_hearing_at_once_count_every_vote(heard):
    """The second vote is written while the first's transaction is still open. On PostgreSQL the
    second trigger waits for the first's lock on the row and adds one to what it left (a recount
    from its own snapshot would keep one vote of the two); on SQLite the second writer waits for
    the first to commit."""
    ctx, _sid, keys, _cases, (h1, _h2) = heard
    with ctx.db.engine.connect() as conn:
        attendance = dict(conn.execute(text(
            "SELECT seat_key, id FROM attendance WHERE session_id = (SELECT session_id FROM hearing WHERE id = :h)"),
            {"h": h1}).all())
    first_written = threading.Event()
    errors: list[BaseException] = []

    def vote(seat: str, first: bool) -> None:
        try:
            with ctx.db.engine.connect() as conn:
                tx = conn.begin()
                if not first:  # the second writes while the first's transaction is still open
                    assert first_written.wait(30)
                conn.execute(text("INSERT INTO vote (hearing_id, attendance_id, seat_key, choice) "
                                  "VALUES (:h, :a, :k, 'a_favor')"), {"h": h1, "a": attendance[seat], "k": seat})
                if first:
                    first_written.set()
                    clock.sleep(0.5)  # room for the second to reach the row's lock (PostgreSQL) or the file's
                tx.commit()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
            first_written.set()

    threads = [threading.Thread(target=vote, args=(seat, i == 0)) for i, seat in enumerate(keys[:2])]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert _row(ctx.db, h1)["votes"] == 2
    assert _stale(ctx.db) == 0
