"""Documents per case and per session besides the acta: one Word resolution per
adopted case (numbered by a configurable sequence), the convocation (PDF and
.ics), and the GVP's notification to each CERREM secretariat."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from comite.documents.data import (
    ConvocationData,
    ConvokedRow,
    FamilyMember,
    GvpNotificationData,
    MeasureRow,
    NotificationCase,
    ResolutionData,
    Signatory,
)
from comite.domain import (
    AgendaItemKind,
    AuditAction,
    AuditEntity,
    CaseKind,
    CommitteeKind,
    RiskLevel,
    SessionStatus,
)
from comite.errors import RuleViolation
from comite.model import (
    Case,
    Committee,
    CommitteeSession,
    Decision,
    EmergencyMeasure,
    Handoff,
    Hearing,
    Population,
    Resolution,
)
from comite.rules.risk import level_for_percentage
from comite.services import audit, views
from comite.services.acta import header_from_settings, measure_rows, session_info
from comite.services.catalog import get_setting, risk_bands
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action, require
from comite.services.sessions import load_session
from comite.services.settings import NUMBER_RESOLUTIONS_BY_DEFAULT, document_settings
from comite.text import plural

Progress = Callable[[int, int], None]
DEFAULT_NUMBERING = {"asignar": NUMBER_RESOLUTIONS_BY_DEFAULT, "prefijo": "", "inicio": 1}
_AFTER_SESSION = (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION, SessionStatus.ACTA_APROBADA)


def _measures(d: views.HearingDetail) -> tuple[MeasureRow, ...]:
    return measure_rows(d)


def gvp_session_phrase(s, hearing_id: int, case_id: int, day: date) -> str:
    """The GVP session that valued the case, as a resolution cites it: the one whose result
    this hearing received; else the case's latest adopted GVP decision up to ``day``.
    "" only when no GVP session of the case is recorded."""
    from comite.documents.spanish import date_in_words

    gvp = s.scalar(
        select(CommitteeSession).join(Hearing, Hearing.session_id == CommitteeSession.id)
        .join(Handoff, Handoff.gvp_hearing_id == Hearing.id).where(Handoff.received_hearing_id == hearing_id))
    if gvp is None:
        gvp = s.scalar(
            select(CommitteeSession).join(Hearing, Hearing.session_id == CommitteeSession.id)
            .join(Decision, Decision.hearing_id == Hearing.id)
            .join(Committee, Committee.id == CommitteeSession.committee_id)
            .where(Hearing.case_id == case_id, Committee.kind == CommitteeKind.GVP,
                   Decision.adopted.is_(True), CommitteeSession.day <= day)
            .order_by(CommitteeSession.day.desc(), CommitteeSession.id.desc()).limit(1))
    if gvp is None:
        return ""
    return (f"sesión {gvp.session_type.label.lower()} No. {gvp.number:03d} del "
            f"{date_in_words(gvp.day)}")


def _numbering(s: Session) -> dict[str, Any]:
    cfg = dict(DEFAULT_NUMBERING)
    cfg.update(get_setting(s, "numeracion_resoluciones", {}) or {})
    return cfg


def _assign_numbers(ctx: ServiceContext, session_id: int, hearing_ids: list[int], year: int) -> dict[int, str | None]:
    """Resolution numbers for the hearings, assigning the next ones in sequence."""
    with ctx.transaction() as s:
        cfg = _numbering(s)
        existing = {r.hearing_id: r
                    for r in s.scalars(select(Resolution).where(Resolution.hearing_id.in_(hearing_ids)))}
        if cfg["asignar"]:
            last = s.scalar(select(func.max(Resolution.number)).where(Resolution.year == year))
            nxt = max(int(cfg["inicio"]), (last or 0) + 1)
            for hid in hearing_ids:
                if hid not in existing:
                    existing[hid] = Resolution(hearing_id=hid, year=year, number=nxt, issued=None)
                    s.add(existing[hid])
                    nxt += 1
            s.flush()
            audit.record(s, ctx, AuditAction.RESOLUCIONES_NUMERADAS, AuditEntity.SESION, session_id,
                         details={"numeros": sorted(r.number for r in existing.values())})
        return {hid: (f"{cfg['prefijo']}{existing[hid].number:04d}" if hid in existing else None)
                for hid in hearing_ids}


def resolution_items(ctx: ServiceContext, session_id: int) -> list[ResolutionData]:
    """One :class:`ResolutionData` per adopted case of the session (reserved data read, audited)."""
    head = views.session_header(ctx, session_id)
    require(ctx, Action.GENERATE_DOCUMENTS, head.committee_id)
    if head.committee_kind == CommitteeKind.GVP:
        raise RuleViolation("El GVP no produce resoluciones: su resultado se notifica al CERREM.")
    if head.status not in _AFTER_SESSION:
        raise RuleViolation("Las resoluciones se generan cuando la sesión está cerrada.")
    details = [d for d in views.session_hearings(ctx, session_id) if d.adopted]
    numbers = _assign_numbers(ctx, session_id, [d.hearing_id for d in details], head.day.year)
    info = session_info(head)
    acta = f"{head.number:03d} de {head.year}"
    reserve_note = header_from_settings(ctx).reserve_note
    with ctx.transaction() as s:
        director = get_setting(s, "director_unp", {}) or {}
        pops = dict(s.execute(select(Population.code, Population.name)).all())
        bands = risk_bands(s)
        items = []
        for d in details:
            case = s.get_one(Case, d.case_id)
            emergency = tuple(s.scalars(
                select(EmergencyMeasure.description).where(EmergencyMeasure.case_id == case.id,
                                                           EmergencyMeasure.adopted_on <= head.day)
                .order_by(EmergencyMeasure.adopted_on)))
            items.append(ResolutionData(
                number=numbers.get(d.hearing_id), issued=None, committee_name=head.committee_name,
                committee_code=head.committee_code, radicado=d.radicado, kind=CaseKind(case.kind),
                beneficiary=case.beneficiary_name, document_number=case.document_number or "",
                population=pops.get(case.population_code or "", ""), request_date=case.request_date,
                study_date=case.study_received,
                gvp_session=gvp_session_phrase(s, d.hearing_id, case.id, head.day),
                gvp_level=d.proposal_level,  # what the committee validated or changed (rules.decision)
                session=info, acta_number=acta, risk_level=d.risk_level or RiskLevel.ORDINARIO,
                matrix_pct=d.matrix_pct, concept=d.concept or "", measures=_measures(d),
                family=tuple(FamilyMember(f.relationship_, f.name) for f in case.family),
                director=Signatory(director.get("nombre", ""), director.get("cargo", "Director General"),
                                   "Unidad Nacional de Protección"),
                projected_by=ctx.actor.full_name or ctx.actor.username,
                matrix_level=level_for_percentage(d.matrix_pct, bands) if d.matrix_pct is not None else None,
                matrix_departure_reason=d.matrix_departure_reason or "",
                level_change_reason=d.level_change_reason or "",
                emergency_measures=emergency if d.emergency_disposition is not None else (),
                emergency_disposition=d.emergency_disposition, emergency_note=d.emergency_note or "",
                concertation_on=d.concertation_on, concertation_with=d.concertation_with or "",
                is_woman=d.is_woman, women_committee_choice=d.women_committee_choice,
                analyst_gender=d.analyst_gender, committee_legal_basis=head.composition_legal_basis,
                reserve_note=reserve_note, template_name=head.resolution_template,
            ))
            audit.record(s, ctx, AuditAction.LECTURA_RESERVADA, AuditEntity.CASO, case.id, case_id=case.id,
                         details={"motivo": "resolución"})
    return items


def generate_resolutions(
    ctx: ServiceContext, session_id: int, out_dir: Path, *, progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None, workers: int = 1, keep_caller_free: bool = False,
) -> list[Path]:
    """Write every resolution of the session into ``out_dir`` (atomically, file by file).

    ``keep_caller_free`` (the GUI) renders in a helper process only, so the
    calling process's window keeps painting while the batch runs.
    """
    from comite.documents.resolution import write_resolutions

    items = resolution_items(ctx, session_id)
    if keep_caller_free:
        workers = max(workers, 2)
    paths = write_resolutions(items, Path(out_dir), progress=progress, cancel=cancel, workers=workers,
                              caller_renders=not keep_caller_free)
    with ctx.transaction() as s:
        audit.record(s, ctx, AuditAction.RESOLUCIONES_GENERADAS, AuditEntity.SESION, session_id,
                     details={"archivos": [p.name for p in paths]})
    return paths


# --- convocation -----------------------------------------------------------------------------

def convocation_data(ctx: ServiceContext, session_id: int) -> ConvocationData:
    head = views.session_header(ctx, session_id)
    convened = views.convened_rows(ctx, session_id)
    agenda = views.agenda_rows(ctx, session_id)
    rows = tuple(
        ConvokedRow(r.entity, r.person_name or r.person_position or "", r.role, r.rights, r.condition, r.email,
                    cases, r.ad_hoc_reason)
        for r, cases in convened
    )
    titles = []
    for r in agenda:
        if r.kind is AgendaItemKind.CASE:
            continue
        titles.append(r.title)
        if r.kind is AgendaItemKind.CASES:
            radicados = [a.radicado or "" for a in agenda if a.kind is AgendaItemKind.CASE]
            if radicados:
                titles[-1] = f"{r.title}: {plural(len(radicados), 'caso')} ({', '.join(radicados)})"
    return ConvocationData(
        header=header_from_settings(ctx, "Convocatoria"), session=session_info(head), convoked=rows,
        agenda=tuple(titles),
        secretary=Signatory(head.secretary_name or ctx.actor.full_name or ctx.actor.username,
                            head.secretary_position or "Secretaría Técnica", head.committee_short),
        uid=f"comite-sesion-{head.committee_code.lower()}-{head.year}-{head.number:03d}@comite",
        organizer_email=document_settings(ctx).secretariat_email,
    )


def generate_convocation(ctx: ServiceContext, session_id: int, out_pdf: Path, out_ics: Path | None = None) -> Changes:
    """The convocation letter (PDF) and calendar invitation (.ics); a scheduled
    session becomes *convocada*."""
    from comite.documents.convocation import build_convocation_pdf
    from comite.documents.ics import build_convocation_ics

    data = convocation_data(ctx, session_id)
    require(ctx, Action.GENERATE_DOCUMENTS, views.session_header(ctx, session_id).committee_id)
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    build_convocation_pdf(data, out_pdf)
    if out_ics is not None:
        Path(out_ics).write_bytes(build_convocation_ics(data))
    with ctx.transaction() as s:
        sess = load_session(s, session_id)
        if sess.status == SessionStatus.PROGRAMADA:
            sess.status = SessionStatus.CONVOCADA
        audit.record(s, ctx, AuditAction.CONVOCATORIA_GENERADA, AuditEntity.SESION, session_id,
                     details={"pdf": out_pdf.name, "ics": Path(out_ics).name if out_ics else None})
    message = f"Convocatoria generada en {out_pdf.name}."
    if out_ics is not None:
        missing = [r.entity for r in data.convoked if not (r.email or "").strip()]
        invited = len(data.convoked) - len(missing)
        message += f" La invitación de calendario llega a {invited} de {len(data.convoked)} convocados"
        message += (f"; sin correo registrado (agréguelo en Asistencia o envíeles la carta): "
                    f"{', '.join(missing[:6])}{' y otros' if len(missing) > 6 else ''}." if missing else ".")
    return Changes(session=True, session_id=session_id, message=message)


# --- GVP → CERREM notification -----------------------------------------------------------------

@dataclass(frozen=True)
class NotificationFiles:
    committee_code: str
    pdf: Path
    docx: Path
    cases: int


def notification_data(ctx: ServiceContext, gvp_session_id: int) -> list[GvpNotificationData]:
    """One notification per CERREM that receives cases from this GVP session."""
    head = views.session_header(ctx, gvp_session_id)
    if head.committee_kind != CommitteeKind.GVP:
        raise RuleViolation("La notificación al CERREM sale de una sesión del GVP.")
    details = {d.hearing_id: d for d in views.session_hearings(ctx, gvp_session_id)}
    by_target: dict[int, list[NotificationCase]] = {}
    with ctx.reading() as s:
        committees = {c.id: (c.code, c.name, c.short_name) for c in s.scalars(select(Committee))}
        for h in s.scalars(select(Handoff).where(Handoff.gvp_hearing_id.in_(list(details)))):
            d = details[h.gvp_hearing_id]
            by_target.setdefault(h.target_committee_id, []).append(NotificationCase(
                d.radicado, d.population or "", RiskLevel(h.level) if h.level else None, h.matrix_pct,
                h.concept or "", _measures(d), d.outcome))
    header = header_from_settings(ctx, "Notificación de resultados del GVP")
    info = session_info(head)
    sender = Signatory(head.secretary_name or ctx.actor.full_name or ctx.actor.username,
                       "Secretaría Técnica del GVP", "Unidad Nacional de Protección")
    return [
        GvpNotificationData(header, info, committees[cid][0], committees[cid][1],
                            Signatory("", "Secretaría Técnica", committees[cid][2]), tuple(cases), sender)
        for cid, cases in sorted(by_target.items())
    ]


def generate_notifications(ctx: ServiceContext, gvp_session_id: int, out_dir: Path) -> list[NotificationFiles]:
    from comite.documents.notification import build_notification_docx, build_notification_pdf

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    head = views.session_header(ctx, gvp_session_id)
    require(ctx, Action.GENERATE_DOCUMENTS, head.committee_id)
    files = []
    for data in notification_data(ctx, gvp_session_id):
        stem = f"Notificacion_GVP_{head.number:03d}-{head.year}_a_{data.target_committee_code}"
        pdf, docx = out_dir / f"{stem}.pdf", out_dir / f"{stem}.docx"
        build_notification_pdf(data, pdf)
        docx.write_bytes(build_notification_docx(data))
        files.append(NotificationFiles(data.target_committee_code, pdf, docx, len(data.cases)))
    with ctx.transaction() as s:
        audit.record(s, ctx, AuditAction.NOTIFICACION_GVP, AuditEntity.SESION, gvp_session_id,
                     details={"destinos": [f.committee_code for f in files]})
    return files
