"""A complete session through the services, for each of the six committees,
and the committee-specific rules (conditional seats, routing, collectives,
hand-off, emergencies). Every test ends by reading the ORM directly."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from sqlalchemy import select

from comite.domain import (
    AttendanceStatus,
    Capacity,
    CaseKind,
    CommitmentStatus,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    SessionStatus,
    VoteChoice,
)
from comite.errors import RuleViolation, ValidationError
from comite.model import (
    Attendance,
    Case,
    Commitment,
    CommitteeSession,
    Decision,
    EmergencyMeasure,
    Handoff,
    Hearing,
    MeasureDecision,
    Observation,
    Vote,
)
from comite.rules.calendar import revaluation_date
from comite.rules.collective import CRITERIA
from comite.services import attendance, decisions, deliberation, followup, frames, sessions
from comite.services.decisions import DecisionInput, MeasureInput
from tests.db.helpers import (
    COMMITTEES,
    assert_spanish,
    case_for,
    mark,
    new_case,
    new_session,
    present_all,
    put_on_agenda,
    seats,
    snapshot,
    start,
    voting_keys,
)

DAY = date(2026, 3, 10)
VOTING_SEATS = {
    "GVP": 5, "CERREM_POBLACIONAL": 5, "CERREM_COLECTIVO": 5, "CERREM_MUJERES": 5,
    "CERREM_UP_PCC": 9, "COMITE_ESPECIAL": 3,
}
MEASURES = {
    "CERREM_COLECTIVO": [("fortalecimiento_org", 1, 6), ("comunicacion_colectiva", 2, 18)],
    "CERREM_UP_PCC": [("chaleco_blindado", 1, 6), ("apoyo_restablecimiento", 1, 3)],
}
DEFAULT_MEASURES = [("chaleco_blindado", 1, 6), ("medio_comunicacion", 1, 18)]
ALL_MET = {code: True for code, _ in CRITERIA}


def _vote_plan(keys: list[str]) -> list[tuple[str, VoteChoice, str | None]]:
    """A bare majority a favor; then en contra with a dissent, abstentions, en contra..."""
    n_favor = len(keys) // 2 + 1
    plan = [(k, VoteChoice.A_FAVOR, None) for k in keys[:n_favor]]
    for i, key in enumerate(keys[n_favor:]):
        if i == 0:
            plan.append((key, VoteChoice.EN_CONTRA, f"Salvamento de voto de {key}"))
        else:
            plan.append((key, VoteChoice.ABSTENCION if i % 2 else VoteChoice.EN_CONTRA, None))
    return plan


def _solo_voz_seats(ctx, session_id) -> tuple[int, int]:
    """Two unconditional solo-voz attendance rows (ad hoc invitees if the committee has none)."""
    rows = [a for a in seats(ctx, session_id).values() if a.rights == "solo_voz" and a.condition is None]
    while len(rows) < 2:
        attendance.add_invitee(ctx, session_id, entity=f"Gobernación invitada {len(rows)}",
                                reason="Competencia territorial", condition=None)
        rows = [a for a in seats(ctx, session_id).values()
                if a.rights == "solo_voz" and a.condition is None]
    return rows[0].id, rows[1].id


@pytest.mark.parametrize("code", COMMITTEES)
def test_complete_session(admin, code):
    ctx = admin
    other_code = "GVP" if code != "GVP" else "CERREM_POBLACIONAL"

    # --- creation: numbered per committee and year ---
    s1 = new_session(ctx, code, DAY, place="Bogotá, sede UNP")
    s2 = new_session(ctx, code, date(2026, 4, 14), virtual_link="https://reunion.example/abc")
    s3 = new_session(ctx, code, date(2027, 1, 19))
    other = new_session(ctx, other_code, date(2026, 4, 14))
    with ctx.reading() as s:
        numbers = {sid: (s.get(CommitteeSession, sid).year, s.get(CommitteeSession, sid).number)
                   for sid in (s1, s2, s3, other)}
    assert numbers == {s1: (2026, 1), s2: (2026, 2), s3: (2027, 1), other: (2026, 1)}

    # --- attendance ---
    keys = voting_keys(ctx, s1)
    assert len(keys) == VOTING_SEATS[code]
    rows = seats(ctx, s1)
    attendance.set_attendance(ctx, rows[keys[0]].id, status=AttendanceStatus.PRESENTE,
                               capacity=Capacity.PRINCIPAL, person_name="Ana Titular",
                               person_position="Directora")
    attendance.set_attendance(ctx, rows[keys[1]].id, status=AttendanceStatus.PRESENTE,
                               capacity=Capacity.DELEGADO, person_name="Beto Delegado",
                               person_position="Asesor", arrival=time(9, 30), departure=time(10, 30))
    for key in keys[2:]:  # the rest leave early: at 11:00 only the first is left
        attendance.set_attendance(ctx, rows[key].id, status=AttendanceStatus.PRESENTE,
                                   person_name=f"Titular {key}", departure=time(10, 30))
    speaker, excused = _solo_voz_seats(ctx, s1)
    attendance.set_attendance(ctx, speaker, status=AttendanceStatus.PRESENTE, person_name="Invitada")
    attendance.set_attendance(ctx, excused, status=AttendanceStatus.EXCUSADO)
    absent = attendance.add_invitee(ctx, s1, entity="Personería municipal", reason="Conoce el caso",
                                     condition=None).created_id
    attendance.set_attendance(ctx, absent, status=AttendanceStatus.AUSENTE, person_name="Personero")
    start(ctx, s1)

    # --- agenda ---
    case_a = case_for(ctx, code, f"{code}-A")
    case_b = case_for(ctx, code, f"{code}-B")
    ha = put_on_agenda(ctx, s1, case_a, discussed_at=time(10, 0))
    hb = put_on_agenda(ctx, s1, case_b, discussed_at=time(11, 0))
    deliberation.update_hearing(ctx, ha, deliberation="Se analizó el estudio de riesgo.")
    deliberation.add_observation(ctx, ha, speaker, "La entidad invitada pide celeridad.")
    if code == "CERREM_UP_PCC":  # restoration measures are analysed: that seat sits
        deliberation.update_hearing(ctx, ha, restoration_measures=True)
        restoration = seats(ctx, s1)["entidades_restablecimiento"].id
        mark(ctx, s1, "entidades_restablecimiento", person_name="Ministerio de Salud")
        deliberation.add_observation(ctx, ha, restoration, "Ofrece atención psicosocial.")

    # --- votes at 10:00: everyone is there ---
    plan = _vote_plan(keys)
    for key, choice, dissent in plan:
        result = deliberation.cast_vote(ctx, ha, key, choice, dissent)
    assert result.tally.adopted, result.tally.message
    assert result.tally.a_favor == len(keys) // 2 + 1

    # --- case B at 11:00: everyone but the first left, no quorum ---
    with pytest.raises(RuleViolation) as err:
        deliberation.cast_vote(ctx, hb, keys[0], VoteChoice.A_FAVOR)
    assert_spanish(err.value, "No hay quórum", f"1 de {len(keys)} miembros")
    decisions.record_decision(ctx, hb, DecisionInput(DecisionOutcome.POSTPONED, concept="Sin quórum"))

    # --- decision on A ---
    measures = MEASURES.get(code, DEFAULT_MEASURES)
    inp = DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, concept="Riesgo extraordinario: medidas idóneas.",
        measures=[MeasureInput(m, q, MeasureAction.IMPLEMENTAR, months) for m, q, months in measures],
        matrix_pct=62.5,
    )
    if code == "CERREM_COLECTIVO":
        with pytest.raises(RuleViolation) as err:
            decisions.record_decision(ctx, ha, inp)
        assert_spanish(err.value, "reconocimiento social", "1085")
        deliberation.record_recognition(ctx, ha, ALL_MET, granted=True)
    decided = decisions.record_decision(ctx, ha, inp)
    assert decided.tally is not None and decided.tally.adopted

    # --- commitments ---
    c_pending = followup.add_commitment(ctx, s1, "Enviar el estudio actualizado", "UNP",
                                        date(2026, 3, 31), hearing_id=ha).created_id
    c_done = followup.add_commitment(ctx, s1, "Convocar a la Fiscalía", "Secretaría técnica",
                                     None).created_id
    followup.set_commitment_status(ctx, c_done, CommitmentStatus.CUMPLIDO, session_id=s1)

    # --- closing ---
    sessions.update_session(ctx, s1, end=time(12, 15), development="Sesión sin novedades.")
    sessions.set_status(ctx, s1, SessionStatus.CERRADA)

    assert [r.id for r in followup.commitments_for_session(ctx, s2)] == [c_pending]
    assert [r.id for r in followup.commitments_for_session(ctx, s3)] == [c_pending]
    assert {r.id for r in followup.commitments_for_session(ctx, s1)} == {c_pending, c_done}
    assert followup.commitments_for_session(ctx, other) == []
    # closed in the following session, it is still what the second session read (its acta
    # may be approved afterwards): pending there, cumplido where it was closed
    followup.set_commitment_status(ctx, c_pending, CommitmentStatus.CUMPLIDO, session_id=s3)
    [(as_read, status_then)] = [(r.id, r.status) for r in followup.commitments_for_session(ctx, s2)]
    assert (as_read, status_then) == (c_pending, CommitmentStatus.PENDIENTE)
    assert [(r.id, r.status) for r in followup.commitments_for_session(ctx, s3)] == [
        (c_pending, CommitmentStatus.CUMPLIDO)]
    followup.set_commitment_status(ctx, c_pending, CommitmentStatus.PENDIENTE)

    # --- what the database holds ---
    with ctx.reading() as s:
        sess = s.get(CommitteeSession, s1)
        assert (sess.status, sess.start_time, sess.end_time) == ("cerrada", time(9, 0), time(12, 15))
        assert sess.development == "Sesión sin novedades."
        headings = [it.kind for it in sess.agenda if it.kind != "caso"]
        # emergency measures are reported to every committee but the GVP (followup.record_emergency)
        assert headings == ["quorum", "compromisos", "casos"] + (["emergencia"] if code != "GVP" else []) + [
            "varios"]
        att = {a.seat_key: a for a in sess.attendance}
        first, second = att[keys[0]], att[keys[1]]
        assert (first.status, first.capacity, first.person_name, first.arrival, first.departure) == (
            "presente", "principal", "Ana Titular", None, None)
        assert (second.status, second.capacity, second.person_name, second.arrival, second.departure) == (
            "presente", "delegado", "Beto Delegado", time(9, 30), time(10, 30))
        assert all(att[k].departure == time(10, 30) for k in keys[2:])
        assert s.get(Attendance, excused).status == "excusado"
        assert (s.get(Attendance, absent).status, s.get(Attendance, absent).role) == (
            "ausente", "invitado_ocasional")
        untouched = [a for a in sess.attendance if a.person_name is None and a.id != excused]
        assert all(a.status == "ausente" for a in untouched)

        hearing = s.get(Hearing, ha)
        assert hearing.discussed_at == time(10, 0)
        assert hearing.deliberation == "Se analizó el estudio de riesgo."
        assert hearing.restoration_measures is (code == "CERREM_UP_PCC")
        votes = {v.seat_key: (v.choice, v.dissent) for v in s.scalars(select(Vote).where(Vote.hearing_id == ha))}
        assert votes == {k: (c.value, d) for k, c, d in plan}
        assert not s.scalars(select(Vote).where(Vote.hearing_id == hb)).all()
        obs = s.scalars(select(Observation).where(Observation.hearing_id == ha)).all()
        assert obs[0].text == "La entidad invitada pide celeridad."

        decision = s.scalar(select(Decision).where(Decision.hearing_id == ha))
        n_favor = len(keys) // 2 + 1
        assert (decision.outcome, decision.risk_level, decision.adopted, decision.matrix_pct) == (
            "decidido", "extraordinario", True, 62.5)
        assert (decision.a_favor, decision.en_contra + decision.abstencion) == (n_favor, len(keys) - n_favor)
        assert decision.decided_on == DAY
        assert decision.concept == "Riesgo extraordinario: medidas idóneas."
        stored = s.scalars(select(MeasureDecision).where(MeasureDecision.decision_id == decision.id)
                           .order_by(MeasureDecision.position)).all()
        assert [(m.measure_code, m.quantity, m.action, m.temporality_months, m.revaluation_date)
                for m in stored] == [
            (m, q, "implementar", months, revaluation_date(DAY, months)) for m, q, months in measures]
        # a temporality over a year is re-evaluated at the yearly mark
        assert max(m.revaluation_date for m in stored) <= date(2027, 3, 10)

        postponed = s.scalar(select(Decision).where(Decision.hearing_id == hb))
        assert (postponed.outcome, postponed.adopted, postponed.a_favor) == ("aplazado", False, 0)
        assert s.get(Case, case_a).status == ("valorado_gvp" if code == "GVP" else "recomendado")
        assert s.get(Case, case_b).status == "aplazado"

        pending = s.get(Commitment, c_pending)
        assert (pending.status, pending.committee_id, pending.hearing_id, pending.due_date) == (
            "pendiente", sess.committee_id, ha, date(2026, 3, 31))
        done = s.get(Commitment, c_done)
        assert (done.status, done.closed_session_id) == ("cumplido", s1)
        handoffs = s.scalars(select(Handoff)).all()
        assert len(handoffs) == (1 if code == "GVP" else 0)


# --- the conditional seats ----------------------------------------------------------------------


def _started(ctx, code, at=time(9, 0)):
    sid = new_session(ctx, code, DAY)
    present_all(ctx, sid, at=at)
    start(ctx, sid)
    return sid


def test_acnur_observes_only_in_displaced_cases(admin):
    sid = _started(admin, "CERREM_POBLACIONAL")
    displaced = put_on_agenda(admin, sid, new_case(admin, "DESPL-1", population_code="victimas",
                                                      displaced=True), time(10, 0))
    settled = put_on_agenda(admin, sid, new_case(admin, "NODESPL-1", population_code="victimas"),
                            time(10, 30))
    mark(admin, sid, "acnur", person_name="Oficial de protección")
    acnur = seats(admin, sid)["acnur"].id
    deliberation.add_observation(admin, displaced, acnur, "Recomienda ruta de atención a desplazados.")
    with pytest.raises(RuleViolation) as err:
        deliberation.add_observation(admin, settled, acnur, "Intento fuera de su caso.")
    assert_spanish(err.value, "ACNUR", "no tiene asiento en este caso")
    with pytest.raises(RuleViolation) as err:  # it observes; it never votes
        deliberation.cast_vote(admin, displaced, "acnur", VoteChoice.A_FAVOR)
    assert_spanish(err.value, "solo voz")
    with admin.reading() as s:
        texts = [(o.hearing_id, o.text) for o in s.scalars(select(Observation))]
    assert texts == [(displaced, "Recomienda ruta de atención a desplazados.")]


def test_population_delegates_sit_only_for_their_population(admin):
    sid = _started(admin, "CERREM_POBLACIONAL")
    victims = put_on_agenda(admin, sid, new_case(admin, "VICT-1", population_code="victimas"), time(10, 0))
    press = put_on_agenda(admin, sid, new_case(admin, "PER-1", population_code="periodistas"), time(10, 30))
    delegates = [f"delegado_pob_09_{i}" for i in range(1, 5)]
    rows = seats(admin, sid)
    assert {rows[k].population_code for k in delegates} == {"victimas"}
    for i, key in enumerate(delegates, 1):
        mark(admin, sid, key, person_name=f"Delegada de víctimas {i}")
        deliberation.add_observation(admin, victims, rows[key].id, f"Observación {i}")
    with pytest.raises(RuleViolation) as err:
        deliberation.add_observation(admin, press, rows[delegates[0]].id, "Fuera de su población.")
    assert_spanish(err.value, "no tiene asiento en este caso")
    mark(admin, sid, "delegado_pob_08_1")
    deliberation.add_observation(admin, press, rows["delegado_pob_08_1"].id, "Periodistas.")
    with pytest.raises(RuleViolation):
        deliberation.add_observation(admin, victims, rows["delegado_pob_08_1"].id, "Fuera.")
    with pytest.raises(RuleViolation) as err:
        deliberation.cast_vote(admin, victims, delegates[0], VoteChoice.A_FAVOR)
    assert_spanish(err.value, "solo voz", "no puede votar")
    # they never count for quorum: five voting seats, five present
    with admin.reading() as s:
        quorum, _ = frames.current_tally(s, s.get(Hearing, victims))
        assert (quorum.voting_seats, len(quorum.present_voting), quorum.has_quorum) == (5, 5, True)
        per_case = {h: len(s.scalars(select(Observation).where(Observation.hearing_id == h)).all())
                    for h in (victims, press)}
    assert per_case == {victims: 4, press: 1}


def test_restoration_seat_sits_only_when_restoration_is_analysed(admin):
    sid = _started(admin, "CERREM_UP_PCC")
    hid = put_on_agenda(admin, sid, new_case(admin, "UP-9", up_pcc_member=True, population_code="politicos"),
                        time(10, 0))
    mark(admin, sid, "entidades_restablecimiento")
    restoration = seats(admin, sid)["entidades_restablecimiento"].id
    with pytest.raises(RuleViolation) as err:
        deliberation.add_observation(admin, hid, restoration, "Antes de tiempo.")
    assert_spanish(err.value, "no tiene asiento")
    # a decision with a restoration measure makes the case one where they are analysed
    keys = voting_keys(admin, sid)
    for key in keys:
        deliberation.cast_vote(admin, hid, key, VoteChoice.A_FAVOR)
    decisions.record_decision(admin, hid, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTREMO,
        measures=[MeasureInput("apoyo_restablecimiento", 1, MeasureAction.IMPLEMENTAR, 6)]))
    deliberation.add_observation(admin, hid, restoration, "Ahora sí.")
    with admin.reading() as s:
        assert s.get(Hearing, hid).restoration_measures is True
        assert len(s.scalars(select(Observation)).all()) == 1


# --- routing to the right committee ---------------------------------------------------------------


def test_womans_case_goes_to_mujeres_only_by_her_choice(admin):
    mujeres = new_session(admin, "CERREM_MUJERES", DAY)
    pobl = new_session(admin, "CERREM_POBLACIONAL", DAY)
    undecided = new_case(admin, "MUJ-0", is_woman=True)
    declined = new_case(admin, "MUJ-NO", is_woman=True, women_committee_choice=False)
    chose = new_case(admin, "MUJ-SI", is_woman=True, women_committee_choice=True)
    with pytest.raises(RuleViolation) as err:
        sessions.add_case(admin, mujeres, undecided)
    assert_spanish(err.value, "decisión libre e informada")
    with pytest.raises(RuleViolation) as err:
        sessions.add_case(admin, mujeres, declined)
    assert_spanish(err.value, "eligió que su caso lo estudie el CERREM de su población")
    with pytest.raises(RuleViolation) as err:
        sessions.add_case(admin, pobl, chose)
    assert_spanish(err.value, "MUJ-SI", "CERREM_MUJERES")
    sessions.add_case(admin, mujeres, chose)
    sessions.add_case(admin, pobl, undecided)
    sessions.add_case(admin, pobl, declined)
    with admin.reading() as s:
        placed = {(h.session_id, h.case_id) for h in s.scalars(select(Hearing))}
    assert placed == {(mujeres, chose), (pobl, undecided), (pobl, declined)}


def test_public_servant_goes_to_the_special_committee(admin):
    especial = new_session(admin, "COMITE_ESPECIAL", DAY)
    pobl = new_session(admin, "CERREM_POBLACIONAL", DAY)
    servant = new_case(admin, "SERV-1", public_servant=True, population_code="servidores_publicos")
    other_servant = new_case(admin, "SERV-2", population_code="servidores_publicos")
    with pytest.raises(RuleViolation) as err:
        sessions.add_case(admin, pobl, servant)
    assert_spanish(err.value, "COMITE_ESPECIAL")
    with pytest.raises(RuleViolation) as err:
        sessions.add_case(admin, especial, other_servant)
    assert_spanish(err.value, "CERREM_POBLACIONAL", "Comité especial")
    hid = put_on_agenda(admin, especial, servant, discussed_at=time(9, 30))
    # presented individually: one case, three voting seats, all needed for quorum of 2
    present_all(admin, especial, keys=voting_keys(admin, especial)[:2])
    start(admin, especial)
    for key in voting_keys(admin, especial)[:2]:
        deliberation.cast_vote(admin, hid, key, VoteChoice.A_FAVOR)
    res = decisions.record_decision(admin, hid, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO,
        measures=[MeasureInput("vehiculo_blindado", 1, MeasureAction.IMPLEMENTAR, 12)]))
    assert res.tally.adopted and res.tally.a_favor == 2


def test_collective_checklist_before_decision(admin):
    sid = _started(admin, "CERREM_COLECTIVO")
    hid = put_on_agenda(admin, sid, new_case(admin, "COL-1", kind=CaseKind.COLECTIVO,
                                             legally_recognised=False), time(10, 0))
    for key in voting_keys(admin, sid):
        deliberation.cast_vote(admin, hid, key, VoteChoice.A_FAVOR)
    inp = DecisionInput(DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO,
                        measures=[MeasureInput("fortalecimiento_org", 1, MeasureAction.IMPLEMENTAR, 12)])
    with pytest.raises(RuleViolation) as err:
        decisions.record_decision(admin, hid, inp)
    assert_spanish(err.value, "reconocimiento social")
    partial = {k: v for k, v in ALL_MET.items() if k != "vocero"}
    deliberation.record_recognition(admin, hid, partial, granted=None)
    with pytest.raises(RuleViolation) as err:
        decisions.record_decision(admin, hid, inp)
    assert_spanish(err.value, "incompleta", "vocero")
    with admin.reading() as s:
        assert s.scalar(select(Decision)) is None
    deliberation.record_recognition(admin, hid, ALL_MET, granted=True)
    assert decisions.record_decision(admin, hid, inp).tally.adopted
    with admin.reading() as s:
        hearing = s.get(Hearing, hid)
        assert json.loads(hearing.recognition_answers) == ALL_MET
        assert hearing.recognition_granted is True
        assert hearing.decision.adopted


def test_legally_recognised_collective_needs_no_checklist(admin):
    sid = _started(admin, "CERREM_COLECTIVO")
    hid = put_on_agenda(admin, sid, new_case(admin, "COL-J", kind=CaseKind.COLECTIVO,
                                             legally_recognised=True), time(10, 0))
    for key in voting_keys(admin, sid):
        deliberation.cast_vote(admin, hid, key, VoteChoice.A_FAVOR)
    assert decisions.record_decision(admin, hid, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.ORDINARIO)).tally.adopted


# --- GVP → CERREM, emergencies ------------------------------------------------------------------------


def test_gvp_result_is_handed_to_the_right_cerrem(admin):
    gvp = _started(admin, "GVP")
    woman = new_case(admin, "GVP-M", is_woman=True, women_committee_choice=True, matrix_pct=81.0,
                     proposed_level=RiskLevel.EXTREMO)
    hid = put_on_agenda(admin, gvp, woman, time(10, 0))
    for key in voting_keys(admin, gvp):
        deliberation.cast_vote(admin, hid, key, VoteChoice.A_FAVOR)
    decisions.record_decision(admin, hid, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTREMO, concept="Concepto del GVP: esquema duro.",
        matrix_pct=82.5))

    assert followup.pending_handoffs(admin, "CERREM_POBLACIONAL") == []
    [row] = followup.pending_handoffs(admin, "CERREM_MUJERES")
    assert (row.case_id, row.radicado, row.level, row.matrix_pct, row.concept) == (
        woman, "GVP-M", RiskLevel.EXTREMO, 82.5, "Concepto del GVP: esquema duro.")
    assert row.gvp_session == "GVP sesión 001 de 2026"

    pobl = new_session(admin, "CERREM_POBLACIONAL", date(2026, 3, 17))
    with pytest.raises(RuleViolation) as err:
        followup.receive_handoff(admin, pobl, row.id)
    assert_spanish(err.value, "CERREM mujeres")
    mujeres = new_session(admin, "CERREM_MUJERES", date(2026, 3, 17))
    received = followup.receive_handoff(admin, mujeres, row.id).created_id
    with pytest.raises(RuleViolation) as err:
        followup.receive_handoff(admin, mujeres, row.id)
    assert_spanish(err.value, "ya está en el orden del día")
    assert followup.pending_handoffs(admin, "CERREM_MUJERES") == []
    with admin.reading() as s:
        hearing = s.get(Hearing, received)
        assert (hearing.session_id, hearing.case_id, hearing.source) == (mujeres, woman, "gvp")
        assert (hearing.proposal_level, hearing.proposal_pct) == ("extremo", 82.5)
        assert hearing.proposal_concept == "Concepto del GVP: esquema duro."
        assert s.scalar(select(Handoff)).received_hearing_id == received
        assert s.get(Case, woman).status == "valorado_gvp"


def test_emergency_measure_is_recorded_and_reported(admin):
    case = new_case(admin, "EMG-1", population_code="periodistas")
    with pytest.raises(ValidationError) as err:
        followup.record_emergency(admin, case, "GVP", date(2026, 11, 20), "Reubicación")
    assert_spanish(err.value, "no al GVP")
    with pytest.raises(ValidationError) as err:
        followup.record_emergency(admin, case, "CERREM_POBLACIONAL", date(2026, 12, 1), "Reubicación")
    assert_spanish(err.value, "futura")
    eid = followup.record_emergency(admin, case, "CERREM_POBLACIONAL", date(2026, 11, 20),
                                    "Reubicación temporal y botón de apoyo").created_id
    [row] = followup.emergencies(admin, "CERREM_POBLACIONAL")
    assert (row.id, row.radicado, row.description, row.reported_session_id) == (
        eid, "EMG-1", "Reubicación temporal y botón de apoyo", None)
    assert followup.emergencies(admin, "CERREM_MUJERES") == []

    sid = new_session(admin, "CERREM_POBLACIONAL", date(2026, 11, 24))
    hid = followup.report_emergency(admin, sid, eid).created_id
    with pytest.raises(RuleViolation) as err:
        followup.report_emergency(admin, sid, eid)
    assert_spanish(err.value, "ya fue informada")
    assert followup.emergencies(admin, "CERREM_POBLACIONAL") == []
    [row] = followup.emergencies(admin, "CERREM_POBLACIONAL", unreported_only=False)
    assert row.reported_session_id == sid
    with admin.reading() as s:
        assert s.scalar(select(EmergencyMeasure)).reported_session_id == sid
        hearing = s.get(Hearing, hid)
        assert (hearing.session_id, hearing.case_id, hearing.source) == (sid, case, "emergencia")
        kinds = [it.kind for it in s.get(CommitteeSession, sid).agenda]
        assert "emergencia" in kinds and "caso" in kinds


def test_a_gvp_result_that_changes_is_handed_off_as_it_stands(admin):
    gvp = _started(admin, "GVP")
    case = new_case(admin, "GVP-CAMBIO")
    hid = put_on_agenda(admin, gvp, case, time(10, 0))
    for key in voting_keys(admin, gvp):
        deliberation.cast_vote(admin, hid, key, VoteChoice.A_FAVOR)
    decided = DecisionInput(DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, concept="Primer concepto")
    decisions.record_decision(admin, hid, decided)
    assert [r.level for r in followup.pending_handoffs(admin, "CERREM_POBLACIONAL")] == [
        RiskLevel.EXTRAORDINARIO]
    # returned to the analyst: nothing is handed to the CERREM any more
    decisions.record_decision(admin, hid, DecisionInput(DecisionOutcome.RETURNED, concept="Falta soporte"))
    assert followup.pending_handoffs(admin, "CERREM_POBLACIONAL") == []
    # decided again, with another level: the hand-off says what stands now
    decisions.record_decision(admin, hid, DecisionInput(DecisionOutcome.DECIDED, RiskLevel.EXTREMO,
                                                          concept="Segundo concepto"))
    [row] = followup.pending_handoffs(admin, "CERREM_POBLACIONAL")
    assert (row.level, row.concept) == (RiskLevel.EXTREMO, "Segundo concepto")

    # once the CERREM has it on its agenda, the GVP's decision stays as it was
    pobl = new_session(admin, "CERREM_POBLACIONAL", date(2026, 3, 17))
    followup.receive_handoff(admin, pobl, row.id)
    before = snapshot(admin.db)
    for act in (lambda: decisions.record_decision(admin, hid, DecisionInput(DecisionOutcome.RETURNED)),
                lambda: decisions.record_decision(admin, hid, decided),
                lambda: decisions.withdraw_decision(admin, hid)):
        with pytest.raises(RuleViolation) as err:
            act()
        assert_spanish(err.value, "ya fue recibido por el CERREM")
    assert snapshot(admin.db) == before


# --- the time a case was discussed --------------------------------------------------------------------


def test_votes_cast_before_any_times_need_the_case_time_once_times_are_recorded(admin):
    """Without arrival or departure times, votes need no time; once someone's times are
    recorded, a case with votes must say when it was discussed, or a departure before
    it would go unnoticed."""
    sid = _started(admin, "CERREM_POBLACIONAL", at=None)
    hid = put_on_agenda(admin, sid, new_case(admin, "HORA-1", population_code="victimas"))
    keys = voting_keys(admin, sid)
    for key in keys:
        deliberation.cast_vote(admin, hid, key, VoteChoice.A_FAVOR)
    before = snapshot(admin.db)
    with pytest.raises(RuleViolation) as err:
        mark(admin, sid, keys[0], departure=time(9, 45))
    assert_spanish(err.value, "HORA-1", "votos registrados sin la hora en que se trató")
    assert snapshot(admin.db) == before
    # the missing time is accepted where the votes hold, and from then on departures are checked
    deliberation.update_hearing(admin, hid, discussed_at=time(10, 0))
    with pytest.raises(RuleViolation) as err:
        mark(admin, sid, keys[0], departure=time(9, 45))
    assert_spanish(err.value, "ya votó en el caso HORA-1 a las 10:00")
    mark(admin, sid, keys[0], departure=time(11, 0))
    result = decisions.record_decision(admin, hid, DecisionInput(DecisionOutcome.DECIDED, RiskLevel.ORDINARIO))
    assert result.tally.adopted
    with admin.reading() as s:
        assert s.get(Hearing, hid).discussed_at == time(10, 0)
        assert s.scalar(select(Attendance.departure).where(Attendance.session_id == sid,
                                                           Attendance.seat_key == keys[0])) == time(11, 0)


def test_a_missing_case_time_is_accepted_only_where_the_votes_hold(admin):
    """Votes left without the case's time by an earlier version, in a session whose
    times were recorded meanwhile: the time given must keep every vote valid."""
    sid = _started(admin, "CERREM_POBLACIONAL", at=None)
    hid = put_on_agenda(admin, sid, new_case(admin, "HORA-2", population_code="victimas"))
    keys = voting_keys(admin, sid)
    for key in keys:
        deliberation.cast_vote(admin, hid, key, VoteChoice.A_FAVOR)
    with admin.transaction() as s:  # as an older version could have left it
        s.scalar(select(Attendance).where(Attendance.session_id == sid,
                                          Attendance.seat_key == keys[4])).departure = time(9, 45)
    before = snapshot(admin.db)
    with pytest.raises(RuleViolation) as err:
        deliberation.update_hearing(admin, hid, discussed_at=time(10, 0))
    assert_spanish(err.value, "Con la hora 10:00, los votos", "no está presente a las 10:00")
    assert snapshot(admin.db) == before
    with pytest.raises(RuleViolation) as err:  # nor can more votes come in without the time
        deliberation.cast_vote(admin, hid, keys[0], VoteChoice.EN_CONTRA)
    assert_spanish(err.value, "indique la hora en que se trató el caso HORA-2")
    deliberation.update_hearing(admin, hid, discussed_at=time(9, 30))
    with admin.reading() as s:
        assert s.get(Hearing, hid).discussed_at == time(9, 30)


# --- the case's status follows its decisions ----------------------------------------------------------


def _decide_all(ctx, hid, sid, inp):
    for key in voting_keys(ctx, sid):
        deliberation.cast_vote(ctx, hid, key, VoteChoice.A_FAVOR)
    decisions.record_decision(ctx, hid, inp)


def _status(ctx, case_id):
    with ctx.reading() as s:
        return s.get(Case, case_id).status


def _withdrawal_audits(ctx, case_id):
    from comite.model import AuditEntry

    with ctx.reading() as s:
        return [json.loads(e.details)["estado_caso"] for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "decision_retirada", AuditEntry.case_id == case_id)
            .order_by(AuditEntry.id))]


def test_withdrawing_a_decision_gives_the_case_back_its_previous_status(admin):
    gvp = _started(admin, "GVP")
    case = new_case(admin, "EST-1", population_code="victimas", proposed_level=RiskLevel.EXTRAORDINARIO)
    assert _status(admin, case) == "en_estudio"
    ghid = put_on_agenda(admin, gvp, case, time(10, 0))
    _decide_all(admin, ghid, gvp, DecisionInput(DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO))
    assert _status(admin, case) == "valorado_gvp"
    [handoff] = followup.pending_handoffs(admin, "CERREM_POBLACIONAL")
    pobl = new_session(admin, "CERREM_POBLACIONAL", date(2026, 3, 17))
    present_all(admin, pobl)
    start(admin, pobl)
    chid = followup.receive_handoff(admin, pobl, handoff.id).created_id
    deliberation.update_hearing(admin, chid, discussed_at=time(10, 0))
    _decide_all(admin, chid, pobl, DecisionInput(DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO))
    assert _status(admin, case) == "recomendado"
    # the CERREM's recommendation withdrawn: the case is again as the GVP left it
    decisions.withdraw_decision(admin, chid)
    assert _status(admin, case) == "valorado_gvp"
    assert _withdrawal_audits(admin, case) == [["recomendado", "valorado_gvp"]]

    # a case with a single decision goes back to study
    other = new_case(admin, "EST-2", population_code="victimas")
    ohid = put_on_agenda(admin, gvp, other, time(11, 0))
    decisions.record_decision(admin, ohid, DecisionInput(DecisionOutcome.POSTPONED, concept="Falta información"))
    assert _status(admin, other) == "aplazado"
    decisions.withdraw_decision(admin, ohid)
    assert _status(admin, other) == "en_estudio"
    assert _withdrawal_audits(admin, other) == [["aplazado", "en_estudio"]]
    with admin.reading() as s:
        assert s.get(Hearing, ohid).decision is None


def test_withdrawing_an_earlier_decision_leaves_the_status_of_the_later_one(admin):
    first = _started(admin, "GVP")
    case = new_case(admin, "EST-3", population_code="victimas")
    h1 = put_on_agenda(admin, first, case, time(10, 0))
    decisions.record_decision(admin, h1, DecisionInput(DecisionOutcome.POSTPONED, concept="Sin estudio"))
    second = new_session(admin, "GVP", date(2026, 3, 17))
    present_all(admin, second)
    start(admin, second)
    h2 = put_on_agenda(admin, second, case, time(10, 0))
    decisions.record_decision(admin, h2, DecisionInput(DecisionOutcome.RETURNED, concept="Complementar"))
    assert _status(admin, case) == "devuelto_analista"
    # correcting the earlier session does not make it the case's latest word
    decisions.record_decision(admin, h1, DecisionInput(DecisionOutcome.POSTPONED, concept="Corregido"))
    assert _status(admin, case) == "devuelto_analista"
    decisions.withdraw_decision(admin, h1)
    assert _status(admin, case) == "devuelto_analista"
    decisions.withdraw_decision(admin, h2)
    assert _status(admin, case) == "en_estudio"


def test_on_one_day_the_cerrem_decision_is_the_latest_whatever_session_was_created_first(admin):
    """The CERREM's afternoon session was scheduled before the GVP's morning one: the case
    still ends the day as the CERREM recommended, not as the GVP valued it."""
    pobl = _started(admin, "CERREM_POBLACIONAL", at=time(14, 0))  # created first, lower id
    gvp = _started(admin, "GVP", at=time(8, 0))
    assert gvp > pobl
    case = new_case(admin, "DIA-1", population_code="victimas", proposed_level=RiskLevel.EXTRAORDINARIO)
    ghid = put_on_agenda(admin, gvp, case, time(8, 30))
    _decide_all(admin, ghid, gvp, DecisionInput(DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO))
    [handoff] = followup.pending_handoffs(admin, "CERREM_POBLACIONAL")
    chid = followup.receive_handoff(admin, pobl, handoff.id).created_id
    deliberation.update_hearing(admin, chid, discussed_at=time(15, 0))
    _decide_all(admin, chid, pobl, DecisionInput(DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO))
    assert _status(admin, case) == "recomendado"
    # two GVP sessions on one day: the later time of discussion wins, not the order of creation
    afternoon = _started(admin, "GVP", at=time(9, 0))
    morning = _started(admin, "GVP", at=time(7, 0))
    other = new_case(admin, "DIA-2", population_code="victimas")
    late = put_on_agenda(admin, afternoon, other, time(16, 0))
    early = put_on_agenda(admin, morning, other, time(7, 30))
    decisions.record_decision(admin, late, DecisionInput(DecisionOutcome.RETURNED, concept="Complementar"))
    decisions.record_decision(admin, early, DecisionInput(DecisionOutcome.POSTPONED, concept="Sin estudio"))
    assert _status(admin, other) == "devuelto_analista"


def test_the_restoration_flag_cannot_change_under_votes_it_would_invalidate(admin):
    """With a composition whose restoration seat votes (an administrator's edit), the seat
    votes once the flag is on; unsetting the flag afterwards would void that vote."""
    sid = _started(admin, "CERREM_UP_PCC")
    with admin.transaction() as s:  # the session's seats are copied into its attendance when convened
        seat = s.scalar(select(Attendance).where(Attendance.session_id == sid,
                                                 Attendance.seat_key == "entidades_restablecimiento"))
        seat.rights = "voz_y_voto"
    case = new_case(admin, "UP-10", up_pcc_member=True, population_code="politicos")
    hid = put_on_agenda(admin, sid, case, time(10, 0))
    present_all(admin, sid, keys=["entidades_restablecimiento"])
    assert "entidades_restablecimiento" not in voting_keys(admin, sid)  # not while restoration is not analysed
    deliberation.update_hearing(admin, hid, restoration_measures=True)
    with admin.reading() as s:
        version = s.get(Hearing, hid).row_version
    deliberation.cast_vote(admin, hid, "entidades_restablecimiento", VoteChoice.A_FAVOR)
    with pytest.raises(RuleViolation) as err:
        deliberation.update_hearing(admin, hid, restoration_measures=False)
    assert_spanish(err.value, "desmarcar las medidas de restablecimiento", "dejarían de valer", "retire primero")
    with admin.reading() as s:
        hearing = s.get(Hearing, hid)
        assert hearing.restoration_measures is True and len(hearing.votes) == 1  # nothing was lost
        assert hearing.row_version >= version
    # turning it on under votes that still hold is accepted (the seat simply has not voted yet)
    other = put_on_agenda(admin, sid, new_case(admin, "UP-11", up_pcc_member=True, population_code="politicos"),
                          time(11, 0))
    deliberation.cast_vote(admin, other, voting_keys(admin, sid)[0], VoteChoice.A_FAVOR)
    deliberation.update_hearing(admin, other, restoration_measures=True)
