"""The reports' figures against a small hand-built database whose answers are known (both engines),
the totals against what the demo says it generated, the reserve and the permissions.

The database (March 2026, GVP and CERREM poblacional) is written row by row so each figure can be
worked out by hand; the comments give the arithmetic. 23 March 2026 is a holiday (San José, moved to
Monday), so it is not a business day.
"""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from comite.documents import report_data as rd
from comite.domain import Role
from comite.errors import PermissionDenied, ValidationError
from comite.model import (
    AgendaItem,
    Attendance,
    Case,
    Commitment,
    Committee,
    CommitteeSession,
    Composition,
    Decision,
    EmergencyMeasure,
    Hearing,
    MeasureDecision,
    Vote,
)
from comite.rules.calendar import business_days_between
from comite.services import report_queries as q
from comite.services import reports
from comite.services.dashboard import visible_committees
from comite.services.reports import ReportQuery, build_report
from tests.conftest import make_user
from tests.db.helpers import login_ctx

MARCH = ReportQuery(date(2026, 3, 1), date(2026, 3, 31))
D = date


class Builder:
    """Writes rows directly (one transaction), returning ids."""

    def __init__(self, s):
        self.s = s
        self.committees = {c.code: c.id for c in s.scalars(select(Committee))}
        self.compositions = {cid: comp for cid, comp in s.execute(
            select(Composition.committee_id, Composition.id).order_by(Composition.valid_from))}
        self.numbers: dict[tuple[str, int], int] = {}
        self.position = 0

    def add(self, obj):
        self.s.add(obj)
        self.s.flush()
        return obj.id

    def session(self, code: str, day: date, status: str = "acta_aprobada", kind: str = "ordinaria") -> int:
        cid = self.committees[code]
        key = (code, day.year)
        self.numbers[key] = self.numbers.get(key, 0) + 1
        sid = self.add(CommitteeSession(committee_id=cid, composition_id=self.compositions[cid], year=day.year,
                                        number=self.numbers[key], session_type=kind, day=day, status=status))
        self.add(Attendance(session_id=sid, seat_key="voto", position=0, entity="Entidad", role="miembro",
                            rights="voz_y_voto"))
        return sid

    def case(self, radicado: str, *, population="ddhh_sociales", department="Cauca", route="ordinaria",
             study: date | None = None, request: date | None = None) -> int:
        return self.add(Case(radicado=radicado, kind="individual", beneficiary_name=f"Persona {radicado}",
                             population_code=population, department=department, route=route,
                             study_received=study, request_date=request))

    def hearing(self, session_id: int, case_id: int, outcome: str | None = None, level: str | None = None,
                votes: int = 0, measures=()) -> int:
        self.position += 1
        item = self.add(AgendaItem(session_id=session_id, position=self.position, kind="caso", title="Caso"))
        hid = self.add(Hearing(session_id=session_id, agenda_item_id=item, case_id=case_id))
        att = self.s.scalar(select(Attendance.id).where(Attendance.session_id == session_id))
        for i in range(votes):
            self.add(Vote(hearing_id=hid, attendance_id=att, seat_key=f"puesto{i}", choice="a_favor"))
        if outcome is not None:
            did = self.add(Decision(hearing_id=hid, outcome=outcome, risk_level=level,
                                    adopted=outcome == "decidido"))
            for code, quantity, action in measures:
                self.add(MeasureDecision(decision_id=did, measure_code=code, quantity=quantity, action=action))
        return hid

    def commitment(self, code: str, session_id: int, status: str, due: date, closed: date | None = None) -> None:
        self.add(Commitment(committee_id=self.committees[code], origin_session_id=session_id,
                            description="Compromiso de prueba", responsible="UNP", due_date=due, status=status,
                            closed_on=closed))


def build_march(ctx) -> None:
    with ctx.transaction() as s:
        b = Builder(s)
        # GVP: five sessions held, one scheduled, one cancelled, one in February (outside the period)
        s1 = b.session("GVP", D(2026, 3, 3))
        s2 = b.session("GVP", D(2026, 3, 9), "cerrada", "extraordinaria")
        s3 = b.session("GVP", D(2026, 3, 10), "acta_en_revision")
        s4 = b.session("GVP", D(2026, 3, 27))
        s5 = b.session("GVP", D(2026, 3, 31))
        s6 = b.session("GVP", D(2026, 3, 30), "programada")
        s7 = b.session("GVP", D(2026, 3, 16), "cancelada")
        s0 = b.session("GVP", D(2026, 2, 20))
        early, late = D(2026, 3, 2), D(2026, 3, 20)
        # business days study -> GVP: G1 1, G6 1, G2 5 (deadline 9/3), G3 6, G4 4 (23/3 holiday), G5 6
        b.hearing(s1, b.case("G1", study=early), "decidido", "extraordinario", votes=3)
        b.hearing(s1, b.case("G6", population="victimas", study=early), "decidido", "ordinario", votes=3)
        b.hearing(s1, b.case("G7", study=early), "devuelto")
        b.hearing(s2, b.case("G2", department="Antioquia", route="revaluacion", study=early), "decidido",
                  "extremo", votes=3)
        b.hearing(s2, b.case("G8", study=early), "aplazado")
        b.hearing(s3, b.case("G3", population="victimas", department="Antioquia", study=early), "decidido",
                  "extraordinario", votes=3)
        b.hearing(s4, b.case("G4", study=late), "decidido", "extraordinario", votes=3)
        b.hearing(s5, b.case("G5", route="emergencia", study=late), "decidido", "extraordinario", votes=3)
        b.hearing(s6, b.case("G9", study=late))
        b.hearing(s7, b.case("G10", study=early), "decidido", "extremo", votes=3,
                  measures=[("chaleco_blindado", 1, "implementar")])
        b.hearing(s0, b.case("G0", study=D(2026, 2, 16)), "decidido", "ordinario", votes=3)
        # CERREM poblacional: one session held (25/3), one in progress (26/3)
        c1 = b.session("CERREM_POBLACIONAL", D(2026, 3, 25))
        c2 = b.session("CERREM_POBLACIONAL", D(2026, 3, 26), "en_curso")
        # request -> CERREM, ordinary route: C1 36 business days (late), C2 26 (within); C3 is a revaluation
        b.hearing(c1, b.case("C1", population="victimas", request=D(2026, 2, 2)), "decidido", "extraordinario",
                  votes=3, measures=[("hombre_proteccion", 2, "implementar"), ("chaleco_blindado", 1, "implementar")])
        b.hearing(c1, b.case("C2", population="victimas", department="Antioquia", request=D(2026, 2, 16)),
                  "decidido", "extremo", votes=3,
                  measures=[("vehiculo_blindado", 1, "implementar"), ("medio_comunicacion", 1, "ratificar")])
        b.hearing(c1, b.case("C3", population="periodistas", department=None, route="revaluacion",
                             request=D(2026, 1, 5)), "decidido", "extraordinario", votes=3,
                  measures=[("boton_apoyo", 1, "finalizar")])
        b.hearing(c1, b.case("C4", request=D(2026, 2, 2)), "devuelto")
        b.hearing(c2, b.case("C5", request=D(2026, 2, 20)), votes=2)  # votes cast, decision not yet recorded
        # commitments (today is 23/11/2026)
        b.commitment("GVP", s1, "pendiente", D(2026, 3, 10))                    # overdue
        b.commitment("GVP", s1, "cumplido", D(2026, 3, 20), D(2026, 3, 9))      # on time
        b.commitment("GVP", s3, "cumplido", D(2026, 3, 12), D(2026, 3, 27))     # late
        b.commitment("GVP", s3, "cancelado", D(2026, 3, 31), D(2026, 3, 12))
        b.commitment("CERREM_POBLACIONAL", c1, "pendiente", D(2026, 12, 15))   # not yet due
        b.commitment("GVP", s0, "pendiente", D(2026, 2, 25))                    # February
        cp = b.committees["CERREM_POBLACIONAL"]
        c3 = s.scalar(select(Case.id).where(Case.radicado == "C3"))
        for adopted, reported in ((D(2026, 3, 5), c1), (D(2026, 3, 28), None), (D(2026, 2, 10), None)):
            b.add(EmergencyMeasure(case_id=c3, committee_id=cp, adopted_on=adopted, description="Medida",
                                   reported_session_id=reported))


@pytest.fixture
def march(admin):
    build_march(admin)
    return admin


def _row(table: rd.Table, key: str) -> dict:
    return dict(zip((c.key for c in table.columns), table.row(key).values, strict=True))


def test_the_calendar_facts_the_figures_rest_on():
    assert business_days_between(D(2026, 3, 20), D(2026, 3, 27)) == 4  # 23/3 is a holiday
    assert business_days_between(D(2026, 3, 20), D(2026, 3, 31)) == 6
    assert business_days_between(D(2026, 2, 2), D(2026, 3, 25)) == 36
    assert business_days_between(D(2026, 2, 16), D(2026, 3, 25)) == 26


def test_totals_sessions_and_outcomes(march):
    r = build_report(march, MARCH)
    # 6 GVP sessions (5 held + 1 scheduled; the cancelled and February ones do not count) + 2 CERREM
    assert r.totals == rd.Totals(sessions=8, hearings=14, decisions=12, votes=29, measures=5, commitments=5,
                                 emergency_measures=2)
    sessions = r.table("sesiones")
    assert _row(sessions, "GVP") == {"held": 5, "live": 0, "scheduled": 1, "total": 6, "cancelled": 1,
                                     "extraordinary": 1}
    assert _row(sessions, "CERREM_POBLACIONAL")["live"] == 1
    outcomes = r.table("resultados")
    assert _row(outcomes, "GVP") == {"heard": 9, "decidido": 6, "devuelto": 1, "aplazado": 1, "sin_decision": 1}
    assert _row(outcomes, "CERREM_POBLACIONAL") == {"heard": 5, "decidido": 3, "devuelto": 1, "aplazado": 0,
                                                    "sin_decision": 1}
    assert _row(r.table("resumen"), "CERREM_POBLACIONAL")["votes"] == 11
    assert [row.key for row in r.table("resumen").rows] == [c for c, _ in r.committees]


def test_risk_levels_by_committee_population_department_and_route(march):
    r = build_report(march, MARCH)
    levels = lambda key, row: tuple(r.table(key).row(row).values)  # noqa: E731
    assert levels("niveles_comite", "GVP") == (1, 4, 1, 6)
    assert levels("niveles_comite", "CERREM_POBLACIONAL") == (0, 2, 1, 3)
    assert levels("niveles_poblacion", "ddhh_sociales") == (0, 3, 1, 4)
    assert levels("niveles_poblacion", "victimas") == (1, 2, 1, 4)
    assert levels("niveles_poblacion", "periodistas") == (0, 1, 0, 1)
    assert levels("niveles_departamento", "Cauca") == (1, 4, 0, 5)
    assert levels("niveles_departamento", "Antioquia") == (0, 1, 2, 3)
    assert r.table("niveles_departamento").row("sin_dato").label == "Sin departamento"
    assert levels("niveles_ruta", "ordinaria") == (1, 4, 1, 6)
    assert levels("niveles_ruta", "revaluacion") == (0, 1, 1, 2)
    assert levels("niveles_ruta", "emergencia") == (0, 1, 0, 1)
    for key in ("niveles_comite", "niveles_poblacion", "niveles_departamento", "niveles_ruta"):
        assert r.table(key).total.values == (1, 6, 2, 9)


def test_measures_by_type_and_action(march):
    m = build_report(march, MARCH).table("medidas")
    assert _row(m, "hombre_proteccion") == {"implementar": 1, "ratificar": 0, "ajustar": 0, "suspender": 0,
                                            "finalizar": 0, "total": 1, "units": 2}
    assert _row(m, "medio_comunicacion")["ratificar"] == 1
    assert _row(m, "boton_apoyo")["finalizar"] == 1
    assert _row(m, rd.TOTAL_KEY)["total"] == 5 and _row(m, rd.TOTAL_KEY)["units"] == 6
    assert _row(m, "chaleco_blindado")["total"] == 1  # the cancelled session's measure is not counted
    assert m.row("hombre_proteccion").label == "Hombre de protección"


def test_timeliness_median_p90_share_and_late_cases(march):
    r = build_report(march, MARCH)
    gvp_days = [1, 1, 5, 6, 4, 6]
    g = _row(r.table("oportunidad_gvp"), "GVP")
    assert (g["cases"], g["within"], g["late"]) == (6, 4, 2)
    assert g["share"] == pytest.approx(4 / 6)
    assert g["median"] == statistics.median(gvp_days) == 4.5
    assert g["p90"] == statistics.quantiles(gvp_days, n=10, method="inclusive")[-1] == 6.0
    assert _row(r.table("oportunidad_gvp"), rd.TOTAL_KEY) == g
    route = _row(r.table("oportunidad_ruta"), "CERREM_POBLACIONAL")
    assert (route["cases"], route["within"], route["late"]) == (2, 1, 1)  # the revaluation is not on the route
    assert route["median"] == 31.0
    assert route["p90"] == pytest.approx(statistics.quantiles([26, 36], n=10, method="inclusive")[-1]) == 35.0
    assert _row(r.table("oportunidad_ruta"), "CERREM_UP_PCC")["cases"] == 0
    hist = r.table("dias_gvp")
    assert [hist.value(k, "cases") for k in ("1", "4", "5", "6")] == [2, 1, 1, 2]
    assert r.table("dias_ruta").value("26-30", "cases") == 1 and r.table("dias_ruta").value("31-35", "cases") == 0
    assert r.table("dias_ruta").value("36-40", "cases") == 1
    assert r.late_total == 3
    assert [(c.radicado, c.business_days, c.deadline, c.decided) for c in r.late_cases] == [
        ("C1", 36, D(2026, 3, 16), D(2026, 3, 25)),
        ("G3", 6, D(2026, 3, 9), D(2026, 3, 10)),
        ("G5", 6, D(2026, 3, 30), D(2026, 3, 31)),
    ]
    assert {c.stage for c in r.late_cases} == {"gvp", "ruta"}


def test_commitments_emergencies_and_monthly_trend(march):
    r = build_report(march, MARCH)
    assert _row(r.table("compromisos"), "GVP") == {"opened": 4, "cumplido": 2, "on_time": 1, "pendiente": 1,
                                                   "overdue": 1, "cancelado": 1}
    assert _row(r.table("compromisos"), "CERREM_POBLACIONAL")["overdue"] == 0
    assert _row(r.table("emergencias"), "CERREM_POBLACIONAL") == {"adopted": 2, "reported": 1, "waiting": 1}
    trend = r.table("tendencia")
    assert [row.label for row in trend.rows] == ["Marzo 2026"]
    assert _row(trend, "202603") == {"sessions": 6, "hearings": 14, "decided": 9, "measures": 5}


def test_all_time_and_one_committee(march):
    everything = build_report(march, ReportQuery())
    assert everything.period_label == "Todo el periodo registrado"
    assert everything.totals.sessions == 9 and everything.totals.commitments == 6
    assert everything.totals.emergency_measures == 3
    assert [row.label for row in everything.table("tendencia").rows] == ["Febrero 2026", "Marzo 2026"]
    gvp = build_report(march, ReportQuery(D(2026, 3, 1), D(2026, 3, 31), "GVP"))
    assert gvp.committees == (("GVP", "GVP"),)
    assert gvp.totals == rd.Totals(6, 9, 8, 18, 0, 4, 0)
    assert gvp.table("oportunidad_ruta").rows == ()


def test_an_empty_period_reports_zeros(march):
    r = build_report(march, ReportQuery(D(2020, 1, 1), D(2020, 1, 31)))
    assert r.totals == rd.Totals(0, 0, 0, 0, 0, 0, 0)
    assert r.table("oportunidad_gvp").value("GVP", "median") is None
    assert r.late_cases == ()


def test_a_period_that_ends_before_it_starts_is_refused(march):
    with pytest.raises(ValidationError, match="después de terminar"):
        build_report(march, ReportQuery(D(2026, 3, 31), D(2026, 3, 1)))


# --- permissions ------------------------------------------------------------------------------------------


def test_a_user_of_one_committee_gets_only_that_committee(march):
    make_user(march, "gvp", Role.SECRETARIA, committees=["GVP"], password="Clave-uno-2026")
    ctx = login_ctx(march.db, "gvp", "Clave-uno-2026")
    r = build_report(ctx, MARCH)
    assert r.committees == (("GVP", "GVP"),)
    assert r.totals == rd.Totals(6, 9, 8, 18, 0, 4, 0)
    assert [c.radicado for c in r.late_cases] == ["G3", "G5"]  # C1 is the CERREM's
    with pytest.raises(PermissionDenied, match="no está asignado"):
        build_report(ctx, ReportQuery(committee_code="CERREM_POBLACIONAL"))


def test_radicados_only_for_users_who_may_read_cases(march):
    make_user(march, "rev", Role.REVISOR, committees=["GVP"], password="Clave-dos-2026")
    ctx = login_ctx(march.db, "rev", "Clave-dos-2026")
    r = build_report(ctx, MARCH)
    assert r.late_total == 2 and r.late_cases == ()
    assert "no permite ver radicados" in r.radicados_note
    shown = reports.for_screen(ctx, r)  # a reviewer is not the secretariat: the reserve applies on screen
    assert shown.reserve is not None and shown.totals.hearings == 9
    assert shown.table("resultados").value("GVP", "devuelto") is None


def test_a_user_without_committees_has_no_reports(march):
    make_user(march, "nadie", Role.SECRETARIA, committees=[], password="Clave-tres-2026")
    with pytest.raises(PermissionDenied, match="no tiene comités"):
        build_report(login_ctx(march.db, "nadie", "Clave-tres-2026"), MARCH)


# --- the reserve -------------------------------------------------------------------------------------------


def _relations(table: rd.Table):
    rows = table.all_rows()
    for total, parts in table.sums:
        for row in rows:
            yield [(row.key, p) for p in (*parts, total)]
    if table.total is not None:
        for c in table.columns:
            if c.kind == rd.COUNT and c.sensitive:
                yield [(row.key if row is not table.total else rd.TOTAL_KEY, c.key) for row in rows]


def test_suppression_hides_small_cells_and_their_complements(march):
    r = reports.for_screen(march, build_report(march, MARCH))
    assert r.reserve is None  # the secretariat sees everything
    hidden = rd.apply_reserve(r, 5, rd.DEFAULT_SUPPRESSION_NOTE)
    outcomes = hidden.table("resultados")
    assert outcomes.is_suppressed("GVP", "devuelto") and outcomes.value("GVP", "devuelto") is None
    assert outcomes.value("GVP", "heard") == 9 and not outcomes.is_suppressed("GVP", "heard")
    # CERREM decided 3 (<5) is hidden; the column total (9) is shown, so GVP's 6 must be hidden too
    assert outcomes.is_suppressed("CERREM_POBLACIONAL", "decidido")
    assert outcomes.is_suppressed("GVP", "decidido")
    for table in hidden.tables:
        for relation in _relations(table):
            hidden_cells = sum(table.is_suppressed(*cell) for cell in relation)
            assert hidden_cells != 1, (table.key, relation)
        for row, column in table.suppressed:
            assert table.value(row, column) is None
    timeliness = hidden.table("oportunidad_ruta")
    assert timeliness.value("CERREM_POBLACIONAL", "median") is None  # 2 cases: the median would tell
    assert hidden.table("sesiones").suppressed == ()  # sessions identify nobody
    assert hidden.totals.sessions == 8 and hidden.totals.hearings == 14 and hidden.totals.measures == 5
    assert hidden.totals.emergency_measures is None
    assert hidden.late_cases == () and "3 casos fuera de término" in hidden.radicados_note
    assert hidden.reserve.threshold == 5 and "«<5»" in hidden.reserve.note and hidden.reserve.cells > 0
    again = rd.apply_reserve(hidden, 5, rd.DEFAULT_SUPPRESSION_NOTE)
    assert [t.suppressed for t in again.tables] == [t.suppressed for t in hidden.tables]


def test_the_threshold_is_a_setting(march, tmp_path):
    from comite.services.settings import ReportReserveSettings, report_reserve, save_report_reserve

    assert report_reserve(march).threshold == 5
    save_report_reserve(march, ReportReserveSettings(10, "Menos de {threshold} casos: suprimido."))
    assert report_reserve(march) == ReportReserveSettings(10, "Menos de {threshold} casos: suprimido.")
    with pytest.raises(ValidationError, match="umbral"):
        save_report_reserve(march, ReportReserveSettings(1, "x"))
    result = reports.export_report(march, build_report(march, MARCH), "json", tmp_path / "i.json")
    assert result.external and "Menos de 10 casos" in (tmp_path / "i.json").read_text(encoding="utf-8")


# --- exports are audited -----------------------------------------------------------------------------------


def test_every_export_is_audited(march, tmp_path):
    report = build_report(march, MARCH)
    for fmt in reports.FORMATS:
        reports.export_report(march, report, fmt, tmp_path / f"informe.{fmt}", external=fmt != "json")
    entries = _audit_entries(march)
    assert [e["formato"] for e in entries] == ["xlsx", "pdf", "json"]
    assert [e["reserva"] for e in entries] == [True, True, False]
    assert entries[0]["desde"] == "2026-03-01" and entries[0]["comites"][:2] == ["GVP", "CERREM_POBLACIONAL"]
    assert entries[2]["radicados"] == 3 and entries[0]["radicados"] == 0


def test_a_reviewer_cannot_export_without_the_reserve(march, tmp_path):
    make_user(march, "rev", Role.REVISOR, committees=["GVP"], password="Clave-dos-2026")
    ctx = login_ctx(march.db, "rev", "Clave-dos-2026")
    with pytest.raises(PermissionDenied, match="reserva"):
        reports.export_report(ctx, build_report(ctx, MARCH), "json", tmp_path / "x.json", external=False)
    assert not (tmp_path / "x.json").exists() and _audit_entries(march) == []


def test_a_failed_write_records_nothing(march, tmp_path):
    with pytest.raises(OSError):
        reports.export_report(march, build_report(march, MARCH), "json", tmp_path / "no-existe" / "x.json")
    assert _audit_entries(march) == []


def _audit_entries(ctx) -> list[dict]:
    import json

    from comite.model import AuditEntry

    with ctx.reading() as s:
        return [json.loads(d) for d in s.scalars(
            select(AuditEntry.details).where(AuditEntry.action == "informe_exportado").order_by(AuditEntry.id))]


# --- the totals agree with the demo ------------------------------------------------------------------------


def test_all_time_totals_agree_with_what_the_demo_generated(database):
    from comite.demo import fill_demo
    from comite.services import accounts
    from comite.services.context import ServiceContext
    from tests.conftest import FAST_HASH, FAST_KDF

    generated = fill_demo(database, sessions=24, cases=400, actas=1, kdf=FAST_KDF, hasher=FAST_HASH)
    password = next(p for u, _r, p in generated.accounts if u == "admin")
    ctx = ServiceContext(database, accounts.login(database, "admin", password).actor)
    totals = build_report(ctx, ReportQuery()).totals
    assert totals == rd.Totals(sessions=generated.sessions, hearings=generated.hearings,
                               decisions=generated.decisions, votes=generated.votes, measures=generated.measures,
                               commitments=generated.commitments, emergency_measures=generated.emergencies)


@pytest.mark.parametrize("start, end", [(date(2026, 3, 1), date(2026, 3, 31)), (None, None), (None, date(2026, 3, 15)),
                                        (date(2026, 3, 16), None)])
def test_the_level_cube_counts_what_the_periods_sessions_decided(march, start, end):
    """The levels by the case's attributes read every decided case on record in the index's order and
    keep those of the period's sessions: the same groups as counting the period's decisions one by one."""
    ctx = march
    with ctx.reading() as s:
        ids = [c.id for c in visible_committees(ctx)]
        scope = q.Scope(tuple(ids), start, end)
        sessions = set(s.execute(scope.sessions(select(CommitteeSession.id))).scalars())
        expected: Counter = Counter()
        for hearing in s.scalars(select(Hearing).where(Hearing.session_id.in_(sessions))):
            decision = hearing.decision
            if decision is not None and decision.outcome.value == "decidido" and decision.risk_level is not None:
                case = s.get(Case, hearing.case_id)
                expected[case.population_code, case.department, case.route.value, decision.risk_level.value] += 1
        cube = {(p, d, r, lv): n for p, d, r, lv, n in q.level_cube(s, scope)}
    assert cube == expected and sum(expected.values()) > 0
