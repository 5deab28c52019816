"""Informes: what the committees did over a period, as tables and charts, without exposing anyone.

:func:`build_report` computes, for a period (or all time) and one or all of the
committees the user may read, the figures the secretariats report upward
(DOCS: ``docs/guia_usuario.md``, «Informes»):

* sessions held (and in progress, scheduled, cancelled);
* cases treated in session by committee and outcome (decided, returned, postponed);
* risk levels decided, by committee, population, department and route;
* measures recommended by type and action;
* timeliness: business days from the study received to the GVP's decision
  (term: 5) and from the request to the CERREM's (ordinary route, term: 30),
  median, 90th percentile, the share within the term and the late cases by
  radicado (only for users who may read cases);
* commitments opened, fulfilled and overdue; emergency measures reported;
* the monthly trend.

The SQL is in :mod:`comite.services.report_queries`; the result is a
:class:`~comite.documents.report_data.Report` (a frozen tree of tables).
Reports carry aggregates only: no names, no document numbers. A report that
leaves the secretariat (:func:`export_report` with ``external=True``, and every
report a reviewer sees) goes through the reserve: small cells suppressed, no
radicados (:func:`comite.documents.report_data.apply_reserve`). Every export is
audited (``informe_exportado``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from comite.documents import report_data as rd
from comite.documents.report_data import (
    COUNT,
    DAYS,
    SHARE,
    ChartSpec,
    LateCase,
    Report,
    Row,
    Table,
    Totals,
)
from comite.documents.spanish import date_long, month_name
from comite.documents.templating import atomic_write
from comite.domain import (
    AuditAction,
    AuditEntity,
    CommitmentStatus,
    CommitteeKind,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    Role,
    Route,
)
from comite.domain import SessionStatus as St
from comite.errors import PermissionDenied, ValidationError
from comite.rules.calendar import GVP_TERM_DAYS, ORDINARY_ROUTE_DAYS
from comite.services import audit
from comite.services import report_queries as q
from comite.services.context import ServiceContext
from comite.services.dashboard import CommitteeInfo, display_labels, visible_committees
from comite.services.permissions import Action, allowed, require
from comite.services.settings import report_reserve
from comite.storage import report_facts
from comite.text import plural

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

LATE_LIMIT = 1000
"""At most this many late cases are listed (the latest first); the total is always given."""

FORMATS = ("xlsx", "pdf", "json")
REPORT_TITLE = "Informe de gestión de los comités"
Progress = Callable[[int, int], None]

_HELD = {St.CERRADA.value, St.ACTA_EN_REVISION.value, St.ACTA_APROBADA.value}
_SCHEDULED = {St.PROGRAMADA.value, St.CONVOCADA.value}
_LEVELS = tuple(RiskLevel)
_ACTIONS = tuple(MeasureAction)
GVP_BINS = tuple((d, d) for d in range(16)) + ((16, 10**6),)
ROUTE_BINS = ((0, 5),) + tuple((lo, lo + 4) for lo in range(6, 61, 5)) + ((61, 10**6),)


@dataclass(frozen=True)
class ReportQuery:
    """What to report on: a period (both ends included; ``None`` = unbounded) and one
    committee's code, or ``None`` for all the committees the user may read."""

    start: date | None = None
    end: date | None = None
    committee_code: str | None = None


def period_label(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "Todo el periodo registrado"
    if start is None:
        return f"Hasta el {date_long(end)}"  # type: ignore[arg-type]
    if end is None:
        return f"Desde el {date_long(start)}"
    return f"Del {date_long(start)} al {date_long(end)}"


def _committees(ctx: ServiceContext, code: str | None) -> list[CommitteeInfo]:
    readable = visible_committees(ctx)
    if code is None:
        if not readable:
            raise PermissionDenied(f"El usuario «{ctx.actor.username}» no tiene comités asignados: "
                                   "no hay informes que pueda consultar.")
        return readable
    chosen = [c for c in readable if c.code == code]
    if not chosen:
        raise PermissionDenied(f"El usuario «{ctx.actor.username}» no está asignado al comité «{code}»: "
                               "no puede consultar sus informes.")
    return chosen


def _check_period(query: ReportQuery) -> None:
    if query.start is not None and query.end is not None and query.start > query.end:
        raise ValidationError(f"El periodo empieza ({query.start:%d/%m/%Y}) después de terminar "
                              f"({query.end:%d/%m/%Y}): revise las fechas.")


# --- table builders ------------------------------------------------------------------------------------


def _table(key: str, title: str, row_title: str, columns: Iterable[rd.Column], rows: Iterable[Row], *,
           source: str, total: bool = True, sums: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Table:
    columns, rows = tuple(columns), tuple(rows)
    total_row = None
    if total:
        values = []
        for i, column in enumerate(columns):
            numbers = [v for r in rows if isinstance(v := r.values[i], int | float)]
            values.append(sum(numbers) if column.kind == COUNT else None)
        total_row = Row(rd.TOTAL_KEY, "Total", tuple(values))
    return Table(key, title, row_title, columns, rows, total_row, source, sums)


def _count_rows(keys_labels: Iterable[tuple[str, str]], cells: dict[str, dict[str, int]],
                columns: tuple[rd.Column, ...]) -> list[Row]:
    return [Row(key, label, tuple(cells.get(key, {}).get(c.key, 0) for c in columns))
            for key, label in keys_labels]


def _level_columns() -> tuple[rd.Column, ...]:
    return (*(rd.Column(level.value, level.label) for level in _LEVELS), rd.Column("total", "Total"))


_LEVEL_SUMS = (("total", tuple(level.value for level in _LEVELS)),)
_LEVEL_SOURCE = ("Decisiones con resultado «decidido» y nivel de riesgo, de las sesiones del periodo (no "
                 "canceladas). Un caso que decidieron el GVP y un CERREM cuenta una vez en cada comité.")


def _levels_table(key: str, title: str, row_title: str, cube: dict[str | None, dict[str, int]],
                  labels: Callable[[str | None], str], order: Callable[[str | None], Any]) -> Table:
    columns = _level_columns()
    for cells in cube.values():
        cells["total"] = sum(cells.get(level.value, 0) for level in _LEVELS)
    keys = sorted(cube, key=order)
    rows = _count_rows(((k or "sin_dato", labels(k)) for k in keys),
                       {k or "sin_dato": v for k, v in cube.items()}, columns)
    return _table(key, title, row_title, columns, rows, source=_LEVEL_SOURCE, sums=_LEVEL_SUMS)


def _month_label(month: int) -> str:
    return f"{month_name(month % 100).capitalize()} {month // 100}"


# --- the report ------------------------------------------------------------------------------------------


def build_report(ctx: ServiceContext, query: ReportQuery, *, progress: Progress | None = None,
                 late_limit: int = LATE_LIMIT) -> Report:
    """Compute the report (all of it in SQL; see the module docstring).

    Raises:
        PermissionDenied: the user may not read sessions, or not the committee asked for.
        ValidationError: the period ends before it starts.
    """
    require(ctx, Action.READ_SESSION)
    _check_period(query)
    committees = _committees(ctx, query.committee_code)
    by_id = {c.id: c for c in committees}
    scope = q.Scope(tuple(by_id), query.start, query.end)
    labels = display_labels(ctx)
    steps, done = 4, 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, steps)

    committee_rows = [(c.code, c.short_name) for c in committees]
    code_of = {c.id: c.code for c in committees}
    tables: list[Table] = []
    gvp = q.Stage("gvp", GVP_TERM_DAYS, tuple(c.id for c in committees if c.kind is CommitteeKind.GVP))
    route = q.Stage("ruta", ORDINARY_ROUTE_DAYS, tuple(c.id for c in committees if c.kind is not CommitteeKind.GVP))
    may_list = allowed(ctx, Action.READ_CASES)
    # Two connections, two threads: the counts per session and the measures here, the decided cases'
    # timeliness and levels beside them (about as long); the database does the work, and the drivers
    # let Python run the other thread meanwhile.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="informe") as pool:
        beside = pool.submit(_decided_figures, ctx, scope, gvp, route, by_id, may_list, late_limit)
        with ctx.reading() as s, q.tuned(s):
            per_session = q.per_session(s, scope)
            step()
            measures = q.measures_by_session(s, scope)
            step()
            commitments = q.commitments(s, scope, ctx.today())
            emergencies = q.emergencies(s, scope)
            step()
        level_cube, stages, late, late_total = beside.result()
        step()

    # by committee (the summary's total row is the report's totals) and by month
    summary: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    status_cells: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    outcome_cells: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_committee_level: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    monthly: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in per_session:
        code = code_of[row.committee_id]
        month = row.day.year * 100 + row.day.month
        status = row.status
        bucket = ("held" if status in _HELD else "live" if status == St.EN_CURSO.value
                  else "scheduled" if status in _SCHEDULED else "cancelled")
        status_cells[code][bucket] += 1
        if bucket == "cancelled":
            continue  # nothing of a cancelled session counts
        status_cells[code]["total"] += 1
        if row.session_type == "extraordinaria":
            status_cells[code]["extraordinary"] += 1
        decided = sum(row.outcomes.values())
        cells = summary[code]
        cells["sessions"] += 1
        cells["hearings"] += row.hearings
        cells["decisions"] += decided
        cells["votes"] += row.votes
        outcome_cells[code]["heard"] += row.hearings
        outcome_cells[code]["sin_decision"] += row.hearings - decided
        for outcome, n in row.outcomes.items():
            outcome_cells[code][outcome] += n
        for level, n in row.levels.items():
            by_committee_level[code][level] += n
        if bucket == "held":
            monthly[month]["sessions"] += 1
        monthly[month]["hearings"] += row.hearings
        monthly[month]["decided"] += row.outcomes.get(DecisionOutcome.DECIDED.value, 0)
    measure_cells: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    session_of = {row.session_id: row for row in per_session}
    for sid, measure, action, n, units in measures:
        held_in = session_of[sid]
        summary[code_of[held_in.committee_id]]["measures"] += n
        monthly[held_in.day.year * 100 + held_in.day.month]["measures"] += n
        measure_cells[measure][action] += n
        measure_cells[measure]["total"] += n
        measure_cells[measure]["units"] += int(units)
    by_population: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_department: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_route: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for population, department, case_route, level, n in level_cube:
        by_population[population][level] += n
        by_department[department][level] += n
        by_route[case_route][level] += n
    commitment_cells: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for cid, status, overdue, on_time, n in commitments:
        code = code_of[cid]
        summary[code]["commitments"] += n
        cells = commitment_cells[code]
        cells["opened"] += n
        cells[status] += n
        cells["overdue"] += n if overdue else 0
        cells["on_time"] += n if on_time else 0
    emergency_cells: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for cid, reported, n in emergencies:
        code = code_of[cid]
        summary[code]["emergency_measures"] += n
        emergency_cells[code]["adopted"] += n
        emergency_cells[code]["reported" if reported else "waiting"] += n

    c = rd.Column
    summary_columns = (
        c("sessions", "Sesiones", sensitive=False, tooltip="Sesiones del periodo, salvo las canceladas"),
        c("hearings", "Casos tratados", tooltip="Casos en el orden del día de esas sesiones"),
        c("decisions", "Decisiones", tooltip="Decisiones registradas (decidido, devuelto o aplazado)"),
        c("votes", "Votos", sensitive=False),
        c("measures", "Medidas", tooltip="Medidas recomendadas en las decisiones"),
        c("commitments", "Compromisos", sensitive=False, tooltip="Compromisos abiertos en esas sesiones"),
        c("emergency_measures", "Medidas de emergencia", tooltip="Adoptadas por el Director en el periodo"),
    )
    summary_table = _table("resumen", "Resumen por comité", "Comité", summary_columns,
                           _count_rows(committee_rows, summary, summary_columns),
                           source="Sesiones del periodo de los comités elegidos (las canceladas no cuentan).")
    tables.append(summary_table)
    totals = Totals(*(summary_table.total.values))  # type: ignore[union-attr]

    status_columns = (c("held", "Celebradas", sensitive=False), c("live", "En curso", sensitive=False),
                      c("scheduled", "Programadas", sensitive=False), c("total", "Total", sensitive=False),
                      c("cancelled", "Canceladas", sensitive=False),
                      c("extraordinary", "Extraordinarias", sensitive=False))
    tables.append(_table(
        "sesiones", "Sesiones", "Comité", status_columns, _count_rows(committee_rows, status_cells, status_columns),
        source="Celebradas: cerradas, con acta en revisión o aprobada. Total: celebradas, en curso y programadas.",
        sums=(("total", ("held", "live", "scheduled")),)))

    outcome_columns = (c("heard", "Casos tratados"),
                       *(c(o.value, o.label if o is not DecisionOutcome.RETURNED else "Devuelto")
                         for o in DecisionOutcome),
                       c("sin_decision", "Sin decisión", tooltip="En sesiones programadas o aún sin decisión"))
    tables.append(_table(
        "resultados", "Casos tratados por comité y resultado", "Comité", outcome_columns,
        _count_rows(committee_rows, outcome_cells, outcome_columns),
        source="Casos en el orden del día de las sesiones del periodo y la decisión registrada en cada una.",
        sums=(("heard", tuple(k.key for k in outcome_columns[1:])),)))

    committee_order = {code: i for i, (code, _n) in enumerate(committee_rows)}
    short = dict(committee_rows)
    tables.append(_levels_table("niveles_comite", "Niveles de riesgo por comité", "Comité", by_committee_level,
                                lambda k: short.get(k or "", k or ""), lambda k: committee_order.get(k or "", 99)))
    tables.append(_levels_table("niveles_poblacion", "Niveles de riesgo por población", "Población", by_population,
                                lambda k: labels.population(k) if k else "Sin población",
                                lambda k: (k is None, labels.population(k))))
    tables.append(_levels_table("niveles_departamento", "Niveles de riesgo por departamento", "Departamento",
                                by_department, lambda k: k or "Sin departamento", lambda k: (k is None, k or "")))
    route_order = {r.value: i for i, r in enumerate(Route)}
    tables.append(_levels_table("niveles_ruta", "Niveles de riesgo por ruta", "Ruta", by_route,
                                lambda k: Route(k).label if k in route_order else (k or "Sin ruta"),
                                lambda k: route_order.get(k or "", 99)))

    measure_columns = (*(c(a.value, a.label) for a in _ACTIONS), c("total", "Total"),
                       c("units", "Unidades", sensitive=False, basis="total",
                         tooltip="Suma de las cantidades (p. ej. hombres de protección)"))
    measure_keys = sorted(measure_cells, key=lambda m: labels.measure(m))
    tables.append(_table(
        "medidas", "Medidas recomendadas por tipo y acción", "Medida", measure_columns,
        _count_rows(((m, labels.measure(m)) for m in measure_keys), measure_cells, measure_columns),
        source="Medidas de las decisiones de las sesiones del periodo, con su acción.",
        sums=(("total", tuple(a.value for a in _ACTIONS)),)))

    for stage, per, overall, hist in stages:
        tables.extend(_timeliness_tables(stage, per, overall, hist, committees))

    commitment_columns = (
        c("opened", "Abiertos", sensitive=False), c(CommitmentStatus.CUMPLIDO.value, "Cumplidos", sensitive=False),
        c("on_time", "Cumplidos a tiempo", sensitive=False), c(CommitmentStatus.PENDIENTE.value, "Pendientes",
                                                                sensitive=False),
        c("overdue", "Vencidos", sensitive=False, tooltip="Pendientes con fecha límite anterior a hoy"),
        c(CommitmentStatus.CANCELADO.value, "Cancelados", sensitive=False))
    tables.append(_table(
        "compromisos", "Compromisos", "Comité", commitment_columns,
        _count_rows(committee_rows, commitment_cells, commitment_columns),
        source=f"Compromisos abiertos en las sesiones del periodo; vencidos a la fecha del informe "
               f"({ctx.today():%d/%m/%Y}).",
        sums=(("opened", tuple(s.value for s in CommitmentStatus)),)))

    emergency_columns = (c("adopted", "Adoptadas"), c("reported", "Reportadas al comité"),
                         c("waiting", "Por reportar"))
    tables.append(_table(
        "emergencias", "Medidas de emergencia", "Comité", emergency_columns,
        _count_rows(committee_rows, emergency_cells, emergency_columns),
        source="Medidas adoptadas por el Director sin estudio en el periodo y si ya se reportaron al comité "
               "en una sesión.", sums=(("adopted", ("reported", "waiting")),)))

    month_columns = (c("sessions", "Sesiones celebradas", sensitive=False), c("hearings", "Casos tratados"),
                     c("decided", "Casos decididos"), c("measures", "Medidas"))
    months = sorted(monthly)
    tables.append(_table(
        "tendencia", "Tendencia mensual", "Mes", month_columns,
        _count_rows(((str(m), _month_label(m)) for m in months), {str(m): v for m, v in monthly.items()},
                    month_columns),
        source="Por mes de la sesión."))

    late.sort(key=lambda x: (-x.business_days, x.radicado))
    note = "" if may_list else (f"{plural(late_total, 'caso')} fuera de término; su rol no permite ver radicados."
                                if late_total else "")
    if may_list and late_total > len(late):
        note = f"Se listan los {len(late)} con más días hábiles de {plural(late_total, 'caso')} fuera de término."
    return Report(
        title=REPORT_TITLE, period_from=query.start, period_to=query.end,
        period_label=period_label(query.start, query.end), committees=tuple(committee_rows),
        generated_at=ctx.now(), generated_by=ctx.actor.full_name or ctx.actor.username, totals=totals,
        tables=tuple(tables), charts=CHARTS, late_cases=tuple(late), late_total=late_total,
        radicados_note=note,
    )


def _decided_figures(ctx: ServiceContext, scope: q.Scope, gvp: q.Stage, route: q.Stage,
                     by_id: dict[int, CommitteeInfo], may_list: bool, late_limit: int) -> tuple:
    """The timeliness figures (one pass over the decided cases) and the levels by the cases'
    attributes, on a connection of its own: (level cube, stages, late cases, late total)."""
    stages: list[tuple[q.Stage, dict, dict, dict]] = []
    late: list[LateCase] = []
    late_total = 0
    with ctx.reading() as s, q.tuned(s), q.decided_cases(s, scope, gvp, route) as decided:
        level_cube = q.level_cube(s, scope)
        for stage, bins in ((gvp, GVP_BINS), (route, ROUTE_BINS)):
            if not stage.committee_ids:
                stages.append((stage, {}, {}, {}))
                continue
            per = decided.timeliness(stage, by_committee=True)
            overall = decided.timeliness(stage, by_committee=False)
            stages.append((stage, per, overall, decided.days_distribution(stage, bins)))
            stage_late = sum(t.late for t in per.values())
            late_total += stage_late
            if may_list and stage_late and late_limit > len(late):
                for grp, days, radicado, started, deadline, decided_on in decided.late_cases(
                        stage, late_limit - len(late)):
                    late.append(LateCase(radicado, stage.key, by_id[grp].short_name, started, deadline,
                                         decided_on, int(days)))
    return level_cube, stages, late, late_total


def _timeliness_tables(stage: q.Stage, per: dict, overall: dict, hist: dict[int, int],
                       committees: list[CommitteeInfo]) -> list[Table]:
    c = rd.Column
    gvp = stage.key == "gvp"
    columns = (c("cases", "Casos"), c("within", "Dentro del término"), c("late", "Fuera de término"),
               c("share", "% dentro del término", kind=SHARE, basis="cases"),
               c("median", "Mediana (días hábiles)", kind=DAYS, basis="cases"),
               c("p90", "Percentil 90 (días hábiles)", kind=DAYS, basis="cases"))

    def values(t: q.Timeliness | None) -> tuple:
        if t is None or not t.cases:
            return (0, 0, 0, None, None, None)
        return (t.cases, t.cases - t.late, t.late, (t.cases - t.late) / t.cases, t.median, t.p90)

    stage_committees = [x for x in committees if x.id in stage.committee_ids]
    rows = tuple(Row(x.code, x.short_name, values(per.get(x.id))) for x in stage_committees)
    total = Row(rd.TOTAL_KEY, "Total", values(overall.get(None)))
    if gvp:
        key, title = "oportunidad_gvp", f"Oportunidad del GVP (término: {GVP_TERM_DAYS} días hábiles)"
        source = ("Días hábiles (calendario colombiano) desde la recepción del estudio de riesgo hasta la "
                  "sesión del GVP que decidió el caso; fuera de término si la sesión fue después del quinto "
                  "día hábil.")
        bins, term, hist_key = GVP_BINS, GVP_TERM_DAYS, "dias_gvp"
    else:
        key, title = "oportunidad_ruta", f"Oportunidad de la ruta (término: {ORDINARY_ROUTE_DAYS} días hábiles)"
        source = ("Casos de la ruta ordinaria: días hábiles desde la solicitud de protección hasta la sesión del "
                  "CERREM (o comité especial) que los decidió; fuera de término si pasaron más de 30.")
        bins, term, hist_key = ROUTE_BINS, ORDINARY_ROUTE_DAYS, "dias_ruta"
    table = Table(key, title, "Comité", columns, rows, total, source, (("cases", ("within", "late")),))
    bin_columns = (c("cases", "Casos"),)
    bin_rows = tuple(Row(_bin_key(lo, hi), _bin_label(lo, hi), (hist.get(i, 0),)) for i, (lo, hi) in enumerate(bins))
    histogram = _table(hist_key, f"{'Recepción → GVP' if gvp else 'Solicitud → CERREM'}: casos por días hábiles",
                       "Días hábiles", bin_columns, bin_rows,
                       source=f"Distribución de los casos de «{title}». Término: {term} días hábiles.")
    return [table, histogram]


def _bin_key(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo}-{hi}" if hi < 10**6 else f"{lo}+"


def _bin_label(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo}–{hi}" if hi < 10**6 else f"{lo} o más"


def _within(bins: tuple[tuple[int, int], ...], term: int) -> tuple[str, ...]:
    return tuple(_bin_key(lo, hi) for lo, hi in bins if hi <= term)


CHARTS = (
    ChartSpec("grafico_niveles", "Niveles de riesgo por comité", "stacked_bars", "niveles_comite",
              tuple(level.value for level in _LEVELS)),
    ChartSpec("grafico_resultados", "Casos tratados por resultado", "stacked_bars", "resultados",
              (*(o.value for o in DecisionOutcome), "sin_decision")),
    ChartSpec("grafico_tendencia", "Tendencia mensual", "lines", "tendencia", ("hearings", "decided", "measures")),
    ChartSpec("grafico_gvp", f"Días hábiles hasta el GVP (término: {GVP_TERM_DAYS})", "histogram", "dias_gvp",
              ("cases",), term_label=f"Término legal: {GVP_TERM_DAYS} días hábiles",
              term_rows=_within(GVP_BINS, GVP_TERM_DAYS)),
    ChartSpec("grafico_ruta", f"Días hábiles de la ruta (término: {ORDINARY_ROUTE_DAYS})", "histogram",
              "dias_ruta", ("cases",), term_label=f"Término legal: {ORDINARY_ROUTE_DAYS} días hábiles",
              term_rows=_within(ROUTE_BINS, ORDINARY_ROUTE_DAYS)),
)


# --- the reserve, the screen and the exports -----------------------------------------------------------


def sees_small_counts(ctx: ServiceContext) -> bool:
    """Whether the user works in the secretariat (may see and export unsuppressed figures)."""
    return ctx.actor.role in (Role.ADMINISTRADOR, Role.SECRETARIA, Role.SISTEMA)


def for_screen(ctx: ServiceContext, report: Report) -> Report:
    """What the user may see on screen: everything in the secretariat, the reserved version otherwise."""
    if sees_small_counts(ctx):
        return report
    reserve = report_reserve(ctx)
    return rd.apply_reserve(report, reserve.threshold, reserve.note)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    suppressed_cells: int
    external: bool
    message: str


def render(report: Report, fmt: str, header: object) -> bytes:
    """The report as bytes in ``fmt`` (``xlsx``, ``pdf`` or ``json``)."""
    if fmt == "json":
        from comite.documents.report_json import report_json_bytes

        return report_json_bytes(report)
    if fmt == "xlsx":
        from comite.documents.report_xlsx import report_xlsx_bytes

        return report_xlsx_bytes(report, header)  # type: ignore[arg-type]
    if fmt == "pdf":
        from comite.documents.report_pdf import report_pdf_bytes

        return report_pdf_bytes(report, header)  # type: ignore[arg-type]
    raise ValidationError(f"Formato de informe desconocido: «{fmt}» (use xlsx, pdf o json).")


def export_report(ctx: ServiceContext, report: Report, fmt: str, out: Path, *, external: bool = True) -> ExportResult:
    """Write ``report`` to ``out`` in ``fmt`` and record it in the audit trail.

    ``external`` (the default): the report leaves the secretariat, so the
    reserve applies (small cells suppressed, no radicados). Only the
    secretariat's own roles may export without it. The audit entry is written
    in the same transaction as the file: if the file cannot be written nothing
    is recorded, and if the entry cannot be recorded the file is removed.

    Raises:
        PermissionDenied: the user may not export without the reserve.
        ValidationError: unknown format.
    """
    require(ctx, Action.READ_SESSION)
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValidationError(f"Formato de informe desconocido: «{fmt}» (use xlsx, pdf o json).")
    if not external and not sees_small_counts(ctx):
        raise PermissionDenied(f"El usuario «{ctx.actor.username}» ({ctx.actor.role.label.lower()}) solo puede "
                               "exportar informes con la reserva aplicada (celdas pequeñas suprimidas).")
    if external:
        reserve = report_reserve(ctx)
        report = rd.apply_reserve(report, reserve.threshold, reserve.note)
    from comite.services.acta import header_from_settings

    data = render(report, fmt, header_from_settings(ctx, REPORT_TITLE))
    out = Path(out)
    cells = report.reserve.cells if report.reserve else 0
    written = False
    try:
        with ctx.transaction() as s:
            audit.record(s, ctx, AuditAction.INFORME_EXPORTADO, AuditEntity.INFORME, details={
                "formato": fmt, "archivo": out.name, "desde": report.period_from, "hasta": report.period_to,
                "comites": [code for code, _name in report.committees], "reserva": external,
                "umbral": report.reserve.threshold if report.reserve else None, "celdas_suprimidas": cells,
                "radicados": len(report.late_cases),
            })
            s.flush()
            atomic_write(out, data)
            written = True
    except BaseException:
        if written:
            out.unlink(missing_ok=True)
        raise
    what = ("con la reserva aplicada" + (f" ({cells} celdas suprimidas)" if cells else "")) if external \
        else "para uso interno de la secretaría (sin supresión)"
    return ExportResult(out, fmt, cells, external, f"Informe {fmt.upper()} guardado en {out}, {what}.")


# --- the fact table the reports read ----------------------------------------------------------------


@dataclass(frozen=True)
class FactsStatus:
    """Whether the reports' fact table (:mod:`comite.model.facts`) says what the cases say."""

    missing_triggers: tuple[str, ...]
    stale_rows: int

    @property
    def current(self) -> bool:
        return not self.missing_triggers and not self.stale_rows

    def describe(self) -> str:
        if self.current:
            return "La tabla de los informes coincide con las audiencias, decisiones, votos y casos."
        parts = []
        if self.stale_rows:
            verb = "coincide" if self.stale_rows == 1 else "coinciden"
            parts.append(f"{plural(self.stale_rows, 'fila')} no {verb} con las audiencias, decisiones, votos y casos")
        if self.missing_triggers:
            n = len(self.missing_triggers)
            parts.append(f"{'falta' if n == 1 else 'faltan'} {plural(n, 'disparador', 'disparadores')} de los "
                         f"{len(report_facts.NAMES)} que la mantienen al día")
        return "La tabla de los informes está desactualizada: " + "; ".join(parts) + "."


def facts_status_of(conn: Connection) -> FactsStatus:
    """:class:`FactsStatus` read on ``conn`` (only reads; a whole pass over the hearings)."""
    present = report_facts.installed(conn)
    missing = tuple(n for n in report_facts.NAMES if n not in present)
    return FactsStatus(missing, report_facts.stale_rows(conn))


def repair_facts(ctx: ServiceContext) -> tuple[FactsStatus, int]:
    """Reinstall the fact table's triggers and recompute every row from the hearings, decisions,
    votes and cases, in one audited transaction; (what was found before, rows written). For a
    database whose triggers were dropped (a script, an engine upgrade) or whose table a tool
    changed: the reports would otherwise count from it.

    Raises:
        PermissionDenied: only administrators repair the database.
    """
    require(ctx, Action.MANAGE_CATALOG)
    with ctx.transaction() as s:
        conn = s.connection()
        before = facts_status_of(conn)
        report_facts.install(conn)
        rows = report_facts.rebuild(conn)
        audit.record(s, ctx, AuditAction.INFORMES_RECONSTRUIDOS, AuditEntity.INFORME, details={
            "filas": rows, "filas_distintas": before.stale_rows,
            "disparadores_faltantes": list(before.missing_triggers)})
    return before, rows
