"""The demo's sessions one after another: the session row, its agenda and
attendance, each case heard, the commitments, and at the end what is still
pending (hand-offs, emergency measures) and each case's status.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import text, update

from comite.demo.data import COMPETENT_ENTITIES, DELEGATE_POSITIONS
from comite.demo.hearings import add_emergency, emit_handoff, hold_hearing
from comite.demo.state import (
    ACTA_MAX_CASES,
    FLUSH_ROWS,
    CasePlan,
    Demo,
    Pending,
    SeatPlan,
    SessionPlan,
    clock_time,
    minute_of_day,
    utc,
)
from comite.demo.writer import ORDER
from comite.domain import (
    AgendaItemKind,
    AttendanceStatus,
    AuditAction,
    AuditEntity,
    Capacity,
    CaseKind,
    CaseStatus,
    CommitmentStatus,
    CommitteeKind,
    Rights,
    RiskLevel,
    Route,
    SeatCondition,
    SeatRole,
    SessionStatus,
)
from comite.model import (
    AgendaItem,
    Attendance,
    AttendanceCase,
    Case,
    Commitment,
    CommitteeSession,
    EmergencyMeasure,
)
from comite.services import audit


def run_sessions(g: Demo, plans: list[SessionPlan]) -> None:
    previous_day: dict[str, date] = {}
    g.awaiting_recognition = sorted(
        (c for plan in plans for c in plan.cases if c.kind == CaseKind.COLECTIVO and not c.legal),
        key=lambda c: c.gvp.day if c.gvp is not None else g.end)
    for plan in plans:
        code = plan.committee.code
        if code == "GVP":
            hearings = plan.cases
            received: list[Pending | None] = []
        else:
            pending = take_pending(g, plan)
            verify = take_recognitions(g, plan)  # no result to receive: the CERREM verifies recognition
            received = [*pending, *(None for _ in verify)]
            hearings = [p.case for p in pending] + verify
        hold_session(g, plan, hearings, received, previous_day.get(code))
        if plan.day <= g.end:
            previous_day[code] = plan.day
        if plan.day < g.end:
            g.last_held[code] = plan
        if g.writer.pending >= FLUSH_ROWS:
            g.writer.flush("sesiones")
        g.tick()
    g.writer.flush("sesiones")


def take_pending(g: Demo, plan: SessionPlan) -> list[Pending]:
    queue = g.pending[plan.committee.code]
    ready = [p for p in queue if p.ready <= plan.day]
    if plan.day > g.end:  # an upcoming session: part of the results stay pending for the GUI
        ready = ready[: len(ready) // 2]
    if ready:
        taken = {id(p) for p in ready}
        g.pending[plan.committee.code] = [p for p in queue if id(p) not in taken]
    return ready


def take_recognitions(g: Demo, plan: SessionPlan) -> list[CasePlan]:
    """Collectives without legal recognition whose GVP session is still ahead: a held CERREM
    colectivo session verifies their social recognition first (Resolución 1085 de 2015, art. 3)."""
    if plan.committee.code != "CERREM_COLECTIVO" or plan.day >= g.end or not g.awaiting_recognition:
        return []
    taken = [c for c in g.awaiting_recognition
             if c.gvp is not None and c.request <= plan.day < c.gvp.day][:6]
    if taken:
        ids = {c.id for c in taken}
        g.awaiting_recognition = [c for c in g.awaiting_recognition if c.id not in ids
                                  and (c.gvp is None or c.gvp.day > plan.day)]
    return taken


def hold_session(g: Demo, plan: SessionPlan, hearings: list[CasePlan], received: list[Pending | None],
                 previous_day: date | None) -> None:
    rng = g.rng
    committee = plan.committee
    if len(hearings) > ACTA_MAX_CASES and (plan in g.acta_final or plan is g.acta_draft):
        # too long an agenda to render the acta quickly: it stays closed (never approved without its
        # acta), and the committee's next held session takes its place if there is one
        later = [p for p in g.by_committee[committee.code] if plan.day <= p.day < g.end and p is not plan
                 and p.status == SessionStatus.CERRADA and p not in g.acta_final and p is not g.acta_draft]
        if plan is g.acta_draft:
            g.acta_draft = later[0] if later else None
        else:
            g.acta_final[g.acta_final.index(plan)] = later[0] if later else plan
            if not later:
                g.acta_final.remove(plan)
    past = plan.day < g.end
    live = plan.status == SessionStatus.EN_CURSO
    upcoming = plan.day > g.end
    n = len(hearings)
    per_case = 5 if committee.code == "GVP" else 8
    start_min = minute_of_day(plan.start)
    duration = min(30 + per_case * n + rng.randint(0, 20), 19 * 60 + 30 - start_min)
    duration = max(duration, 45)
    end_min = start_min + duration
    virtual = rng.random() < 0.45
    place = ("Sala de juntas de la Unidad Nacional de Protección, Bogotá, D.C." if committee.code in
             ("GVP", "COMITE_ESPECIAL") else "Ministerio del Interior, Bogotá, D.C.")
    session_row = {
        "id": plan.id, "committee_id": committee.id, "composition_id": committee.composition_id,
        "year": plan.day.year, "number": plan.number, "session_type": plan.session_type, "day": plan.day,
        "start_time": plan.start, "end_time": clock_time(end_min) if past else None,
        "place": place if (not virtual or rng.random() < 0.3) else None,
        "virtual_link": f"https://teams.microsoft.com/l/meetup-join/demo-{plan.id:05d}" if virtual else None,
        "status": plan.status,
        "development": (
            "Se verificó el quórum, se leyeron los compromisos pendientes y se presentaron los casos "
            "del orden del día." if past else None),
        "presiding_attendance_id": None,
        "secretary_name": committee.secretary[0], "secretary_position": committee.secretary[1],
        "locked": plan.status == SessionStatus.ACTA_APROBADA,
        "created_at": utc(plan.day - timedelta(days=10), time(9, 0)), "row_version": 1,
    }
    g.writer.add(CommitteeSession, session_row)
    g.report.sessions += 1

    # Cases and their times
    decided_until = (max(1, int(n * 0.4)) if n >= 3 else 0) if live else None
    now_min = start_min + 30 + 6 * (decided_until or 0) + 10 if live else None
    case_times: list[int | None] = []
    for k in range(n):
        if upcoming:
            case_times.append(None)
        elif live:
            case_times.append(start_min + 20 + 6 * k)
        else:
            span = max(duration - 35, 1)
            case_times.append(start_min + 20 + (k * span) // max(n, 1))
    displaced = any(c.displaced for c in hearings)
    populations = {c.population for c in hearings}
    restoration_flags = []
    for k, c in enumerate(hearings):  # restoration measures analysed: sometimes, at least once
        handed = received[k] if received else None
        level = handed.level if handed is not None else c.level
        flag = (committee.code == "CERREM_UP_PCC" and level != RiskLevel.ORDINARIO
                and (rng.random() < 0.3 or not g.restoration_shown) and not upcoming)
        g.restoration_shown = g.restoration_shown or flag
        restoration_flags.append(flag)

    # Attendance
    attendance, by_key = plan_attendance(g, plan, start_min, end_min, displaced, populations,
                                         any(restoration_flags), past or live, upcoming, now_min)
    # Agenda
    # as services.sessions.standard_agenda opens it: quorum, the agenda, the previous acta
    # (the committee's last held session: its acta awaits approval), commitments, cases
    previous = g.last_held.get(committee.code)
    kinds = [AgendaItemKind.QUORUM, AgendaItemKind.AGENDA_APPROVAL,
             *([AgendaItemKind.PREVIOUS_ACTA] if previous is not None else []),
             AgendaItemKind.COMMITMENTS, AgendaItemKind.CASES]
    tail = [AgendaItemKind.VARIOUS]
    if committee.kind == CommitteeKind.CERREM:
        tail.insert(0, AgendaItemKind.EMERGENCY)
    position = 0
    for kind in kinds:
        title = kind.label
        if kind is AgendaItemKind.PREVIOUS_ACTA and previous is not None:
            title = (f"Aprobación del acta No. {previous.number:03d} de {previous.day.year} "
                     f"(sesión del {previous.day:%d/%m/%Y})")
        g.writer.add(AgendaItem, {"id": g.next_id("agenda_item"), "session_id": plan.id,
                                     "position": position, "kind": kind, "title": title,
                                     "notes": None})
        position += 1
    item_ids = []
    for c in hearings:
        item_id = g.next_id("agenda_item")
        item_ids.append(item_id)
        g.writer.add(AgendaItem, {"id": item_id, "session_id": plan.id, "position": position,
                                     "kind": AgendaItemKind.CASE, "title": f"Caso {c.radicado}",
                                     "notes": None})
        position += 1
    for kind in tail:
        g.writer.add(AgendaItem, {"id": g.next_id("agenda_item"), "session_id": plan.id,
                                     "position": position, "kind": kind, "title": kind.label,
                                     "notes": None})
        position += 1

    # Conditional seats marked for some cases (competence / pertinence)
    marked: dict[int, list[str]] = {}
    for key in ("entidades_competentes", "responsables_medidas_colectivas", "ente_privado"):
        att = by_key.get(key)
        if att is None or att["status"] != AttendanceStatus.PRESENTE or not hearings:
            continue
        if key == "responsables_medidas_colectivas":
            chosen = [k for k, c in enumerate(hearings) if c.level != RiskLevel.ORDINARIO]
        else:
            chosen = sorted(rng.sample(range(n), min(n, rng.randint(1, 2))))
        for k in chosen:
            marked.setdefault(k, []).append(key)

    hearing_ids: list[int] = []
    for k, c in enumerate(hearings):
        hearing_id = g.next_id("hearing")
        hearing_ids.append(hearing_id)
        for key in marked.get(k, ()):
            g.writer.add(AttendanceCase, {"attendance_id": by_key[key]["id"], "hearing_id": hearing_id})
        moment = case_times[k]
        if decided_until is not None and k > decided_until:
            moment = None  # not discussed yet
        hold_hearing(g, plan, c, hearing_id, item_ids[k], clock_time(moment) if moment is not None else None,
                     received[k] if received else None, restoration_flags[k], attendance, by_key,
                     frozenset(key for key in marked.get(k, ())
                               if by_key[key]["condition"] == SeatCondition.WHEN_COMPETENT),
                     frozenset(key for key in marked.get(k, ())
                               if by_key[key]["condition"] == SeatCondition.WHEN_PERTINENT),
                     record=(past or (decided_until is not None and k < decided_until)),
                     partial_votes=(decided_until is not None and k == decided_until),
                     previous_day=previous_day)
    if past or live:
        plan_commitments(g, plan, hearings, hearing_ids, attendance)


def plan_attendance(g: Demo, plan: SessionPlan, start_min: int, end_min: int, displaced: bool,
                    populations: set[str], restoration: bool, held: bool, upcoming: bool,
                    now_min: int | None) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    rng = g.rng
    committee = plan.committee
    rows: list[dict[str, Any]] = []
    by_key: dict[str, dict[str, Any]] = {}
    delegate_present: dict[str | None, bool] = {}
    for position, seat in enumerate(committee.seats):
        status = AttendanceStatus.AUSENTE
        capacity = Capacity.PRINCIPAL
        arrival = departure = None
        person = person_position = email = None
        if held:
            status = seat_status(g, seat, displaced, populations, restoration, delegate_present)
        if status == AttendanceStatus.PRESENTE:
            woman = rng.random() < 0.5
            person = g.person_name(woman)
            if rng.random() < 0.65 and seat.role != SeatRole.PRESIDE or seat.holder.startswith("Delegad"):
                capacity = Capacity.DELEGADO
                person_position = rng.choice(DELEGATE_POSITIONS)
            else:
                person_position = seat.holder
            if seat.key == "entidades_competentes":
                person_position = f"Delegado(a) de {rng.choice(COMPETENT_ENTITIES)}"
            email = g.email(person, "demo.gov.co")
            if seat.role != SeatRole.PRESIDE:
                r = rng.random()
                if r < 0.10:
                    arrival = clock_time(start_min + rng.randint(15, 70))
                elif r < 0.18 and now_min is None:
                    departure = clock_time(end_min - rng.randint(15, 70))
                if arrival is not None and now_min is not None and minute_of_day(arrival) > now_min:
                    arrival = clock_time(now_min - 5)
                if arrival and departure and departure <= arrival:
                    departure = None
        elif upcoming and plan.status == SessionStatus.CONVOCADA and seat.condition is None:
            person_position = seat.holder
        row: dict[str, Any] = {
            "id": g.next_id("attendance"), "session_id": plan.id, "seat_id": seat.id,
            "seat_key": seat.key, "position": position, "entity": seat.entity, "role": seat.role,
            "rights": seat.rights, "condition": seat.condition, "population_code": seat.population,
            "person_name": person, "person_position": person_position, "email": email,
            "capacity": capacity, "status": status, "arrival": arrival, "departure": departure,
            "ad_hoc_reason": None, "row_version": 1,
        }
        rows.append(row)
        by_key[seat.key] = row
        g.writer.add(Attendance, row)
        if seat.role == SeatRole.PRESIDE:
            g.writer.presiding.append({"sid": plan.id, "pid": row["id"]})
    return rows, by_key


def seat_status(g: Demo, seat: SeatPlan, displaced: bool, populations: set[str], restoration: bool,
                delegate_present: dict[str | None, bool]) -> AttendanceStatus:
    r = g.rng.random()
    present, excused = AttendanceStatus.PRESENTE, AttendanceStatus.EXCUSADO
    absent = AttendanceStatus.AUSENTE
    if seat.role == SeatRole.PRESIDE:
        return present
    if seat.rights == Rights.VOZ_Y_VOTO:
        return present if r < 0.88 else excused if r < 0.95 else absent
    condition = seat.condition
    if condition is None:
        return present if r < 0.7 else excused if r < 0.85 else absent
    if condition == SeatCondition.DISPLACED_CASES:
        return present if displaced and r < 0.9 else absent
    if condition == SeatCondition.OWN_POPULATION:
        if seat.population not in populations:
            return absent
        first = seat.population not in delegate_present
        delegate_present[seat.population] = True
        return present if r < (0.75 if first else 0.3) else absent
    if condition == SeatCondition.RESTORATION_MEASURES:
        return present if restoration and r < 0.9 else absent
    if seat.key == "responsables_medidas_colectivas":
        return present if r < 0.6 else absent
    if condition == SeatCondition.WHEN_COMPETENT:
        return present if r < 0.25 else absent
    return present if r < 0.05 else absent  # when pertinent


UNP_PROTECTION = "Unidad Nacional de Protección – Subdirección de Protección"
UNP_RISK = "Unidad Nacional de Protección – Subdirección de Evaluación del Riesgo"
POLICE_PROTECTION = "Policía Nacional – Dirección de Protección y Servicios Especiales"
INTERIOR_HUMAN_RIGHTS = "Ministerio del Interior – Dirección de Derechos Humanos"  # follows collectives


def plan_commitments(g: Demo, plan: SessionPlan, hearings: list[CasePlan], hearing_ids: list[int],
                     attendance: list[dict[str, Any]]) -> None:
    rng = g.rng
    secretariat = f"Secretaría Técnica del {plan.committee.short_name}"
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        k = rng.randrange(len(hearings)) if hearings and rng.random() < 0.6 else None
        c = hearings[k] if k is not None else None
        # each commitment goes to the entity whose competence it is
        if c is not None:
            options = [
                (f"Oficiar a la Fiscalía para que informe el avance de la investigación del caso {c.radicado}.",
                 secretariat),
                (f"Verificar la implementación de las medidas del caso {c.radicado}.", UNP_PROTECTION),
                (f"Realizar rondas de protección en {c.municipality} (caso {c.radicado}).", POLICE_PROTECTION),
                (f"Actualizar el estudio de riesgo del caso {c.radicado} con los hechos sobrevinientes.",
                 UNP_RISK),
            ]
            if c.kind == CaseKind.COLECTIVO:
                options.append((f"Hacer el seguimiento de las medidas colectivas del caso {c.radicado}.",
                                INTERIOR_HUMAN_RIGHTS))
            if c.id in g.restoration_entity:
                entity = g.restoration_entity[c.id]
                options.append((f"Informar la atención de la medida de restablecimiento recomendada en el caso "
                                f"{c.radicado}.", entity))
            description, entity = rng.choice(options)
        else:
            description, entity = rng.choice((
                ("Remitir a las entidades el borrador del acta para sus observaciones.", secretariat),
                ("Consolidar el informe mensual de casos valorados.", secretariat),
                ("Convocar a las entidades competentes para la concertación de medidas colectivas.",
                 INTERIOR_HUMAN_RIGHTS if plan.committee.code == "CERREM_COLECTIVO" else secretariat),
            ))
        due = plan.day + timedelta(days=rng.randint(5, 30))
        status = CommitmentStatus.PENDIENTE
        closed_session = closed_on = None
        if due < g.end and rng.random() < 0.72:
            later = [p for p in g.by_committee[plan.committee.code]
                     if p.day > plan.day and p.day >= due - timedelta(days=7) and p.day < g.end]
            if later:
                status = CommitmentStatus.CUMPLIDO
                closed_session, closed_on = later[0].id, later[0].day
        elif rng.random() < 0.04:
            status, closed_on = CommitmentStatus.CANCELADO, plan.day + timedelta(days=3)
        g.commitments.append({
            "id": g.next_id("commitment"), "committee_id": plan.committee.id, "origin_session_id": plan.id,
            "hearing_id": hearing_ids[k] if k is not None else None, "description": description,
            "responsible": entity, "due_date": due, "status": status, "closed_session_id": closed_session,
            "closed_on": closed_on, "row_version": 1,
        })


def finish(g: Demo, cases: list[CasePlan]) -> None:
    rng = g.rng
    for code, queue in g.pending.items():
        for p in queue:
            emit_handoff(g, p, received_hearing_id=None)
            g.report.pending_handoffs += 1
        last = [p.day for p in g.by_committee[code] if p.day <= g.end]
        last_day = last[-1] if last else g.start
        for p in queue:
            if p.case.route == Route.EMERGENCIA and p.case.id not in g.emergency_done:
                low = last_day + timedelta(days=1)
                adopted = low + timedelta(days=rng.randint(0, max(0, (g.end - low).days)))
                add_emergency(g, p.case, g.committees[code], min(adopted, g.end), reported=None)
    for c in cases:  # emergency cases still in study: their measure waits for the next session
        if c.route == Route.EMERGENCIA and c.gvp is None and c.id not in g.emergency_done:
            committee = g.committees[c.target]
            add_emergency(g, c, committee, g.end - timedelta(days=rng.randint(0, 6)), reported=None)
    for row in g.emergencies:
        g.writer.add(EmergencyMeasure, row)
    for row in g.commitments:
        g.writer.add(Commitment, row)
    g.report.emergencies = len(g.emergencies)
    g.report.commitments = len(g.commitments)
    g.writer.flush("resultados del GVP por recibir, compromisos y medidas de emergencia")
    by_status: dict[str, list[int]] = {}
    for c in cases:
        if c.status is not CaseStatus.EN_ESTUDIO:
            by_status.setdefault(c.status, []).append(c.id)
    with g.ctx.transaction() as s:
        table = Case.__table__
        for status, ids in by_status.items():
            for i in range(0, len(ids), 5000):
                s.execute(update(table).where(table.c.id.in_(ids[i:i + 5000])).values(status=status))
        if s.get_bind().dialect.name == "postgresql":
            for model in ORDER:
                if model is AttendanceCase:
                    continue
                name = model.__tablename__
                s.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {name}), 1))"
                ))
        audit.record(s, g.ctx, AuditAction.DEMO_GENERADO, AuditEntity.DEMO,
                     details={"contenido": "estado de los casos",
                              "casos": {k: len(v) for k, v in by_status.items()}})
