"""Every refusal is a ComiteError with a specific Spanish message, and the
database after it is byte for byte what it was before (audit trail included)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from types import SimpleNamespace

import pytest
from sqlalchemy import select, text

from comite.domain import AttendanceStatus, DecisionOutcome, MeasureAction, RiskLevel, VoteChoice
from comite.errors import (
    ComiteError,
    ConcurrencyConflict,
    RuleViolation,
    ValidationError,
)
from comite.model import Attendance, Case, CommitteeSession, Hearing, Vote
from comite.services import cases, decisions, deliberation, sessions
from comite.services.context import ServiceContext
from comite.services.decisions import DecisionInput, MeasureInput
from tests.db.helpers import (
    assert_spanish,
    att_id,
    mark,
    new_case,
    new_session,
    present_all,
    put_on_agenda,
    seats,
    snapshot,
    start,
    vote_all,
    voting_keys,
)

DAY = date(2026, 3, 10)
POB = "CERREM_POBLACIONAL"


@pytest.fixture
def env(admin):
    """A started CERREM poblacional session: five voting members present from
    9:00, a displaced case discussed at 10:00 and a settled one at 10:30."""
    sid = new_session(admin, POB, DAY)
    keys = present_all(admin, sid, at=time(9, 0))
    start(admin, sid)
    hid = put_on_agenda(admin, sid, new_case(admin, "R-DESPL", population_code="victimas",
                                             displaced=True), time(10, 0))
    plain = put_on_agenda(admin, sid, new_case(admin, "R-PLANO", population_code="victimas"),
                          time(10, 30))
    entity = {k: r.entity for k, r in seats(admin, sid).items()}
    return SimpleNamespace(ctx=admin, sid=sid, hid=hid, plain=plain, keys=keys, entity=entity)


def _set_row(ctx: ServiceContext, model, row_id: int, **values) -> None:
    """Change a stored row directly (what another part of the program, or an
    older composition, would have left there)."""
    with ctx.transaction() as s:
        row = s.get(model, row_id)
        for name, value in values.items():
            setattr(row, name, value)


def _decide(level=RiskLevel.EXTRAORDINARIO, measures=(), outcome=DecisionOutcome.DECIDED, votes=None):
    return DecisionInput(outcome, level, concept="Concepto", measures=list(measures), votes=votes)


def _measure(code="chaleco_blindado", months=6, action=MeasureAction.IMPLEMENTAR):
    return MeasureInput(code, 1, action, months)


@dataclass
class Refusal:
    name: str
    act: Callable[[SimpleNamespace], object]
    error: type[ComiteError]
    fragments: tuple[str, ...]
    setup: Callable[[SimpleNamespace], object] = field(default=lambda e: None)


def _excuse_three(e):
    for key in e.keys[2:]:
        mark(e.ctx, e.sid, key, AttendanceStatus.EXCUSADO)


def _votes(*choices):
    def setup(e):
        for key, choice in zip(e.keys, choices, strict=False):
            deliberation.cast_vote(e.ctx, e.hid, key, choice)
    return setup


def _case_without_time(e) -> None:
    """A case on the agenda with no time recorded for it."""
    e.nohour = put_on_agenda(e.ctx, e.sid, new_case(e.ctx, "R-SIN-HORA", population_code="victimas"))


def _up_pcc_restoration_decided(e) -> None:
    """A CERREM UP-PCC case whose decision recommends a restoration measure to the
    competent entity (the only committee that recommends them)."""
    sid = new_session(e.ctx, "CERREM_UP_PCC", DAY)
    keys = present_all(e.ctx, sid, at=time(9, 0))
    start(e.ctx, sid)
    e.up_hid = put_on_agenda(e.ctx, sid, new_case(e.ctx, "R-UPPCC", population_code="politicos",
                                                   up_pcc_member=True), time(10, 0))
    deliberation.update_hearing(e.ctx, e.up_hid, restoration_measures=True)
    vote_all(e.ctx, e.up_hid, keys)
    decisions.record_decision(e.ctx, e.up_hid, _decide(measures=[
        _measure(), MeasureInput("apoyo_restablecimiento", 1, MeasureAction.IMPLEMENTAR,
                                 competent_entity="Ministerio de Salud y Protección Social")]))


def _make_last_conditional(e):
    # A voting seat that sits only for displaced cases (as a later composition could have it)
    _set_row(e.ctx, Attendance, att_id(e.ctx, e.sid, e.keys[4]), condition="displaced_cases")


REFUSALS = [
    Refusal("sin quórum", lambda e: deliberation.cast_vote(e.ctx, e.hid, e.keys[0], VoteChoice.A_FAVOR),
            RuleViolation, ("No se puede votar", "No hay quórum", "2 de 5 miembros", "se requieren 3"),
            setup=_excuse_three),
    Refusal("sin quórum, decisión",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(votes=[
                (e.keys[0], VoteChoice.A_FAVOR, None), (e.keys[1], VoteChoice.A_FAVOR, None)])),
            RuleViolation, ("No hay quórum",), setup=_excuse_three),
    Refusal("voto de solo voz",
            lambda e: deliberation.cast_vote(e.ctx, e.hid, "procuraduria", VoteChoice.A_FAVOR),
            RuleViolation, ("La Procuraduría General de la Nación tiene solo voz", "no puede votar"),
            setup=lambda e: mark(e.ctx, e.sid, "procuraduria")),
    Refusal("voto de invitado condicional (ACNUR) fuera de su caso",
            lambda e: deliberation.cast_vote(e.ctx, e.plain, "acnur", VoteChoice.A_FAVOR),
            RuleViolation, ("ACNUR", "solo voz"), setup=lambda e: mark(e.ctx, e.sid, "acnur")),
    Refusal("voto de quien ya se fue",
            lambda e: deliberation.cast_vote(e.ctx, e.hid, e.keys[4], VoteChoice.A_FAVOR),
            RuleViolation, ("no está presente a las 10:00", "no puede votar"),
            setup=lambda e: mark(e.ctx, e.sid, e.keys[4], departure=time(9, 45))),
    Refusal("voto de quien aún no llega",
            lambda e: deliberation.cast_vote(e.ctx, e.hid, e.keys[3], VoteChoice.A_FAVOR),
            RuleViolation, ("no está presente a las 10:00",),
            setup=lambda e: mark(e.ctx, e.sid, e.keys[3], arrival=time(10, 15))),
    Refusal("voto de un puesto condicional cuya condición no se cumple",
            lambda e: deliberation.cast_vote(e.ctx, e.plain, e.keys[4], VoteChoice.A_FAVOR),
            RuleViolation, ("no tiene asiento en este caso", "desplazada", "no puede votar"),
            setup=_make_last_conditional),
    Refusal("voto de un puesto que no existe",
            lambda e: deliberation.cast_vote(e.ctx, e.hid, "no_existe", VoteChoice.A_FAVOR),
            RuleViolation, ("no_existe", "no hace parte de la composición")),
    Refusal("doble voto en la lista de votos de la decisión",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(votes=[
                (k, VoteChoice.A_FAVOR, None) for k in e.keys] + [(e.keys[0], VoteChoice.EN_CONTRA, None)])),
            RuleViolation, ("votó más de una vez",)),
    Refusal("faltan votos",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide()),
            RuleViolation, ("Faltan los votos de", "Policía Nacional – Dirección de Protección",
                            "Unidad para la Atención y Reparación Integral a las Víctimas"),
            setup=_votes(VoteChoice.A_FAVOR, VoteChoice.A_FAVOR, VoteChoice.A_FAVOR)),
    Refusal("sin mayoría",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide()),
            RuleViolation, ("no se adopta", "2 votos a favor", "5 miembros con voto presentes",
                            "al menos 3"),
            setup=_votes(VoteChoice.A_FAVOR, VoteChoice.A_FAVOR, VoteChoice.EN_CONTRA,
                         VoteChoice.EN_CONTRA, VoteChoice.ABSTENCION)),
    Refusal("riesgo ordinario con medida a implementar",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(RiskLevel.ORDINARIO, [_measure()])),
            RuleViolation, ("riesgo ordinario", "Chaleco", "suspenderse o finalizarse"),
            setup=_votes(*[VoteChoice.A_FAVOR] * 5)),
    Refusal("temporalidad cero",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(measures=[_measure(months=0)])),
            ValidationError, ("temporalidad", "entre 1 y 12 meses"), setup=_votes(*[VoteChoice.A_FAVOR] * 5)),
    Refusal("temporalidad excesiva",  # at least a yearly revaluation (art. 2.4.1.2.40, par. 2)
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(measures=[_measure(months=13)])),
            ValidationError, ("temporalidad", "entre 1 y 12 meses"), setup=_votes(*[VoteChoice.A_FAVOR] * 5)),
    Refusal("implementar sin temporalidad",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(measures=[_measure(months=None)])),
            ValidationError, ("indique la temporalidad",), setup=_votes(*[VoteChoice.A_FAVOR] * 5)),
    Refusal("la misma medida dos veces",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(measures=[_measure(), _measure(months=3)])),
            ValidationError, ("está dos veces en la decisión", "una sola vez"),
            setup=_votes(*[VoteChoice.A_FAVOR] * 5)),
    Refusal("medida desconocida",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(measures=[_measure("tanque")])),
            ValidationError, ("«tanque»", "no está en el catálogo"), setup=_votes(*[VoteChoice.A_FAVOR] * 5)),
    Refusal("decisión sin nivel de riesgo",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(level=None)),
            ValidationError, ("nivel de riesgo",), setup=_votes(*[VoteChoice.A_FAVOR] * 5)),
    Refusal("decisión en sesión con acta aprobada",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide()),
            RuleViolation, ("acta aprobada", "fe de erratas"),
            setup=lambda e: (_votes(*[VoteChoice.A_FAVOR] * 5)(e),
                             _set_row(e.ctx, CommitteeSession, e.sid, locked=True))),
    Refusal("voto en sesión con acta aprobada",
            lambda e: deliberation.cast_vote(e.ctx, e.hid, e.keys[0], VoteChoice.EN_CONTRA),
            RuleViolation, ("acta aprobada",),
            setup=lambda e: (_votes(VoteChoice.A_FAVOR)(e),
                             _set_row(e.ctx, CommitteeSession, e.sid, locked=True))),
    Refusal("medidas en un caso devuelto",
            lambda e: decisions.record_decision(e.ctx, e.hid, _decide(
                None, [_measure()], outcome=DecisionOutcome.RETURNED)),
            RuleViolation, ("devuelto o aplazado no lleva medidas",)),
    Refusal("asistencia que dejaría un voto sin sustento (salida)",
            lambda e: mark(e.ctx, e.sid, e.keys[0], departure=time(9, 30)),
            RuleViolation, ("ya votó en el caso R-DESPL a las 10:00", "Retire primero el voto"),
            setup=_votes(VoteChoice.A_FAVOR)),
    Refusal("asistencia que dejaría un voto sin sustento (excusado)",
            lambda e: mark(e.ctx, e.sid, e.keys[0], AttendanceStatus.EXCUSADO),
            RuleViolation, ("ya votó en el caso R-DESPL",), setup=_votes(VoteChoice.A_FAVOR)),
    Refusal("asistencia que dejaría sin valor una decisión adoptada",
            lambda e: mark(e.ctx, e.sid, e.keys[4], arrival=time(9, 0)),
            RuleViolation, ("R-DESPL tiene una decisión adoptada a las 10:00", "Faltan los votos de",
                            "Retire primero la decisión"),
            setup=lambda e: _adopted_without_last(e)),
    Refusal("cambiar la hora de un caso con votos",
            lambda e: deliberation.update_hearing(e.ctx, e.hid, discussed_at=time(11, 0)),
            RuleViolation, ("ya tiene votos",), setup=_votes(VoteChoice.A_FAVOR)),
    Refusal("voto sin la hora del caso cuando la sesión registra horas",
            lambda e: deliberation.cast_vote(e.ctx, e.nohour, e.keys[4], VoteChoice.A_FAVOR),
            RuleViolation, ("horas de llegada o salida", "indique la hora en que se trató el caso R-SIN-HORA"),
            setup=lambda e: (_case_without_time(e), mark(e.ctx, e.sid, e.keys[4], departure=time(9, 45)))),
    Refusal("decisión con votos sin la hora del caso",
            lambda e: decisions.record_decision(e.ctx, e.nohour, _decide(votes=[
                (k, VoteChoice.A_FAVOR, None) for k in e.keys])),
            RuleViolation, ("indique la hora en que se trató el caso R-SIN-HORA",), setup=_case_without_time),
    Refusal("caso devuelto con votos y sin hora",
            lambda e: decisions.record_decision(e.ctx, e.nohour, _decide(
                None, outcome=DecisionOutcome.RETURNED, votes=[(e.keys[0], VoteChoice.A_FAVOR, None)])),
            RuleViolation, ("indique la hora en que se trató el caso R-SIN-HORA",), setup=_case_without_time),
    Refusal("desmarcar el restablecimiento con una medida de restablecimiento decidida",
            lambda e: deliberation.update_hearing(e.ctx, e.up_hid, restoration_measures=False),
            RuleViolation, ("R-UPPCC", "«Apoyo económico de restablecimiento»", "quién tenía asiento y voto",
                            "Retire primero la decisión"),
            setup=lambda e: _up_pcc_restoration_decided(e)),
    Refusal("salida antes de la llegada",
            lambda e: mark(e.ctx, e.sid, e.keys[0], departure=time(8, 0)),
            ValidationError, ("salida debe ser posterior a la de llegada",)),
    Refusal("hora de cierre antes del inicio",
            lambda e: sessions.update_session(e.ctx, e.sid, end=time(8, 30)),
            ValidationError, ("hora de cierre debe ser posterior a la hora de inicio",)),
    Refusal("sesión nueva con cierre antes del inicio",
            lambda e: sessions.create_session(e.ctx, POB, DAY, start=time(10, 0), end=time(9, 0)),
            ValidationError, ("hora de cierre",)),
    Refusal("sesión en una fecha sin conformación",
            lambda e: sessions.create_session(e.ctx, "GVP", date(2014, 1, 10)),
            ValidationError, ("GVP no tiene una conformación vigente el 10/01/2014",)),
    Refusal("votar en una sesión que no ha empezado",
            lambda e: deliberation.cast_vote(e.ctx, e.other_hid, e.keys[0], VoteChoice.A_FAVOR),
            RuleViolation, ("no está en curso",),
            setup=lambda e: setattr(e, "other_hid", put_on_agenda(
                e.ctx, new_session(e.ctx, POB, date(2026, 3, 11)), new_case(e.ctx, "R-OTRO"), time(10, 0)))),
    Refusal("cerrar sin hora de cierre",
            lambda e: sessions.set_status(e.ctx, e.sid, sessions.SessionStatus.CERRADA),
            RuleViolation, ("hora de cierre",)),
    Refusal("caso repetido en el orden del día",
            lambda e: sessions.add_case(e.ctx, e.sid, e.case_id),
            ValidationError, ("R-DESPL", "ya está en el orden del día"),
            setup=lambda e: setattr(e, "case_id", cases.find_cases(e.ctx, "R-DESPL")[0].id)),
    Refusal("retirar del orden del día un caso con votos",
            lambda e: sessions.remove_item(e.ctx, e.item_id),
            RuleViolation, ("ya tiene decisión o votos",),
            setup=lambda e: (_votes(VoteChoice.A_FAVOR)(e), setattr(e, "item_id", _item_of(e)))),
    Refusal("radicado duplicado",
            lambda e: new_case(e.ctx, "r-despl"),
            ValidationError, ("Ya existe un caso con el radicado R-DESPL",)),
    Refusal("caso individual sin documento",
            lambda e: new_case(e.ctx, "R-SIN-DOC", document_number=""),
            ValidationError, ("No se registró el caso", "falta el número de documento")),
]


def test_a_case_without_time_may_be_returned_without_votes(env):
    """Only votes need the time of the case: a case returned or postponed without
    votes is recorded even though the session records arrivals."""
    _case_without_time(env)
    decisions.record_decision(env.ctx, env.nohour, _decide(None, outcome=DecisionOutcome.POSTPONED))
    with env.ctx.reading() as s:
        assert s.get(Case, cases.find_cases(env.ctx, "R-SIN-HORA")[0].id).status == "aplazado"


def test_the_restoration_flag_may_be_unset_without_a_restoration_measure(env):
    deliberation.update_hearing(env.ctx, env.hid, restoration_measures=True)
    vote_all(env.ctx, env.hid, env.keys)
    decisions.record_decision(env.ctx, env.hid, _decide(measures=[_measure()]))
    deliberation.update_hearing(env.ctx, env.hid, restoration_measures=False)
    with env.ctx.reading() as s:
        assert s.get(Hearing, env.hid).restoration_measures is False


def _adopted_without_last(e) -> None:
    """The last voting member was excused; the other four adopted the decision."""
    mark(e.ctx, e.sid, e.keys[4], AttendanceStatus.EXCUSADO)
    vote_all(e.ctx, e.hid, e.keys[:4])
    decisions.record_decision(e.ctx, e.hid, _decide())


def test_a_late_arrival_after_an_adopted_decision_is_recorded(env):
    _adopted_without_last(env)
    mark(env.ctx, env.sid, env.keys[4], arrival=time(10, 15))
    with env.ctx.reading() as s:
        att = s.get(Attendance, att_id(env.ctx, env.sid, env.keys[4]))
        assert (att.status, att.arrival) == ("presente", time(10, 15))


def _item_of(e) -> int:
    with e.ctx.reading() as s:
        return s.get(Hearing, e.hid).agenda_item_id


@pytest.mark.parametrize("refusal", REFUSALS, ids=[r.name for r in REFUSALS])
def test_refusal_is_spanish_and_changes_nothing(env, refusal):
    refusal.setup(env)
    before = snapshot(env.ctx.db)
    with pytest.raises(ComiteError) as err:
        refusal.act(env)
    assert isinstance(err.value, refusal.error), f"{type(err.value).__name__}: {err.value}"
    assert_spanish(err.value, *refusal.fragments)
    assert snapshot(env.ctx.db) == before


def test_a_second_vote_replaces_the_first(env):
    deliberation.cast_vote(env.ctx, env.hid, env.keys[0], VoteChoice.A_FAVOR)
    deliberation.cast_vote(env.ctx, env.hid, env.keys[0], VoteChoice.EN_CONTRA, "No comparto el nivel")
    with env.ctx.reading() as s:
        votes = [(v.seat_key, v.choice, v.dissent) for v in s.scalars(select(Vote))]
    assert votes == [(env.keys[0], "en_contra", "No comparto el nivel")]


def test_votes_of_an_adopted_decision_cannot_change(env):
    vote_all(env.ctx, env.hid, env.keys)
    decisions.record_decision(env.ctx, env.hid, _decide())
    before = snapshot(env.ctx.db)
    for act in (lambda: deliberation.cast_vote(env.ctx, env.hid, env.keys[0], VoteChoice.EN_CONTRA),
                lambda: deliberation.clear_vote(env.ctx, env.hid, env.keys[0])):
        with pytest.raises(RuleViolation) as err:
            act()
        assert_spanish(err.value, "ya fue adoptada")
    assert snapshot(env.ctx.db) == before


def test_votes_outside_an_adopted_decision_are_still_checked(env):
    """A returned or postponed case records no votes the rules would refuse."""
    before = snapshot(env.ctx.db)
    with pytest.raises(RuleViolation) as err:
        decisions.record_decision(env.ctx, env.hid, _decide(
            None, outcome=DecisionOutcome.RETURNED,
            votes=[("procuraduria", VoteChoice.A_FAVOR, None)]))
    assert_spanish(err.value, "solo voz")
    assert snapshot(env.ctx.db) == before


def test_concurrent_edits_of_a_case(admin):
    case_id = new_case(admin, "R-CONC")
    other = ServiceContext(admin.db, admin.actor, today=admin.today)
    version = cases.case_summary(admin, case_id).row_version
    assert cases.case_summary(other, case_id).row_version == version
    cases.update_case(admin, case_id, expected_version=version, municipality="Popayán")
    before = snapshot(admin.db)
    with pytest.raises(ConcurrencyConflict) as err:
        cases.update_case(other, case_id, expected_version=version, municipality="Cali")
    assert_spanish(err.value, "R-CONC", "modificado por otra persona")
    assert snapshot(admin.db) == before
    with admin.reading() as s:
        case = s.get(Case, case_id)
        assert (case.municipality, case.row_version) == ("Popayán", version + 1)


def test_stale_orm_write_is_a_concurrency_conflict(admin):
    """Two editors holding the same row: the ORM's version check refuses the second."""
    case_id = new_case(admin, "R-STALE")
    first, second = admin.db.Session(), admin.db.Session()
    try:
        a, b = first.get(Case, case_id), second.get(Case, case_id)
        a.municipality = "Pasto"
        first.commit()
        b.municipality = "Tumaco"
        from sqlalchemy.orm.exc import StaleDataError

        with pytest.raises(StaleDataError):
            second.commit()
    finally:
        first.close()
        second.close()
    if admin.db.is_sqlite:
        return  # a service transaction is SQLite's one writer from its start: no write can slip in
    # and through a service transaction the same failure is the Spanish ConcurrencyConflict
    with pytest.raises(ConcurrencyConflict) as err, admin.transaction() as s:
        row = s.get(Case, case_id)
        with admin.db.engine.begin() as conn:
            conn.execute(text("UPDATE case_file SET row_version = row_version + 1 WHERE id = :id"),
                         {"id": case_id})
        row.municipality = "Ipiales"
    assert_spanish(err.value, "Otra persona modificó este registro")
    with admin.reading() as s:
        assert s.get(Case, case_id).municipality == "Pasto"


def test_voting_keys_fixture_is_what_the_refusals_assume(env):
    assert len(env.keys) == 5 and voting_keys(env.ctx, env.sid) == env.keys


def test_an_invitee_who_left_makes_no_observation(env):
    """Observations follow the same clock as votes: who left before the case was
    discussed did not speak in it."""
    mark(env.ctx, env.sid, "defensoria", departure=time(9, 45))
    defensoria = att_id(env.ctx, env.sid, "defensoria")
    before = snapshot(env.ctx.db)
    with pytest.raises(RuleViolation) as err:
        deliberation.add_observation(env.ctx, env.hid, defensoria, "Habló después de irse.")
    assert_spanish(err.value, "Defensoría del Pueblo", "no está presente a las 10:00")
    assert snapshot(env.ctx.db) == before
    mark(env.ctx, env.sid, "defensoria", departure=time(11, 0))
    deliberation.add_observation(env.ctx, env.hid, defensoria, "Presente a la hora del caso.")


def test_removal_refusal_says_beforehand_what_remove_item_would_refuse(env):
    """sessions.removal_refusal (the agenda asks it before its confirmation, #15) reads, writes
    nothing, and gives remove_item's own words."""
    item_id = _item_of(env)
    assert sessions.removal_refusal(env.ctx, item_id) is None
    _votes(VoteChoice.A_FAVOR)(env)
    before = sessions.removal_refusal(env.ctx, item_id)
    with pytest.raises(RuleViolation) as err:
        sessions.remove_item(env.ctx, item_id)
    assert before == str(err.value) and "ya tiene decisión o votos" in before
