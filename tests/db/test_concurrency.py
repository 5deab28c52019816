"""Two desktops editing the same session: nobody's change is silently lost.

Every test opens the database twice (two ``Database`` objects: two engines, two
connection pools), logs in as two different people, and runs on SQLite and on
PostgreSQL. The second writer of a stale version gets a Spanish
:class:`StaleEdit` naming who changed what, with the values now stored; nothing
is written; reapplying on the fresh version succeeds. Threads make the writes
overlap for real.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

import pytest
from sqlalchemy import func, select

from comite.domain import AttendanceStatus, CommitmentStatus, DecisionOutcome, Role, VoteChoice
from comite.errors import ConcurrencyConflict
from comite.model import Attendance, Commitment, CommitteeSession, Decision, Hearing
from comite.services import attendance, decisions, deliberation, followup, sessions
from comite.services.bootstrap import open_database
from comite.services.context import ServiceContext, StaleEdit
from comite.services.decisions import DecisionInput
from comite.storage.database import Database
from tests.conftest import make_user
from tests.db.helpers import (
    assert_spanish,
    case_for,
    login_ctx,
    new_session,
    present_all,
    put_on_agenda,
    seats,
    snapshot,
    start,
    voting_keys,
)

DAY = date(2026, 3, 10)


@dataclass
class Desks:
    """Two desktops on one database: the administrator and «ana» (secretaría of the GVP)."""

    admin: ServiceContext
    ana: ServiceContext
    db_url: str
    session_id: int
    hearing_id: int
    radicado: str
    attendance_id: int
    entity: str
    opened: list[Database]

    def open(self, who: str = "ana") -> ServiceContext:
        """One more desktop (its own engine and pool)."""
        db = open_database(self.db_url)
        self.opened.append(db)
        if who == "admin":
            from tests.conftest import ADMIN, ADMIN_PASSWORD

            return login_ctx(db, ADMIN, ADMIN_PASSWORD)
        return login_ctx(db, "ana", ANA_PASSWORD)


ANA_PASSWORD = "Secreto-Compartido-2026"


@pytest.fixture
def desks(admin, db_url):
    make_user(admin, "ana", Role.SECRETARIA, committees=("GVP",), password=ANA_PASSWORD)
    opened: list[Database] = []
    second = open_database(db_url)
    opened.append(second)
    ana = login_ctx(second, "ana", ANA_PASSWORD)
    assert ana.db.engine is not admin.db.engine
    sid = new_session(admin, "GVP", DAY)
    present_all(admin, sid, at=time(9, 0))
    start(admin, sid)
    case_id = case_for(admin, "GVP", "R-CONC-1")
    hid = put_on_agenda(admin, sid, case_id, discussed_at=time(10, 0))
    # a seat nobody has marked yet (ausente), to edit from both desktops
    row = next(r for r in seats(admin, sid).values() if r.rights == "solo_voz" and r.condition is None)
    yield Desks(admin, ana, db_url, sid, hid, "R-CONC-1", row.id, row.entity, opened)
    for db in opened:
        db.dispose()


def version(ctx: ServiceContext, model: type, row_id: int) -> int:
    with ctx.reading() as s:
        return s.get(model, row_id).row_version


def in_threads(*calls: Callable[[], object]) -> list[object]:
    """Run the calls at the same moment, one thread each; each result or the exception it raised."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int, call: Callable[[], object]) -> None:
        barrier.wait()
        try:
            results[i] = call()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "un hilo quedó bloqueado"
    return results


def one_won(results: list[object]) -> tuple[int, ConcurrencyConflict]:
    """Exactly one call succeeded and the other got a ConcurrencyConflict (not a crash)."""
    errors = [r for r in results if isinstance(r, BaseException)]
    assert len(errors) == 1, results
    assert isinstance(errors[0], ConcurrencyConflict), repr(errors[0])
    return next(i for i, r in enumerate(results) if not isinstance(r, BaseException)), errors[0]


# --- a stale version shown to the user ---------------------------------------------------------


def test_attendance_edited_on_two_desktops(desks):
    d = desks
    shown = version(d.admin, Attendance, d.attendance_id)
    assert version(d.ana, Attendance, d.attendance_id) == shown  # both screens show the same row
    attendance.set_attendance(d.admin, d.attendance_id, status=AttendanceStatus.PRESENTE,
                               person_name="Delegada Uno", expected_version=shown)
    before = snapshot(d.admin.db)
    with pytest.raises(StaleEdit) as err:
        attendance.set_attendance(d.ana, d.attendance_id, status=AttendanceStatus.EXCUSADO,
                                   expected_version=shown)
    assert_spanish(err.value, r"Otra persona \(usuario «admin»\)", f"asistencia de «{d.entity}»",
                   "estado Ausente → Presente", "nombre — → Delegada Uno",
                   "Sus cambios no se guardaron", "volver a aplicarlos")
    conflict = err.value
    assert (conflict.version, conflict.changed_by) == (shown + 1, "admin")
    assert conflict.current["status"] is AttendanceStatus.PRESENTE
    assert conflict.current["person_name"] == "Delegada Uno"
    assert conflict.current["row_version"] == shown + 1
    assert snapshot(d.admin.db) == before  # nothing written, not even an audit entry

    # she reviews what is stored now and reapplies her change on it
    attendance.set_attendance(d.ana, d.attendance_id, status=AttendanceStatus.EXCUSADO,
                               expected_version=conflict.version)
    with d.admin.reading() as s:
        att = s.get(Attendance, d.attendance_id)
        assert (att.status, att.person_name, att.row_version) == ("excusado", "Delegada Uno", shown + 2)


def test_the_same_user_on_another_window_is_told_so(desks):
    d = desks
    other_window = d.open("admin")
    shown = version(d.admin, Attendance, d.attendance_id)
    attendance.set_attendance(other_window, d.attendance_id, status=AttendanceStatus.PRESENTE,
                               expected_version=shown)
    with pytest.raises(StaleEdit) as err:
        attendance.set_attendance(d.admin, d.attendance_id, status=AttendanceStatus.AUSENTE,
                                   expected_version=shown)
    assert_spanish(err.value, r"Usted mismo \(usuario «admin»\)", "otra ventana o equipo", "estado Ausente → Presente")


def test_deliberation_edited_on_two_desktops(desks):
    d = desks
    shown = version(d.admin, Hearing, d.hearing_id)
    deliberation.update_hearing(d.ana, d.hearing_id, deliberation="Texto de Ana.", expected_version=shown)
    before = snapshot(d.admin.db)
    with pytest.raises(StaleEdit) as err:
        deliberation.update_hearing(d.admin, d.hearing_id, deliberation="Texto del administrador.",
                                   expected_version=shown)
    assert_spanish(err.value, r"usuario «ana»", f"deliberación del caso {d.radicado}", "no se guardaron")
    assert "Texto de Ana" not in str(err.value)  # reserved text stays out of messages (and logs)
    assert err.value.current["deliberation"] == "Texto de Ana."
    assert snapshot(d.admin.db) == before
    deliberation.update_hearing(d.admin, d.hearing_id, deliberation="Texto del administrador.",
                               expected_version=err.value.version)
    with d.ana.reading() as s:
        assert s.get(Hearing, d.hearing_id).deliberation == "Texto del administrador."


def _all_in_favour(d: Desks) -> list[tuple[str, VoteChoice, None]]:
    return [(k, VoteChoice.A_FAVOR, None) for k in voting_keys(d.admin, d.session_id)]


def test_decision_recorded_on_two_desktops(desks):
    d = desks
    shown = version(d.admin, Hearing, d.hearing_id)
    decisions.record_decision(d.admin, d.hearing_id, DecisionInput(DecisionOutcome.POSTPONED, concept="Falta estudio"),
                                expected_version=shown)
    before = snapshot(d.admin.db)
    with pytest.raises(StaleEdit) as err:
        decisions.record_decision(d.ana, d.hearing_id, DecisionInput(DecisionOutcome.RETURNED),
                                    expected_version=shown)
    assert_spanish(err.value, r"usuario «admin»", f"registró la decisión del caso {d.radicado}",
                   "resultado Aplazado")
    assert err.value.current["decision"]["outcome"] is DecisionOutcome.POSTPONED
    assert err.value.current["decision"]["concept"] == "Falta estudio"
    assert snapshot(d.admin.db) == before
    decisions.record_decision(d.ana, d.hearing_id, DecisionInput(DecisionOutcome.RETURNED),
                                expected_version=err.value.version)
    with d.admin.reading() as s:
        decision = s.get(Hearing, d.hearing_id).decision
        assert (decision.outcome, decision.concept) == ("devuelto", None)


def test_a_decision_moves_the_hearing_version_on(desks):
    """Otherwise a decision recorded meanwhile would not make a stale screen stale."""
    d = desks
    shown = version(d.admin, Hearing, d.hearing_id)
    decisions.record_decision(d.ana, d.hearing_id, DecisionInput(DecisionOutcome.POSTPONED))
    assert version(d.admin, Hearing, d.hearing_id) == shown + 1
    with pytest.raises(StaleEdit):
        deliberation.update_hearing(d.admin, d.hearing_id, deliberation="x", expected_version=shown)


def test_commitment_and_session_data_on_two_desktops(desks):
    d = desks
    cid = followup.add_commitment(d.admin, d.session_id, "Enviar el estudio", "UNP", None).created_id
    shown = version(d.admin, Commitment, cid)
    followup.set_commitment_status(d.ana, cid, CommitmentStatus.CUMPLIDO, d.session_id, expected_version=shown)
    with pytest.raises(StaleEdit) as err:
        followup.set_commitment_status(d.admin, cid, CommitmentStatus.CANCELADO, d.session_id,
                                       expected_version=shown)
    assert_spanish(err.value, "usuario «ana»", "compromiso a cargo de UNP", "estado Pendiente → Cumplido")
    assert err.value.current["status"] is CommitmentStatus.CUMPLIDO

    shown = version(d.admin, CommitteeSession, d.session_id)
    sessions.update_session(d.ana, d.session_id, end=time(12, 0), expected_version=shown)
    with pytest.raises(StaleEdit) as err:
        sessions.update_session(d.admin, d.session_id, end=time(13, 0), place="Sala 2", expected_version=shown)
    assert_spanish(err.value, "usuario «ana»", "sesión No. 001 de 2026", "hora de cierre — → 12:00")
    assert err.value.current["end"] == time(12, 0)
    sessions.update_session(d.admin, d.session_id, end=time(13, 0), place="Sala 2",
                            expected_version=err.value.version)


def test_without_a_version_the_last_writer_still_wins(desks):
    """Callers that do not pass expected_version keep the old behaviour."""
    d = desks
    attendance.set_attendance(d.admin, d.attendance_id, person_name="Uno")
    attendance.set_attendance(d.ana, d.attendance_id, person_name="Dos")
    with d.admin.reading() as s:
        assert s.get(Attendance, d.attendance_id).person_name == "Dos"


# --- the writes really overlap: two threads, two connections ------------------------------------


def test_simultaneous_saves_of_the_same_rows(desks):
    """Both desktops press «Guardar» at the same moment on the same version: one wins."""
    d = desks
    admin2 = d.open("admin")
    edits = {
        "asistencia": (Attendance, d.attendance_id, lambda ctx, v, n: attendance.set_attendance(
            ctx, d.attendance_id, person_name=f"Nombre {n}", expected_version=v)),
        "deliberación": (Hearing, d.hearing_id, lambda ctx, v, n: deliberation.update_hearing(
            ctx, d.hearing_id, deliberation=f"Texto {n}", expected_version=v)),
        "decisión": (Hearing, d.hearing_id, lambda ctx, v, n: decisions.record_decision(
            ctx, d.hearing_id, DecisionInput(DecisionOutcome.POSTPONED, concept=f"Concepto {n}"),
            expected_version=v)),
    }
    for label, (model, row_id, edit) in edits.items():
        for round_ in range(3):
            shown = version(d.admin, model, row_id)
            results = in_threads(lambda e=edit, v=shown, r=round_: e(admin2, v, f"A{r}"),
                                 lambda e=edit, v=shown, r=round_: e(d.ana, v, f"B{r}"))
            winner, conflict = one_won(results)
            assert "no se guardaron" in str(conflict), (label, round_)
            assert version(d.admin, model, row_id) == shown + 1, (label, round_)
    with d.admin.reading() as s:
        assert s.get(Attendance, d.attendance_id).person_name in ("Nombre A2", "Nombre B2")


def test_raw_race_on_one_row_is_a_conflict_not_an_overwrite(desks):
    """Two transactions read the same row, then both write it: the row version refuses the second."""
    d = desks
    other = d.open("admin")

    def edit(ctx: ServiceContext, name: str, barrier: threading.Barrier) -> str:
        with ctx.transaction() as s:
            att = s.get(Attendance, d.attendance_id)
            barrier.wait(10)  # both have read the same version before either writes
            att.person_name = name
        return name

    for round_ in range(3):
        shown = version(d.admin, Attendance, d.attendance_id)
        barrier = threading.Barrier(2)
        results = in_threads(lambda b=barrier, r=round_: edit(d.ana, f"Ana escribió {r}", b),
                             lambda b=barrier, r=round_: edit(other, f"Admin escribió {r}", b))
        winner, conflict = one_won(results)
        assert_spanish(conflict, "Otra persona modificó este registro")
        with d.admin.reading() as s:
            att = s.get(Attendance, d.attendance_id)
            assert (att.person_name, att.row_version) == (results[winner], shown + 1)


def test_decision_race_without_versions_is_still_no_silent_overwrite(desks):
    """Two decisions at once on the same case: the hearing's version lets only one through."""
    d = desks
    other = d.open("admin")
    for _ in range(2):
        shown = version(d.admin, Hearing, d.hearing_id)
        results = in_threads(
            lambda: decisions.record_decision(other, d.hearing_id, DecisionInput(DecisionOutcome.POSTPONED)),
            lambda: decisions.record_decision(d.ana, d.hearing_id, DecisionInput(DecisionOutcome.RETURNED)),
        )
        errors = [r for r in results if isinstance(r, BaseException)]
        # serialised by chance (one committed before the other read): both may pass, in order
        assert all(isinstance(e, ConcurrencyConflict) for e in errors), errors
        assert version(d.admin, Hearing, d.hearing_id) == shown + 2 - len(errors)
        with d.admin.reading() as s:
            assert s.scalar(select(func.count(Decision.id)).where(Decision.hearing_id == d.hearing_id)) == 1


def test_sessions_created_at_once_get_distinct_numbers(desks):
    d = desks
    ctxs = [d.admin, d.ana, d.open("admin"), d.open("ana")]
    day = date(2026, 6, 2)
    for _ in range(2):
        results = in_threads(*[lambda c=c: sessions.create_session(c, "GVP", day) for c in ctxs])
        assert not [r for r in results if isinstance(r, BaseException)], results
    rows = sessions.list_sessions(d.admin, "GVP", 2026)
    numbers = sorted(r.number for r in rows)
    assert numbers == list(range(1, len(rows) + 1)) and len(rows) == 9  # the fixture's session + 8


# --- votes: each desktop says which vote its grid showed -----------------------------------------


def _stored_vote(ctx: ServiceContext, hearing_id: int, seat_key: str) -> str | None:
    with ctx.reading() as s:
        return next((v.choice for v in s.get(Hearing, hearing_id).votes if v.seat_key == seat_key), None)


def _entity(ctx: ServiceContext, session_id: int, seat_key: str) -> str:
    return seats(ctx, session_id)[seat_key].entity


def test_vote_recorded_on_two_desktops(desks):
    """Admin votes «a favor» for a seat; Ana's grid still shows no vote there and she records
    «en contra»: refused, naming who recorded what; nothing written; she reapplies knowingly."""
    d = desks
    key = voting_keys(d.admin, d.session_id)[0]
    entity = _entity(d.admin, d.session_id, key)
    deliberation.cast_vote(d.admin, d.hearing_id, key, VoteChoice.A_FAVOR, expected=None)
    before = snapshot(d.admin.db)
    with pytest.raises(StaleEdit) as err:
        deliberation.cast_vote(d.ana, d.hearing_id, key, VoteChoice.EN_CONTRA, expected=None)
    assert_spanish(err.value, r"Otra persona \(usuario «admin»\)", f"registró el voto de «{entity}»",
                   f"caso {d.radicado}: a favor", "no se guardaron")
    assert err.value.current["choice"] is VoteChoice.A_FAVOR and err.value.changed_by == "admin"
    assert snapshot(d.admin.db) == before  # not even an audit entry
    assert _stored_vote(d.admin, d.hearing_id, key) == "a_favor"
    # she now sees «a favor» and changes it on purpose
    deliberation.cast_vote(d.ana, d.hearing_id, key, VoteChoice.EN_CONTRA, expected=err.value.current["choice"])
    assert _stored_vote(d.admin, d.hearing_id, key) == "en_contra"
    # a stale «a favor» on the administrator's screen is refused too, naming Ana
    with pytest.raises(StaleEdit) as err:
        deliberation.cast_vote(d.admin, d.hearing_id, key, VoteChoice.ABSTENCION, "Aclaración",
                              expected=VoteChoice.A_FAVOR)
    assert_spanish(err.value, r"usuario «ana»", "registró el voto", "en contra")
    assert _stored_vote(d.admin, d.hearing_id, key) == "en_contra"


def test_vote_withdrawn_on_another_desktop(desks):
    d = desks
    key = voting_keys(d.admin, d.session_id)[0]
    entity = _entity(d.admin, d.session_id, key)
    deliberation.cast_vote(d.admin, d.hearing_id, key, VoteChoice.A_FAVOR, expected=None)
    deliberation.clear_vote(d.ana, d.hearing_id, key, expected=VoteChoice.A_FAVOR)
    before = snapshot(d.admin.db)
    with pytest.raises(StaleEdit) as err:  # the admin's grid still shows «a favor»
        deliberation.cast_vote(d.admin, d.hearing_id, key, VoteChoice.EN_CONTRA, expected=VoteChoice.A_FAVOR)
    assert_spanish(err.value, r"usuario «ana»", f"retiró el voto de «{entity}» en el caso {d.radicado}")
    assert err.value.current["choice"] is None
    assert snapshot(d.admin.db) == before
    # withdrawing a vote someone else recorded meanwhile is refused as well
    deliberation.cast_vote(d.ana, d.hearing_id, key, VoteChoice.ABSTENCION, expected=None)
    with pytest.raises(StaleEdit) as err:
        deliberation.clear_vote(d.admin, d.hearing_id, key, expected=VoteChoice.A_FAVOR)
    assert_spanish(err.value, r"usuario «ana»", "registró el voto", "abstención")
    assert _stored_vote(d.admin, d.hearing_id, key) == "abstencion"
    deliberation.clear_vote(d.admin, d.hearing_id, key, expected=VoteChoice.ABSTENCION)
    assert _stored_vote(d.admin, d.hearing_id, key) is None


def test_votes_without_expected_still_overwrite(desks):
    """Scripts and the CLI that do not say what they saw keep the old behaviour."""
    d = desks
    key = voting_keys(d.admin, d.session_id)[0]
    deliberation.cast_vote(d.admin, d.hearing_id, key, VoteChoice.A_FAVOR)
    deliberation.cast_vote(d.ana, d.hearing_id, key, VoteChoice.EN_CONTRA)
    assert _stored_vote(d.admin, d.hearing_id, key) == "en_contra"
    deliberation.clear_vote(d.admin, d.hearing_id, key)
    assert _stored_vote(d.admin, d.hearing_id, key) is None


def test_simultaneous_votes_for_the_same_seat(desks):
    """Both desktops press a vote key for the same seat at the same moment: one vote stands,
    the other desktop is told (a new vote each, then a change of the same vote each)."""
    d = desks
    admin2 = d.open("admin")
    key = voting_keys(d.admin, d.session_id)[0]
    for round_ in range(3):
        deliberation.clear_vote(d.admin, d.hearing_id, key)
        results = in_threads(
            lambda: deliberation.cast_vote(admin2, d.hearing_id, key, VoteChoice.A_FAVOR, expected=None),
            lambda: deliberation.cast_vote(d.ana, d.hearing_id, key, VoteChoice.EN_CONTRA, expected=None),
        )
        winner, conflict = one_won(results)
        assert "el voto de" in str(conflict), round_
        assert _stored_vote(d.admin, d.hearing_id, key) == ("a_favor", "en_contra")[winner]
        shown = VoteChoice(_stored_vote(d.admin, d.hearing_id, key))
        results = in_threads(
            lambda s=shown: deliberation.cast_vote(admin2, d.hearing_id, key, VoteChoice.ABSTENCION, expected=s),
            lambda s=shown: deliberation.clear_vote(d.ana, d.hearing_id, key, expected=s),
        )
        winner, conflict = one_won(results)
        assert "el voto de" in str(conflict), round_
        assert _stored_vote(d.admin, d.hearing_id, key) == ("abstencion", None)[winner]
