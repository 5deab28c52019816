"""The demonstration database (comite.demo): realistic, rule-abiding, deterministic."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import time
from collections import Counter
from datetime import date
from datetime import time as dt_time

import pytest
from sqlalchemy import func, select

from comite.demo import fill_demo
from comite.demo.data import ALL_COMMITTEES, DEMO_END
from comite.demo.state import DemoReport
from comite.domain import (
    AttendanceStatus,
    Capacity,
    CaseKind,
    DecisionOutcome,
    SessionStatus,
    VoteChoice,
)
from comite.errors import LockedError, ValidationError
from comite.model import (
    AttendanceCase,
    Case,
    Committee,
    CommitteeSession,
    Decision,
    Handoff,
    Hearing,
    MeasureDecision,
    Observation,
    User,
    Vote,
)
from comite.rules.collective import CRITERIA
from comite.rules.routing import target_committee
from comite.services import (
    accounts,
    attendance,
    audit,
    cases,
    decisions,
    deliberation,
    followup,
    frames,
    sessions,
    views,
)
from comite.services.bootstrap import open_database
from comite.services.context import ServiceContext
from tests.conftest import FAST_HASH, FAST_KDF

SMALL = {"sessions": 30, "cases": 200}


def demo(db, **kw):
    return fill_demo(db, **{**SMALL, **kw}, kdf=FAST_KDF, hasher=FAST_HASH)


def login(db, report: DemoReport, username: str = "admin") -> ServiceContext:
    password = next(p for u, _, p in report.accounts if u == username)
    return ServiceContext(db, accounts.login(db, username, password).actor, today=lambda: DEMO_END)


@pytest.fixture(scope="module")
def filled_db(engine, tmp_path_factory, request):
    """One small demo per engine, shared by the read-only tests of this module."""
    if engine == "sqlite":
        url, server, name = str(tmp_path_factory.mktemp("demo") / "demo.sqlite3"), None, None
    else:
        server = request.getfixturevalue("pg_server")
        name = server.create_database()
        url = server.url(name)
    db = open_database(url)
    report = demo(db)
    yield db, report, url
    db.dispose()
    if server is not None:
        server.drop_database(name)


@pytest.fixture
def filled(filled_db):
    db, report, _ = filled_db
    return db, report, login(db, report)


def test_accounts_are_demo_accounts(filled):
    db, report, ctx = filled
    assert [(u, r) for u, r, _ in report.accounts] == [
        ("admin", "administrador"), ("secretaria", "secretaria"), ("revisor", "revisor")]
    with db.Session() as s:
        users = {u.username: u for u in s.scalars(select(User))}
    assert set(users) == {"admin", "secretaria", "revisor"} and all(u.demo for u in users.values())
    for username in ("secretaria", "revisor"):
        actor = login(db, report, username).actor
        assert len(actor.committee_ids) == len(ALL_COMMITTEES)
    summary = report.summary()
    assert "200 casos ficticios" in summary and "30 sesiones" in summary and "ficticios" in summary


def test_the_database_itself_says_it_is_the_demo(filled, database):
    """The DEMO badge is the database's: any instance opening it shows it (#15 item 6)."""
    from comite.services.catalog import is_demo_database

    db, _report, _ctx = filled
    assert is_demo_database(db)
    assert not is_demo_database(database)


def test_every_committee_has_sessions_numbered_in_order(filled):
    db, report, ctx = filled
    rows = sessions.list_sessions(ctx)
    assert len(rows) == 30 == report.sessions
    by_committee: dict[str, list] = {}
    for row in rows:
        by_committee.setdefault(row.committee_code, []).append(row)
    assert set(by_committee) == set(ALL_COMMITTEES)
    assert len(by_committee["GVP"]) == max(len(v) for v in by_committee.values())
    for code, items in by_committee.items():
        items.sort(key=lambda r: (r.day, r.start, r.id))
        for year in {r.year for r in items}:
            numbers = [r.number for r in items if r.year == year]
            assert numbers == list(range(1, len(numbers) + 1)), code
    statuses = Counter(r.status for r in rows)
    past = [r for r in rows if r.day < DEMO_END]
    assert {r.status for r in past} <= {SessionStatus.ACTA_APROBADA, SessionStatus.CERRADA,
                                        SessionStatus.ACTA_EN_REVISION}
    assert all(r.status in (SessionStatus.PROGRAMADA, SessionStatus.CONVOCADA) for r in rows if r.day > DEMO_END)
    assert statuses[SessionStatus.EN_CURSO] == 1 and statuses[SessionStatus.ACTA_EN_REVISION] == 1
    assert statuses[SessionStatus.CERRADA] >= 1 and statuses[SessionStatus.CONVOCADA] >= 1
    assert min(r.day for r in rows) >= date(2025, 11, 20)
    with db.Session() as s:
        for sess in s.scalars(select(CommitteeSession)):
            assert sess.locked == (sess.status == SessionStatus.ACTA_APROBADA.value)
            if sess.status in (SessionStatus.ACTA_APROBADA.value, SessionStatus.CERRADA.value):
                assert sess.end_time is not None and sess.end_time > sess.start_time
            presiding = next(a for a in sess.attendance if a.id == sess.presiding_attendance_id)
            assert presiding.role == "preside"


def test_decisions_satisfy_quorum_and_majority(filled):
    """Recompute every decision with the services' own rules, as the GUI and the acta do."""
    db, report, ctx = filled
    decided = 0
    with db.Session() as s:
        hearings = s.scalars(select(Hearing).join(Decision)).all()
        assert len(hearings) == report.decisions
        for hearing in hearings:
            decision = hearing.decision
            quorum, result = frames.current_tally(s, hearing)
            if decision.outcome == DecisionOutcome.DECIDED.value:
                decided += 1
                assert decision.adopted, hearing.id
                assert quorum.has_quorum, (hearing.id, quorum.message)
                assert result.adopted and result.complete and result.majority, result.message
                assert (result.a_favor, result.en_contra, result.abstencion) == (
                    decision.a_favor, decision.en_contra, decision.abstencion)
                assert decision.risk_level is not None
                voters = {v.seat_key for v in hearing.votes}
                assert voters == set(quorum.present_voting)
            else:
                assert not decision.adopted and not decision.measures
        assert decided > 0.8 * len(hearings)
        choices = Counter(v.choice for v in s.scalars(select(Vote)))
        assert choices[VoteChoice.A_FAVOR.value] > 10 * choices[VoteChoice.EN_CONTRA.value] > 0
        against = s.scalars(select(Vote).where(Vote.choice == VoteChoice.EN_CONTRA.value)).all()
        assert all(v.dissent and v.dissent.startswith("Salvamento de voto") for v in against)
        measures = s.scalars(select(MeasureDecision)).all()
        assert {m.action for m in measures} >= {"implementar", "ratificar"}
        for m in measures:
            if m.action in ("implementar", "ratificar", "ajustar"):
                assert m.temporality_months and m.revaluation_date and m.revaluation_date > date(2025, 11, 1)


def test_attendance_is_realistic(filled):
    db, _, ctx = filled
    rows = []
    with db.Session() as s:
        held = s.scalars(select(CommitteeSession).where(CommitteeSession.status.in_(
            ["acta_aprobada", "cerrada", "acta_en_revision"]))).all()
        for sess in held:
            rows += sess.attendance
        voting = [a for a in rows if a.rights == "voz_y_voto"]
        present = [a for a in voting if a.status == AttendanceStatus.PRESENTE.value]
        assert len(present) > 0.8 * len(voting)
        assert any(a.status == AttendanceStatus.EXCUSADO.value for a in voting)
        assert any(a.capacity == Capacity.DELEGADO.value for a in present)
        assert any(a.capacity == Capacity.PRINCIPAL.value for a in present)
        assert any(a.arrival is not None for a in present) and any(a.departure is not None for a in present)
        assert all(a.person_name for a in present)
        # ACNUR sits in the poblacional sessions that hear displaced cases
        for sess in held:
            if sess.committee.code != "CERREM_POBLACIONAL":
                continue
            displaced = s.scalar(select(func.count(Hearing.id)).join(Case, Case.id == Hearing.case_id)
                                 .where(Hearing.session_id == sess.id, Case.displaced.is_(True)))
            acnur = next(a for a in sess.attendance if a.seat_key == "acnur")
            if not displaced:
                assert acnur.status == AttendanceStatus.AUSENTE.value
        assert any(a.seat_key == "acnur" and a.status == "presente" and a.session.committee.code ==
                   "CERREM_POBLACIONAL" for a in rows)
        assert s.scalar(select(func.count()).select_from(Observation)) > 0
        assert s.scalar(select(func.count()).select_from(AttendanceCase)) >= 0


def test_cases_follow_the_routing_rules(filled):
    db, _, ctx = filled
    with db.Session() as s:
        rows = s.execute(select(Hearing, Case, Committee)
                         .join(Case, Case.id == Hearing.case_id)
                         .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
                         .join(Committee, Committee.id == CommitteeSession.committee_id)).all()
        seen = Counter()
        verified = 0
        for hearing, case, committee in rows:
            seen[committee.code] += 1
            if committee.code == "GVP":
                assert hearing.source == "registro"
                continue
            assert committee.code == target_committee(sessions.case_profile(s, case))
            if hearing.source == "registro":  # a collective's social recognition, verified before the GVP values it
                assert committee.code == "CERREM_COLECTIVO" and not case.legally_recognised
                assert hearing.recognition_answers and hearing.decision is None and hearing.proposal_level is None
                verified += 1
                continue
            assert hearing.source == "gvp"
            handoff = s.scalar(select(Handoff).where(Handoff.received_hearing_id == hearing.id))
            assert handoff is not None and handoff.case_id == case.id
            gvp_day = s.scalar(select(CommitteeSession.day).join(Hearing, Hearing.session_id == CommitteeSession.id)
                               .where(Hearing.id == handoff.gvp_hearing_id))
            assert gvp_day < hearing.session.day
            if committee.code == "CERREM_MUJERES":
                assert case.is_woman and case.women_committee_choice is True
            if committee.code == "COMITE_ESPECIAL":  # populations 14 and 15
                assert case.population_code in ("servidor_ddhh_paz", "exservidor_ddhh_paz")
            if committee.code == "CERREM_UP_PCC":
                assert case.up_pcc_member
            if committee.code == "CERREM_COLECTIVO":
                assert case.kind == CaseKind.COLECTIVO.value
                if not case.legally_recognised and hearing.decision is not None:
                    answers = json.loads(hearing.recognition_answers)
                    assert set(answers) == {code for code, _ in CRITERIA}
        assert set(seen) == set(ALL_COMMITTEES), seen
        assert verified
        unrecognised = [h for h, case, committee in rows if committee.code == "CERREM_COLECTIVO"
                        and not case.legally_recognised and h.decision is not None]
        assert unrecognised and all(h.recognition_answers for h in unrecognised)
        restoration = [h for h, _, committee in rows if committee.code == "CERREM_UP_PCC" and h.restoration_measures]
        assert restoration
        codes = {m.measure_code for h in restoration if h.decision for m in h.decision.measures}
        assert codes & {"atencion_psicosocial", "apoyo_restablecimiento"}
        women = s.scalars(select(Case).where(Case.is_woman.is_(True))).all()
        assert {c.women_committee_choice for c in women} == {True, False, None}
        assert s.scalar(select(func.count(Handoff.id)).where(Handoff.received_hearing_id.is_(None))) > 0


def test_the_demo_is_legally_coherent(filled):
    """Issue #12: a session shown approved has its stored final acta; every decision passes the
    rules the services apply when a decision is recorded (recomputed from the stored record);
    commitments go to the entity whose competence they are."""
    from comite.model import ActaVersion, Commitment
    from comite.services.decisions import DecisionInput, MeasureInput, _check_coherence, _check_measures

    db, report, ctx = filled
    with db.Session() as s:
        approved = s.scalars(select(CommitteeSession).where(CommitteeSession.status == "acta_aprobada")).all()
        assert approved and len(approved) == report.actas
        for sess in approved:
            kinds = set(s.scalars(select(ActaVersion.kind).where(ActaVersion.session_id == sess.id)))
            assert "final" in kinds, sess.id
        checked = set()
        for hearing in s.scalars(select(Hearing).join(Decision).where(Decision.outcome == "decidido")):
            d = hearing.decision
            inp = DecisionInput(
                DecisionOutcome.DECIDED, d.risk_level, d.concept or "",
                [MeasureInput(m.measure_code, m.quantity, m.action, m.temporality_months,
                              competent_entity=m.competent_entity) for m in d.measures],
                matrix_pct=d.matrix_pct, decided_on=d.decided_on,
                matrix_departure_reason=d.matrix_departure_reason or "",
                level_change_reason=d.level_change_reason or "", emergency_disposition=d.emergency_disposition,
                emergency_note=d.emergency_note or "", concertation_on=d.concertation_on,
                concertation_with=d.concertation_with or "")
            case = s.get(Case, hearing.case_id)
            _check_coherence(s, hearing, case, inp, _check_measures(s, inp), d.decided_on)  # raises if incoherent
            checked.add((bool(d.level_change_reason), bool(d.matrix_departure_reason), bool(d.emergency_disposition),
                         bool(d.concertation_on), any(m.competent_entity for m in d.measures)))
        # the facts the rules ask for do occur in the demo (and are stated)
        for k in range(5):
            assert any(facts[k] for facts in checked), k
        responsible = Counter(c.responsible for c in s.scalars(select(Commitment)))
        assert not [r for r in responsible if r.startswith("Delegado")]
        for c in s.scalars(select(Commitment)):
            if c.description.startswith("Verificar la implementación de las medidas"):
                assert c.responsible == "Unidad Nacional de Protección – Subdirección de Protección"
            if c.description.startswith("Realizar rondas de protección"):
                assert c.responsible.startswith("Policía Nacional")


def test_follow_up_data(filled):
    db, report, ctx = filled
    assert followup.overdue_commitments(ctx)
    with db.Session() as s:
        from comite.model import Commitment

        statuses = Counter(c.status for c in s.scalars(select(Commitment)))
        assert statuses["cumplido"] > 0 and statuses["pendiente"] > 0
        for c in s.scalars(select(Commitment).where(Commitment.status == "cumplido")):
            origin, closed = s.get(CommitteeSession, c.origin_session_id), s.get(CommitteeSession, c.closed_session_id)
            assert closed.committee_id == origin.committee_id and closed.day > origin.day
    pending = [row for code in ALL_COMMITTEES[1:] for row in followup.pending_handoffs(ctx, code)]
    assert len(pending) == report.pending_handoffs > 0
    emergencies = [e for code in ALL_COMMITTEES[1:] for e in followup.emergencies(ctx, code, unreported_only=False)]
    assert len(emergencies) == report.emergencies > 0
    assert any(e.reported_session_id for e in emergencies) and any(not e.reported_session_id for e in emergencies)
    assert all(e.adopted_on <= DEMO_END for e in emergencies)


def test_the_session_in_progress_can_be_continued_with_the_services(database):
    report = demo(database, actas=0)
    ctx = login(database, report)
    live = next(r for r in sessions.list_sessions(ctx) if r.status is SessionStatus.EN_CURSO)
    assert live.committee_code == "CERREM_POBLACIONAL" and live.day == DEMO_END
    hearings = views.session_hearings(ctx, live.id)
    decided = [h for h in hearings if h.outcome is not None]
    partial = [h for h in hearings if h.outcome is None and any(v.choice for v in h.voters)]
    untouched = [h for h in hearings if h.discussed_at is None]
    assert decided and len(partial) == 1 and untouched
    hearing = partial[0]
    for voter in hearing.voters:
        if voter.can_vote and voter.choice is None:
            deliberation.cast_vote(ctx, hearing.hearing_id, voter.seat_key, VoteChoice.A_FAVOR)
    result = decisions.record_decision(ctx, hearing.hearing_id, decisions.DecisionInput(
        DecisionOutcome.DECIDED, risk_level=hearing.proposal_level, concept="Se valida el nivel."))
    assert result.tally.adopted


def test_reserved_data_round_trips_and_audit_holds(filled):
    db, report, ctx = filled
    with db.Session() as s:
        first = s.scalars(select(Case).where(Case.kind == "individual").order_by(Case.id)).first()
        radicado, document = first.radicado, first.document_number
        assert s.scalar(select(func.count()).select_from(Case)) == 200
    found = cases.find_cases(ctx, radicado)
    assert [f.radicado for f in found] == [radicado]
    assert any(f.radicado == radicado for f in cases.find_cases(ctx, document))
    detail = cases.case_detail(ctx, found[0].id)
    assert detail.beneficiary_name and detail.narrative
    with db.Session() as s:
        names = [c.beneficiary_name for c in s.scalars(select(Case))]
        assert any(set(n) & set("áéíóúñÁÉÍÓÚÑ") for n in names)
        result = audit.verify(s, db.vault)
        assert result.ok, result.message
        from comite.model import AuditEntry

        batches = s.scalars(select(AuditEntry).where(AuditEntry.action == "demo_generado")).all()
        assert batches
        blob = " ".join(e.details for e in batches)
        assert names[0] not in blob and document not in blob


@pytest.mark.sqlite_only
def test_names_are_not_stored_in_clear(filled_db):
    db, _, db_url = filled_db
    with db.Session() as s:
        name, doc = s.execute(select(Case.beneficiary_name, Case.document_number)
                              .where(Case.kind == "individual").limit(1)).one()
        dissent = s.scalar(select(Vote.dissent).where(Vote.dissent.is_not(None)).limit(1))
    raw = sqlite3.connect(db_url)
    try:
        dump = b"".join(bytes(str(row), "utf-8") for row in raw.iterdump())
        blobs = raw.execute("SELECT beneficiary_name FROM case_file LIMIT 1").fetchone()[0]
    finally:
        raw.close()
    assert isinstance(blobs, bytes)
    for secret in (name, doc, dissent):
        assert secret.encode() not in dump
        assert secret.encode("utf-16-le") not in dump


def test_same_seed_same_data(database, empty_db_url, tmp_path):
    first = demo(database, actas=0)
    other = open_database(empty_db_url)
    try:
        second = demo(other, actas=0)
        assert first.summary().split(" en ")[0] == second.summary().split(" en ")[0]

        def snapshot(db, report):
            ctx = login(db, report)
            with db.Session() as s:
                rads = s.execute(select(Case.radicado, Case.beneficiary_name, Case.status).order_by(Case.id)).all()
                sess = s.execute(select(CommitteeSession.committee_id, CommitteeSession.number,
                                        CommitteeSession.day, CommitteeSession.status)
                                 .order_by(CommitteeSession.id)).all()
                dec = s.execute(select(Decision.outcome, Decision.risk_level, Decision.a_favor, Decision.en_contra)
                                .order_by(Decision.id)).all()
            assert ctx
            return rads, sess, dec

        assert snapshot(database, first) == snapshot(other, second)
    finally:
        other.dispose()
    third = open_database(str(tmp_path / "otra-semilla.sqlite3"))
    try:
        report = demo(third, seed=8, actas=0)
        with third.Session() as s:
            rads = s.scalars(select(Case.radicado).order_by(Case.id)).all()
        with database.Session() as s:
            assert rads != s.scalars(select(Case.radicado).order_by(Case.id)).all()
        assert report.cases == 200
    finally:
        third.dispose()


def test_existing_accounts_and_refusals(admin, database):
    database.lock()
    with pytest.raises(LockedError):
        fill_demo(database, sessions=6, cases=20)
    accounts.login(database, "admin", "Clave-de-prueba-2026")
    report = fill_demo(database, sessions=6, cases=20, actas=0)
    assert report.accounts == [] and report.sessions == 6
    with database.Session() as s:
        assert s.scalar(select(func.count(CommitteeSession.id))) == 6
        assert audit.verify(s, database.vault).ok
    with pytest.raises(ValidationError, match="ya tiene casos"):
        fill_demo(database, sessions=6, cases=20)
    with pytest.raises(ValidationError, match="al menos 6"):
        fill_demo(database, sessions=5)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("COMITE_SLOW"), reason="set COMITE_SLOW=1 for large-scale checks")
def test_twenty_thousand_cases(database):
    started = time.perf_counter()
    report = demo(database, sessions=300, cases=20_000, actas=2)
    elapsed = time.perf_counter() - started
    assert report.cases == 20_000 and report.sessions == 300
    assert elapsed < 180, elapsed
    ctx = login(database, report)
    with database.Session() as s:
        assert audit.verify(s, database.vault).ok
        for hearing in s.scalars(select(Hearing).join(Decision).where(Decision.adopted.is_(True)).limit(500)):
            quorum, result = frames.current_tally(s, hearing)
            assert quorum.has_quorum and result.adopted
    assert len(sessions.list_sessions(ctx)) == 300


def test_acta_of_a_session_with_many_displaced_cases(admin, tmp_path):
    """Found with the demo at scale: ACNUR sitting for 70 displaced cases breaks the acta."""
    from comite.services import acta

    session_id = sessions.create_session(admin, "CERREM_POBLACIONAL", date(2026, 3, 10),
                                         start=dt_time(9, 0)).session_id
    for i in range(70):
        case_id = cases.create_case(admin, cases.CaseInput(
            radicado=f"EXT26-{i:08d}", kind=CaseKind.INDIVIDUAL, beneficiary_name=f"Persona {i}",
            document_number=str(10_000 + i), population_code="victimas", displaced=True)).created_id
        sessions.add_case(admin, session_id, case_id)
    with admin.db.Session() as s:
        acnur = next(a.id for a in s.get(CommitteeSession, session_id).attendance if a.seat_key == "acnur")
    attendance.set_attendance(admin, acnur, status=AttendanceStatus.PRESENTE, capacity=Capacity.DELEGADO,
                               person_name="Delegada ACNUR")
    assert acta.preview_acta(admin, session_id)[:4] == b"%PDF"
    from pypdf import PdfReader

    from comite.services import resolutions

    pages = PdfReader(io.BytesIO(acta.preview_acta(admin, session_id))).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "70 casos:" in text and "y 58 más" in text
    resolutions.generate_convocation(admin, session_id, tmp_path / "conv.pdf")
    conv = " ".join(" ".join(p.extract_text() for p in PdfReader(str(tmp_path / "conv.pdf")).pages).split())
    assert "70 casos:" in conv

