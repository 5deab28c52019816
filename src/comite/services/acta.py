"""The acta: built from what the session recorded, reviewed as numbered drafts,
approved once (final PDF, SHA-256 stored, session locked), corrected only by a
numbered *fe de erratas* that keeps every earlier version."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from sqlalchemy import func, select

from comite.documents.data import (
    ActaData,
    AttendeeRow,
    CaseBlock,
    CommitmentRow,
    DocumentHeader,
    EmergencyRow,
    MeasureRow,
    ObservationRow,
    SessionInfo,
    Signatory,
    VoteRow,
)
from comite.domain import (
    ActaKind,
    AgendaItemKind,
    AttendanceStatus,
    AuditAction,
    AuditEntity,
    CaseKind,
    ReviewChannel,
    SeatRole,
    SessionStatus,
)
from comite.errors import NotFound, RuleViolation, ValidationError
from comite.model import (
    ActaVersion,
    Attendance,
    Case,
    Committee,
    CommitteeSession,
    EmergencyMeasure,
    ReviewObservation,
)
from comite.rules.collective import CRITERIA
from comite.rules.quorum import quorum_for_case
from comite.rules.rights import CaseView
from comite.services import audit, views
from comite.services.catalog import get_setting
from comite.services.context import Changes, ServiceContext
from comite.services.followup import commitments_for_session
from comite.services.frames import attendance_view, seat_view
from comite.services.permissions import Action, require
from comite.services.review_rounds import apply_lapsed_terms, review_annex
from comite.services.sessions import load_session
from comite.services.settings import stored_date
from comite.storage.database import Database

_CRITERIA_TEXT = dict(CRITERIA)


def header_from_settings(ctx: ServiceContext, title: str = "Acta de sesión") -> DocumentHeader:
    with ctx.reading() as s:
        cfg = get_setting(s, "encabezado_documentos", {}) or {}
    base = DocumentHeader()
    return DocumentHeader(
        entity=cfg.get("entidad", base.entity), process=cfg.get("proceso", base.process),
        document_title=title, code=cfg.get("codigo", base.code), version=cfg.get("version", base.version),
        issued=stored_date(cfg.get("fecha"), base.issued), reserve_note=cfg.get("reserva", base.reserve_note),
    )


def session_info(h: views.SessionHeader) -> SessionInfo:
    return SessionInfo(h.committee_code, h.committee_name, h.number, h.year, h.session_type, h.day, h.start,
                       h.end, h.place, h.virtual_link, h.committee_short or "", modality=h.modality,
                       committee_legal_basis=h.composition_legal_basis)


def _part_time(r: views.AttendanceRow, start: time | None, end: time | None) -> bool:
    """Present, but arrived after the session opened or left before it closed."""
    return r.status is AttendanceStatus.PRESENTE and (
        (r.arrival is not None and start is not None and r.arrival > start)
        or (r.departure is not None and (end is None or r.departure < end)))


def _attendees(rows: list[views.AttendanceRow], hearings: list[views.HearingDetail],
               start: time | None = None, end: time | None = None) -> tuple[AttendeeRow, ...]:
    """The attendance list. A conditional seat (ACNUR for displaced population, a
    population's delegates...) is listed when its condition held for some case of
    the session, present or not: it was convened for those cases, so an absence
    is recorded as such. Its cases are those it sat in (present) or, when it did
    not attend, those it was convened for. A conditional seat whose condition
    held for no case was not convened and stays out (unless it came anyway). A
    seat present for part of the session (it arrived after ``start`` or left before
    ``end``) lists the cases it sat in, so its participation agrees with its times."""
    convened: dict[int, list[str]] = {}
    sat: dict[int, list[str]] = {}
    for h in hearings:
        for v in h.voters:
            if v.sits:
                convened.setdefault(v.attendance_id, []).append(h.radicado)
                if v.present:
                    sat.setdefault(v.attendance_id, []).append(h.radicado)
    out = []
    for r in rows:
        if r.condition is not None and r.id not in convened and r.status is not AttendanceStatus.PRESENTE:
            continue  # a conditional seat with no case on this agenda was not convened
        cases: tuple[str, ...] = ()
        if r.condition is not None:
            cases = tuple(sat.get(r.id, ()) if r.status is AttendanceStatus.PRESENTE else convened.get(r.id, ()))
        elif _part_time(r, start, end):
            cases = tuple(sat.get(r.id, ()))
        out.append(AttendeeRow(
            r.entity, r.person_name or "", r.person_position or "", r.role, r.rights, r.capacity, r.status,
            r.condition, r.arrival, r.departure, cases, r.ad_hoc_reason,
        ))
    return tuple(out)


def _opening_quorum(h: views.SessionHeader, rows: list[views.AttendanceRow]) -> str:
    atts = [Attendance(seat_key=r.seat_key, rights=r.rights, condition=r.condition,
                       population_code=r.population_code, entity=r.entity, status=r.status,
                       arrival=r.arrival, departure=r.departure) for r in rows if r.condition is None]
    result = quorum_for_case([seat_view(a) for a in atts], {a.seat_key: attendance_view(a) for a in atts},
                             CaseView(), h.start, h.voting)
    return ("Verificación del quórum al iniciar la sesión: " + result.message)


def measure_rows(d: views.HearingDetail) -> tuple[MeasureRow, ...]:
    """The decision's measures as the documents show them."""
    return tuple(
        MeasureRow(m.code, m.name, m.quantity, m.unit_singular, m.unit_plural, m.action, m.temporality_months,
                   m.revaluation_date, m.notes or "", m.restoration, m.competent_entity or "")
        for m in d.measures
    )


def _case_block(order: int, d: views.HearingDetail) -> CaseBlock:
    measures = measure_rows(d)
    votes = tuple(
        VoteRow(v.entity, v.person_name or "", v.choice, v.dissent) for v in d.voters if v.choice is not None
    )
    recognition = tuple(
        (_CRITERIA_TEXT.get(code, code), bool(met)) for code, met in (d.recognition_answers or {}).items()
    )
    return CaseBlock(
        order=order, radicado=d.radicado, kind=d.case_kind, population=d.population or "", route=d.route,
        displaced=d.displaced, gvp_level=d.proposal_level,
        matrix_pct=d.matrix_pct if d.matrix_pct is not None else d.proposal_pct,
        gvp_concept=d.proposal_concept or "", deliberation=d.deliberation or "",
        observations=tuple(ObservationRow(o.entity, o.text) for o in d.observations),
        outcome=d.outcome, risk_level=d.risk_level, concept=d.concept or "", measures=measures, votes=votes,
        a_favor=d.tally.a_favor, en_contra=d.tally.en_contra, abstencion=d.tally.abstencion,
        adopted=d.adopted, quorum_text=d.quorum.message, social_recognition=recognition,
        social_recognition_granted=d.recognition_granted,
        matrix_departure_reason=d.matrix_departure_reason or "", level_change_reason=d.level_change_reason or "",
        emergency_disposition=d.emergency_disposition, emergency_note=d.emergency_note or "",
        concertation_on=d.concertation_on, concertation_with=d.concertation_with or "",
        is_woman=d.is_woman and d.case_kind is CaseKind.INDIVIDUAL,
        women_committee_choice=d.women_committee_choice, analyst_gender=d.analyst_gender,
    )


def build_acta_data(ctx: ServiceContext, session_id: int, *, version: int = 1, draft: bool = True,
                    errata_of: int | None = None, errata_text: str = "", approval: str = "") -> ActaData:
    """Everything the acta shows, read from the database (cases by radicado only)."""
    head = views.session_header(ctx, session_id)
    agenda = views.agenda_rows(ctx, session_id)
    rows = views.attendance_rows(ctx, session_id)
    hearings = views.session_hearings(ctx, session_id)
    commitments = commitments_for_session(ctx, session_id)
    with ctx.reading() as s:
        emergencies = [
            EmergencyRow(radicado, e.description, e.adopted_on)
            for e, radicado in s.execute(
                select(EmergencyMeasure, Case.radicado).join(Case, Case.id == EmergencyMeasure.case_id)
                .where(EmergencyMeasure.reported_session_id == session_id).order_by(EmergencyMeasure.adopted_on)
            )
        ]
        annex = None if draft else review_annex(s, session_id)
    presiding = None
    chair = next((r for r in rows if r.id == head.presiding_attendance_id), None) or next(
        (r for r in rows if r.role is SeatRole.PRESIDE and r.status is AttendanceStatus.PRESENTE), None)
    if chair is not None:
        presiding = Signatory(chair.person_name or "", chair.person_position or "", chair.entity)
    secretary = Signatory(head.secretary_name or ctx.actor.full_name or ctx.actor.username,
                          head.secretary_position or "Secretaría Técnica", head.committee_short)
    agenda_titles = tuple(r.title for r in agenda if r.kind is not AgendaItemKind.CASE)
    cases_line = [f"Caso {r.radicado}" for r in agenda if r.kind is AgendaItemKind.CASE]
    agenda_text = []
    for title in agenda_titles:
        agenda_text.append(title)
        if title == AgendaItemKind.CASES.label and cases_line:
            agenda_text[-1] = f"{title}: {', '.join(cases_line)}"
    return ActaData(
        header=header_from_settings(ctx),
        session=session_info(head),
        attendees=_attendees(rows, hearings, head.start, head.end),
        quorum_text=_opening_quorum(head, rows),
        agenda=tuple(agenda_text),
        development=head.development or "",
        cases=tuple(_case_block(i, d) for i, d in enumerate(hearings, start=1)),
        commitments=tuple(
            CommitmentRow(i, c.description, c.responsible, c.due, c.status.label, c.origin)
            for i, c in enumerate(commitments, start=1)
        ),
        emergencies=tuple(emergencies),
        closing=head.end,
        presiding=presiding,
        secretary=secretary,
        version=version,
        draft=draft,
        errata_of=errata_of,
        errata_text=errata_text,
        approval=approval,
        review_annex=annex,
    )


def render_pdf(data: ActaData) -> bytes:
    from comite.documents.acta_pdf import acta_pdf_bytes

    return acta_pdf_bytes(data)


def render_pdf_in_helper(data: ActaData) -> bytes:
    """:func:`render_pdf` in the helper process (for a window that must keep painting)."""
    from comite.documents.acta_pdf import acta_pdf_bytes
    from comite.documents.offload import run_in_helper

    return run_in_helper(acta_pdf_bytes, data)


@dataclass(frozen=True)
class ActaResult:
    path: Path | None
    version: int
    kind: ActaKind
    sha256: str
    message: str


def _next_version(s, session_id: int) -> int:
    return (s.scalar(select(func.max(ActaVersion.version)).where(ActaVersion.session_id == session_id)) or 0) + 1


def _latest(s, session_id: int, kinds: tuple[ActaKind, ...]) -> ActaVersion | None:
    return s.scalar(select(ActaVersion).where(ActaVersion.session_id == session_id, ActaVersion.kind.in_(kinds))
                    .order_by(ActaVersion.version.desc()).limit(1))


def _write(path: Path | None, pdf: bytes) -> None:
    if path is None:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".parcial")
    tmp.write_bytes(pdf)
    tmp.replace(path)


def preview_acta(ctx: ServiceContext, session_id: int, *,
                 render: Callable[[ActaData], bytes] = render_pdf) -> bytes:
    """The acta as it stands now, watermarked BORRADOR; nothing is recorded.

    ``render`` may be :func:`render_pdf_in_helper` (the GUI's preview)."""
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.READ_SESSION, sess.committee_id)
        version = _next_version(s, session_id)
    return render(build_acta_data(ctx, session_id, version=version, draft=True))


def _issue(ctx: ServiceContext, session_id: int, version: int, kind: ActaKind, data: ActaData,
           action: AuditAction, extra: dict, out: Path | None, *, errata_text: str | None = None,
           lock: bool = False, status: SessionStatus | None = None) -> tuple[str, bytes]:
    """Render, then store the version (encrypted PDF + SHA-256) in one transaction."""
    pdf = render_pdf(data)
    digest = hashlib.sha256(pdf).hexdigest()
    with ctx.transaction() as s:
        sess = load_session(s, session_id)
        if _next_version(s, session_id) != version or (lock and sess.locked):
            raise RuleViolation("El acta cambió mientras se generaba (otra persona la generó); intente de nuevo.")
        s.add(ActaVersion(session_id=session_id, version=version, kind=kind, created_by=ctx.actor.username,
                          sha256=digest, errata_text=errata_text,
                          pdf=ctx.db.vault.encrypt_bytes(pdf, f"acta:{session_id}:{version}")))
        if lock:
            sess.locked = True
        if status is not None:
            sess.status = status
        audit.record(s, ctx, action, AuditEntity.SESION, session_id,
                     details={"version": version, "sha256": digest, **extra})
    _write(out, pdf)
    return digest, pdf


def _open_for_acta(ctx: ServiceContext, session_id: int, action: Action, locked_message: str,
                   status_message: str) -> int:
    """Checks shared by drafts and approval; returns the next version number."""
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, action, sess.committee_id)
        if sess.locked:
            raise RuleViolation(locked_message)
        if sess.status not in (SessionStatus.CERRADA, SessionStatus.ACTA_EN_REVISION):
            raise RuleViolation(status_message)
        return _next_version(s, session_id)


def issue_draft(ctx: ServiceContext, session_id: int, out: Path | None = None) -> ActaResult:
    """Record a numbered draft for the delegates' review (session → acta en revisión)."""
    version = _open_for_acta(ctx, session_id, Action.GENERATE_DOCUMENTS,
                             "El acta ya fue aprobada; una corrección se hace con fe de erratas.",
                             "Cierre la sesión (con hora de cierre) antes de enviar el acta a revisión.")
    data = build_acta_data(ctx, session_id, version=version, draft=True)
    digest, _ = _issue(ctx, session_id, version, ActaKind.BORRADOR, data, AuditAction.ACTA_BORRADOR, {}, out,
                       status=SessionStatus.ACTA_EN_REVISION)
    return ActaResult(out, version, ActaKind.BORRADOR, digest,
                      f"Borrador versión {version} del acta generado para revisión.")


def approval_statement(ctx: ServiceContext, session_id: int, *, in_session_id: int | None = None,
                       at: datetime | None = None) -> str:
    """When and how the acta is approved, as the final acta states it: the day and hour,
    who approved it, in which later session when it was approved there, and the
    delegates' review of its drafts (versions and observations, all attended)."""
    from comite.documents.spanish import date_long, time_12h

    at = at or datetime.now()
    who = ctx.actor.full_name or ctx.actor.username
    text = f"El acta fue aprobada el {date_long(ctx.today())} a las {time_12h(at.time())} por {who}"
    if in_session_id is not None:
        later = views.session_header(ctx, in_session_id)
        this = views.session_header(ctx, session_id)
        if later.committee_id != this.committee_id or later.day < this.day:
            raise ValidationError("El acta se aprueba en una sesión posterior del mismo comité.")
        text += (f", en la sesión {later.session_type.label.lower()} No. {later.number:03d} de {later.year} "
                 f"del {date_long(later.day)}, en el punto «Aprobación del acta de la sesión anterior»")
    drafts = [v for v in acta_versions(ctx, session_id) if v.kind is ActaKind.BORRADOR]
    if drafts:
        which = (f"la versión {drafts[0].version}" if len(drafts) == 1
                 else f"las versiones {drafts[0].version} a {drafts[-1].version}")
        count = len(review_observations(ctx, session_id))
        notes = ("sin observaciones" if count == 0 else
                 f"con {count} observación{'es' if count > 1 else ''} de los delegados, "
                 f"{'respondida' if count == 1 else 'todas respondidas'}")
        text += f", después de que los delegados de las entidades revisaran el borrador ({which}) {notes}"
    else:
        text += ", sin que se enviara antes un borrador a revisión de los delegados"
    return text + "."


def pending_review_refusal(ctx: ServiceContext, session_id: int) -> str:
    """Why the acta cannot be approved yet for its review (observations not answered), in
    words; ``""`` if nothing stands in the way. The GUI asks it before its confirmation."""
    pending = [r for r in review_observations(ctx, session_id) if not r.resolved]
    if not pending:
        return ""
    who = ", ".join(sorted({r.reviewer for r in pending}))
    return (f"Hay {len(pending)} observación(es) de revisión sin atender ({who}): respóndalas (aceptada o no "
            "aceptada, con el motivo) antes de aprobar el acta.")


def approve_acta(ctx: ServiceContext, session_id: int, out: Path | None = None, *,
                 in_session_id: int | None = None) -> ActaResult:
    """Issue the final acta: no watermark, SHA-256 stored, the session's data locked.
    Refused while a reviewer's observation on a draft is still pending. The acta says
    when and how it was approved (:func:`approval_statement`; ``in_session_id``: the
    later session of the committee where it was approved)."""
    version = _open_for_acta(ctx, session_id, Action.APPROVE_ACTA, "El acta de esta sesión ya fue aprobada.",
                             "Solo se aprueba el acta de una sesión cerrada.")
    apply_lapsed_terms(ctx, session_id)  # the committee's rule for silence, recorded before the annex is written
    refusal = pending_review_refusal(ctx, session_id)
    if refusal:
        raise RuleViolation(refusal)
    approval = approval_statement(ctx, session_id, in_session_id=in_session_id)
    data = build_acta_data(ctx, session_id, version=version, draft=False, approval=approval)
    digest, _ = _issue(ctx, session_id, version, ActaKind.FINAL, data, AuditAction.ACTA_APROBADA,
                       {"sesion_aprobacion": in_session_id} if in_session_id else {}, out,
                       lock=True, status=SessionStatus.ACTA_APROBADA)
    return ActaResult(out, version, ActaKind.FINAL, digest, f"Acta aprobada (versión {version}). SHA-256: {digest}.")


def issue_errata(ctx: ServiceContext, session_id: int, text: str, out: Path | None = None) -> ActaResult:
    """A formal fe de erratas: a new numbered final version; earlier ones are kept."""
    if not text.strip():
        raise ValidationError("Describa la corrección de la fe de erratas.")
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.APPROVE_ACTA, sess.committee_id)
        previous = _latest(s, session_id, (ActaKind.FINAL, ActaKind.FE_DE_ERRATAS))
        if not sess.locked or previous is None:
            raise RuleViolation("La fe de erratas corrige un acta ya aprobada; esta no lo está.")
        version = _next_version(s, session_id)
        prev_version = previous.version
        approved = _latest(s, session_id, (ActaKind.FINAL,)) or previous  # an errata follows a final acta
        approved_on, approved_by, approved_no = approved.created_at.astimezone(), approved.created_by, approved.version
    from comite.documents.spanish import date_long

    approval = (f"El acta (versión {approved_no}) fue aprobada el {date_long(approved_on.date())} por la "
                f"cuenta «{approved_by}»; esta fe de erratas la emitió {ctx.actor.full_name or ctx.actor.username} "
                f"el {date_long(ctx.today())}.")
    data = build_acta_data(ctx, session_id, version=version, draft=False, errata_of=prev_version,
                           errata_text=text.strip(), approval=approval)
    digest, _ = _issue(ctx, session_id, version, ActaKind.FE_DE_ERRATAS, data, AuditAction.ACTA_FE_DE_ERRATAS,
                       {"corrige": prev_version}, out, errata_text=text.strip())
    return ActaResult(out, version, ActaKind.FE_DE_ERRATAS, digest,
                      f"Fe de erratas emitida como versión {version} (corrige la versión {prev_version}).")


@dataclass(frozen=True)
class ActaInView:
    """The acta as it stands, the one source of every label that names its version: the stored
    final (latest) once approved; else the stored draft under review, the one the delegates are
    reading; else a preview of the acta as recorded now, numbered as the first draft will be."""

    pdf: bytes
    version: int
    kind: ActaKind  # BORRADOR, FINAL or FE_DE_ERRATAS stored; VISTA_PREVIA rendered now
    sha256: str

    @property
    def stored(self) -> bool:
        return self.kind is not ActaKind.VISTA_PREVIA

    @property
    def label(self) -> str:
        """What the acta shown is, in the words of the versions table (``Borrador en revisión · versión 1``)."""
        if not self.stored:
            return f"Vista previa del borrador (será la versión {self.version} al enviarlo a revisión)"
        return f"{self.kind.label} · versión {self.version}"


def acta_in_view(ctx: ServiceContext, session_id: int, *,
                 render: Callable[[ActaData], bytes] = render_pdf) -> ActaInView:
    """See :class:`ActaInView` (the Acta tab's preview and ``comite acta`` show the same)."""
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.READ_SESSION, sess.committee_id)
        stored = (_latest(s, session_id, (ActaKind.FINAL, ActaKind.FE_DE_ERRATAS))
                  or _latest(s, session_id, (ActaKind.BORRADOR,)))
        if stored is not None:
            pdf = ctx.db.vault.decrypt_bytes(stored.pdf, f"acta:{session_id}:{stored.version}")
            return ActaInView(pdf, stored.version, stored.kind, stored.sha256 or hashlib.sha256(pdf).hexdigest())
    pdf = preview_acta(ctx, session_id, render=render)
    with ctx.reading() as s:
        version = _next_version(s, session_id)
    return ActaInView(pdf, version, ActaKind.VISTA_PREVIA, hashlib.sha256(pdf).hexdigest())


def generate_acta(ctx: ServiceContext, session_id: int, out: Path) -> ActaResult:
    """The CLI's ``comite acta``: the acta in view (:func:`acta_in_view`) written to ``out``."""
    shown = acta_in_view(ctx, session_id)
    _write(out, shown.pdf)
    details: dict = {"version": shown.version, "tipo": shown.kind} if shown.stored else {"borrador": True}
    with ctx.transaction() as s:
        audit.record(s, ctx, AuditAction.ACTA_EXPORTADA, AuditEntity.SESION, session_id, details=details)
    if not shown.stored:
        return ActaResult(out, 0, ActaKind.VISTA_PREVIA, shown.sha256,
                          f"Borrador del acta (vista previa, marcado BORRADOR) escrito en {out}.")
    message = (f"Borrador en revisión (versión {shown.version}) escrito en {out}." if shown.kind == ActaKind.BORRADOR
               else f"Acta final (versión {shown.version}) escrita en {out}.")
    return ActaResult(out, shown.version, shown.kind, shown.sha256, message)


@dataclass(frozen=True)
class ActaVersionRow:
    id: int
    version: int
    kind: ActaKind
    created_at: datetime
    created_by: str
    sha256: str | None
    observations: int


def acta_versions(ctx: ServiceContext, session_id: int) -> list[ActaVersionRow]:
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.READ_SESSION, sess.committee_id)
        counts = dict(s.execute(
            select(ReviewObservation.acta_version_id, func.count(ReviewObservation.id))
            .group_by(ReviewObservation.acta_version_id)).all())
        return [ActaVersionRow(v.id, v.version, v.kind, v.created_at, v.created_by, v.sha256, counts.get(v.id, 0))
                for v in s.scalars(select(ActaVersion).where(ActaVersion.session_id == session_id)
                                   .order_by(ActaVersion.version))]


def acta_version_pdf(ctx: ServiceContext, version_id: int) -> bytes:
    with ctx.transaction() as s:
        v = s.get(ActaVersion, version_id)
        if v is None:
            raise NotFound("La versión del acta no existe.")
        sess = load_session(s, v.session_id)
        require(ctx, Action.READ_SESSION, sess.committee_id)
        audit.record(s, ctx, AuditAction.ACTA_LEIDA, AuditEntity.SESION, v.session_id, details={"version": v.version})
        return ctx.db.vault.decrypt_bytes(v.pdf, f"acta:{v.session_id}:{v.version}")


def add_review_observation(ctx: ServiceContext, version_id: int, text: str) -> Changes:
    """A delegate's observation on a draft version."""
    if not text.strip():
        raise ValidationError("La observación está vacía.")
    with ctx.transaction() as s:
        v = s.get(ActaVersion, version_id)
        if v is None:
            raise NotFound("La versión del acta no existe.")
        sess = s.get_one(CommitteeSession, v.session_id)
        require(ctx, Action.REVIEW_ACTA, sess.committee_id)
        if v.kind != ActaKind.BORRADOR:
            raise RuleViolation("Las observaciones se hacen sobre un borrador, no sobre el acta aprobada.")
        obs = ReviewObservation(acta_version_id=v.id, user_id=ctx.actor.user_id,
                                reviewer=ctx.actor.full_name or ctx.actor.username, text=text.strip(),
                                channel=ReviewChannel.APLICACION, received_on=ctx.today())
        s.add(obs)
        s.flush()
        audit.record(s, ctx, AuditAction.ACTA_OBSERVACION, AuditEntity.SESION, v.session_id,
                     details={"version": v.version}, reserved={"texto": text})
        return Changes(acta=True, session_id=v.session_id, created_id=obs.id)


def draft_under_review(versions: list[ActaVersionRow]) -> ActaVersionRow | None:
    """Of a session's versions (:func:`acta_versions`, in order), the draft under review:
    the latest stored one, while the acta is not approved."""
    if any(r.kind != ActaKind.BORRADOR for r in versions):
        return None
    return versions[-1] if versions else None


def latest_draft_version(ctx: ServiceContext, session_id: int) -> ActaVersionRow | None:
    """The draft under review (see :func:`draft_under_review`)."""
    return draft_under_review(acta_versions(ctx, session_id))


@dataclass(frozen=True)
class ReviewRow:
    id: int
    version: int
    reviewer: str
    text: str
    created_at: datetime
    resolved: bool


def review_observations(ctx: ServiceContext, session_id: int) -> list[ReviewRow]:
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.READ_SESSION, sess.committee_id)
        return [ReviewRow(o.id, v.version, o.reviewer, o.text, o.created_at, o.answer is not None)
                for o, v in s.execute(select(ReviewObservation, ActaVersion)
                                      .join(ActaVersion, ActaVersion.id == ReviewObservation.acta_version_id)
                                      .where(ActaVersion.session_id == session_id).order_by(ReviewObservation.id))]


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    message: str


def verify_acta_file(db: Database, path: Path) -> VerifyResult:
    """Whether ``path`` is, byte for byte, a final acta (or fe de erratas) issued here."""
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        raise ValidationError(f"No se pudo leer el archivo: {exc.strerror or exc}.") from exc
    with db.Session() as s:
        # Plain columns only: verifying a file needs no key (the session row holds encrypted text).
        version = s.execute(
            select(ActaVersion.version, ActaVersion.kind, ActaVersion.created_at, CommitteeSession.id.label("sid"),
                   CommitteeSession.number, CommitteeSession.year, Committee.short_name)
            .join(CommitteeSession, CommitteeSession.id == ActaVersion.session_id)
            .join(Committee, Committee.id == CommitteeSession.committee_id)
            .where(ActaVersion.sha256 == digest)
        ).first()
        if version is None:
            return VerifyResult(False, "El archivo NO corresponde a ningún acta emitida por esta base de datos "
                                       "(o fue modificado después de emitirse).")
        label = (f"Acta No. {version.number:03d} de {version.year} ({version.short_name}), "
                 f"versión {version.version}")
        if version.kind == ActaKind.BORRADOR:
            return VerifyResult(False, f"El archivo es un BORRADOR ({label}), no un acta final.")
        kind = "fe de erratas" if version.kind == ActaKind.FE_DE_ERRATAS else "acta final"
        newer = s.scalar(select(func.max(ActaVersion.version)).where(
            ActaVersion.session_id == version.sid, ActaVersion.kind.in_((ActaKind.FINAL, ActaKind.FE_DE_ERRATAS))))
        note = "" if newer == version.version else f" Atención: existe una versión posterior ({newer})."
        return VerifyResult(True, f"Documento íntegro: {kind}, {label}, emitida el "
                                  f"{version.created_at.astimezone().strftime('%d/%m/%Y %H:%M')}.{note}")

