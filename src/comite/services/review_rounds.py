"""Review rounds of a draft acta: the committee's settings, who was sent what,
who answered, the term's end and the rule for silence, and the final acta's annex.

A round is one draft version sent to the delegates who attended
(:mod:`comite.services.review` sends it and reads the comments back). Here:

* :func:`review_settings` / :func:`save_review_settings`: per committee, the
  term for observations in business days (default 5) and the rule applied to
  a delegate who lets it pass in silence (tacit acceptance by default, or
  none); both a committee's own rules (reglamento), set by an administrator;
* :func:`review_status`: per delegate of the round under review, sent,
  answered or pending, and the term's end; and every observation with its
  answer;
* :func:`apply_lapsed_terms`: when the term has passed, the rule is applied
  to each silent delegate and recorded (audited), once;
* :func:`review_annex`: «Observaciones al borrador y su trámite», for the
  final acta.

Nothing here imports :mod:`comite.services.acta`, which reads the annex from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from comite.documents.acta_numbering import reference
from comite.documents.data import ReviewAnnex, ReviewDelegateRow, ReviewNote
from comite.domain import AuditAction, AuditEntity, LapseRule, ReviewAnswer, ReviewChannel, ReviewDelivery
from comite.errors import ValidationError
from comite.model import ActaVersion, Committee, ReviewObservation, ReviewRound
from comite.services import audit
from comite.services.catalog import get_setting
from comite.services.catalog_admin import put_setting
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action, allowed, require
from comite.services.sessions import load_session

SETTINGS_KEY = "revision_acta"
DEFAULT_BUSINESS_DAYS = 5
DEFAULT_LAPSE_RULE = LapseRule.ACEPTACION_TACITA
MAX_BUSINESS_DAYS = 60

# --- settings ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewSettings:
    business_days: int = DEFAULT_BUSINESS_DAYS
    lapse_rule: LapseRule = DEFAULT_LAPSE_RULE


def settings_for(s: Session, committee_code: str) -> ReviewSettings:
    stored = (get_setting(s, SETTINGS_KEY, {}) or {}).get(committee_code) or {}
    try:
        rule = LapseRule(stored.get("regla", DEFAULT_LAPSE_RULE.value))
    except ValueError:
        rule = DEFAULT_LAPSE_RULE
    days = stored.get("dias_habiles", DEFAULT_BUSINESS_DAYS)
    return ReviewSettings(days if isinstance(days, int) and 0 < days <= MAX_BUSINESS_DAYS
                          else DEFAULT_BUSINESS_DAYS, rule)


def review_settings(ctx: ServiceContext) -> dict[str, ReviewSettings]:
    """Every committee's settings (defaults where none were set), by committee code."""
    require(ctx, Action.READ_CATALOG)
    with ctx.reading() as s:
        return {code: settings_for(s, code) for code in s.scalars(select(Committee.code).order_by(Committee.id))}


def save_review_settings(ctx: ServiceContext, committee_code: str, new: ReviewSettings) -> Changes:
    """An administrator sets a committee's term and rule (audited with the values)."""
    require(ctx, Action.MANAGE_CATALOG)
    if not 0 < new.business_days <= MAX_BUSINESS_DAYS:
        raise ValidationError(f"El término para observaciones va de 1 a {MAX_BUSINESS_DAYS} días hábiles; "
                              "no se guardó nada.")
    with ctx.reading() as s:
        if s.scalar(select(Committee.id).where(Committee.code == committee_code)) is None:
            raise ValidationError(f"No existe el comité «{committee_code}»; no se guardó nada.")
        stored = dict(get_setting(s, SETTINGS_KEY, {}) or {})
    stored[committee_code] = {"dias_habiles": new.business_days, "regla": new.lapse_rule.value}
    put_setting(ctx, SETTINGS_KEY, stored)
    return Changes(catalog=True, message="Reglas de revisión del acta guardadas.")


# --- tracking ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DelegateStatus:
    id: int
    entity: str
    reviewer: str
    email: str | None
    version: int
    sent_at: datetime | None
    deadline: date
    answered_on: date | None
    observations: int
    no_observations: bool
    lapse_result: LapseRule | None

    @property
    def state(self) -> str:
        """What the tracking table says: answered, pending, or how the term ended."""
        if self.sent_at is None:
            return "Sin correo: enviar por otro medio" if self.email is None else "No enviado"
        if self.answered_on is not None:
            if self.observations:
                return f"Respondió con {self.observations} observación(es)"
            return "Respondió sin observaciones"
        if self.lapse_result is LapseRule.ACEPTACION_TACITA:
            return "Término vencido: aceptación tácita"
        if self.lapse_result is LapseRule.NINGUNA:
            return "Término vencido sin respuesta"
        return "Pendiente"

    @property
    def pending(self) -> bool:
        return self.answered_on is None and self.lapse_result is None


@dataclass(frozen=True)
class ObservationRow:
    id: int
    version: int
    reviewer: str
    entity: str
    channel: ReviewChannel
    received_on: date | None
    page: int | None
    section: str | None
    paragraph: int | None
    text: str
    answer: ReviewAnswer | None
    reason: str
    answered_by: str | None
    recipient_id: int | None

    @property
    def place(self) -> str:
        """``"5.30, párrafo 2 (pág. 41)"``, or ``""`` when it points nowhere in particular."""
        where = reference(self.section, self.paragraph) if self.section is not None else ""
        if self.page:
            where = f"{where} (pág. {self.page})" if where else f"pág. {self.page}"
        return where

    @property
    def resolved(self) -> bool:
        return self.answer is not None


@dataclass(frozen=True)
class ReviewStatus:
    """The round under review (the latest one) and every observation of the session's drafts."""

    version: int | None
    version_id: int | None
    sent_on: date | None
    deadline: date | None
    business_days: int | None
    lapse_rule: LapseRule | None
    delivery: ReviewDelivery | None
    delegates: tuple[DelegateStatus, ...]
    observations: tuple[ObservationRow, ...]

    @property
    def pending_delegates(self) -> int:
        return sum(d.pending and d.email is not None for d in self.delegates)


def _observation_rows(s: Session, session_id: int) -> list[ObservationRow]:
    rows = s.execute(
        select(ReviewObservation, ActaVersion.version)
        .join(ActaVersion, ActaVersion.id == ReviewObservation.acta_version_id)
        .where(ActaVersion.session_id == session_id)
        .order_by(ActaVersion.version, ReviewObservation.received_on, ReviewObservation.id)
    )
    return [
        ObservationRow(o.id, version, o.reviewer, o.entity or "", o.channel,
                       o.received_on or o.created_at.date(), o.page, o.section, o.paragraph, o.text,
                       o.answer, o.answer_reason or "", o.answered_by,
                       o.recipient_id)
        for o, version in rows
    ]


def _delegates(s: Session, rnd: ReviewRound, version: int,
               observations: list[ObservationRow]) -> tuple[DelegateStatus, ...]:
    counts: dict[int, int] = {}
    for o in observations:
        if o.recipient_id is not None:
            counts[o.recipient_id] = counts.get(o.recipient_id, 0) + 1
    return tuple(
        DelegateStatus(r.id, r.entity, r.reviewer, r.email, version, r.sent_at, rnd.deadline, r.answered_on,
                       counts.get(r.id, 0), r.no_observations,
                       r.lapse_result)
        for r in rnd.recipients
    )


def _latest_round(s: Session, session_id: int) -> tuple[ReviewRound, int] | None:
    row = s.execute(
        select(ReviewRound, ActaVersion.version).join(ActaVersion, ActaVersion.id == ReviewRound.acta_version_id)
        .where(ReviewRound.session_id == session_id).order_by(ActaVersion.version.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else None


def review_status(ctx: ServiceContext, session_id: int) -> ReviewStatus:
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.READ_SESSION, sess.committee_id)
        observations = _observation_rows(s, session_id)
        latest = _latest_round(s, session_id)
        if latest is None:
            return ReviewStatus(None, None, None, None, None, None, None, (), tuple(observations))
        rnd, version = latest
        return ReviewStatus(version, rnd.acta_version_id, rnd.sent_on, rnd.deadline, rnd.business_days,
                            rnd.lapse_rule, rnd.delivery,
                            _delegates(s, rnd, version, observations), tuple(observations))


def lapsed(status: ReviewStatus, today: date) -> bool:
    """Whether :func:`apply_lapsed_terms` has something to record."""
    return (status.deadline is not None and today > status.deadline
            and any(d.pending and d.sent_at is not None for d in status.delegates))


def apply_lapsed_terms(ctx: ServiceContext, session_id: int) -> Changes:
    """Once the term of the round under review has passed, record the committee's rule
    for every delegate it was sent to who did not answer (each one audited)."""
    today = ctx.today()
    with ctx.transaction() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.GENERATE_DOCUMENTS, sess.committee_id)
        latest = _latest_round(s, session_id)
        if latest is None or sess.locked:
            return Changes()
        rnd, version = latest
        if today <= rnd.deadline:
            return Changes()
        recorded = []
        for r in rnd.recipients:
            if r.sent_at is None or r.answered_on is not None or r.lapse_result is not None:
                continue
            r.lapse_result = rnd.lapse_rule
            r.lapse_recorded_at = ctx.now()
            recorded.append(r.entity)
            audit.record(s, ctx, AuditAction.ACTA_REVISION_VENCIDA, AuditEntity.SESION, session_id,
                         details={"version": version, "entidad": r.entity, "delegado": r.reviewer,
                                  "termino": rnd.deadline, "regla": rnd.lapse_rule})
        if not recorded:
            return Changes()
    rule = rnd.lapse_rule
    return Changes(acta=True, session_id=session_id,
                   message=f"Venció el término de revisión ({rnd.deadline:%d/%m/%Y}): {rule.label.lower()} "
                           f"registrada para {len(recorded)} delegado(s) sin respuesta.")


def may_apply_lapse(ctx: ServiceContext, committee_id: int) -> bool:
    return allowed(ctx, Action.GENERATE_DOCUMENTS, committee_id)


# --- the final acta's annex -------------------------------------------------------------------------


def _outcome(d: DelegateStatus) -> str:
    if d.sent_at is None:
        return "No se envió: sin correo registrado."
    if d.answered_on is not None:
        when = d.answered_on.strftime("%d/%m/%Y")
        if d.observations:
            return f"Respondió el {when} con {d.observations} observación(es)."
        return f"Respondió el {when} sin observaciones."
    if d.lapse_result is LapseRule.ACEPTACION_TACITA:
        return "No respondió en el término: aceptación tácita."
    if d.lapse_result is LapseRule.NINGUNA:
        return "No respondió en el término."
    return "Sin respuesta al aprobarse el acta."


def review_annex(s: Session, session_id: int) -> ReviewAnnex | None:
    """«Observaciones al borrador y su trámite», or ``None`` when no draft was reviewed."""
    observations = _observation_rows(s, session_id)
    rounds = s.execute(
        select(ReviewRound, ActaVersion.version).join(ActaVersion, ActaVersion.id == ReviewRound.acta_version_id)
        .where(ReviewRound.session_id == session_id).order_by(ActaVersion.version)
    ).all()
    if not rounds and not observations:
        return None
    delegates = tuple(
        ReviewDelegateRow(d.entity, d.reviewer, d.version, rnd.sent_on if d.sent_at else None, d.deadline,
                          _outcome(d))
        for rnd, version in rounds for d in _delegates(s, rnd, version, observations)
    )
    notes = tuple(
        ReviewNote(o.reviewer, o.entity, o.text, o.version, o.received_on, o.channel.label, o.place,
                   o.answer.label if o.answer else "", o.reason)
        for o in observations
    )
    return ReviewAnnex(delegates, notes)
