"""The delegates review the draft acta as a PDF: «Enviar a revisión» writes (or
sends) the review package, their comments are read back from the PDF they
return, the secretariat types in what arrives by e-mail or phone, and answers
each observation.

* :func:`send_for_review` stores the draft version under review
  (:func:`comite.services.acta.issue_draft`: numbered sections and
  paragraphs), computes the term (business days of the Colombian calendar,
  per committee) and writes the package into a folder: the PDF, one ``.eml``
  per delegate who attended and has an address (``X-Unsent: 1``: Outlook
  opens it as a draft ready to send), and the list of those without one. It
  may also send the messages through the configured SMTP server (TLS; the
  password lives in the keyring, never in the database).
* :func:`import_pdf_comments` reads a returned PDF's comments (notes,
  highlights and underlines with text, free text) with pypdf; each becomes an
  observation of the delegate and entity the user picked, with its page and
  the numbered section and paragraph it falls in. A keyed hash of each
  comment (text and position) makes a second import of the same file add
  nothing.
* :func:`record_observation`, :func:`record_no_observations`,
  :func:`answer_observation`: what the secretariat types in and answers.

Observation texts and answers are encrypted columns; every send and import is
audited; the e-mail body carries nothing the acta's first page does not show.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import select

from comite.documents import acta_numbering
from comite.documents.pdf_comments import read_pdf_comments
from comite.documents.review_mail import (
    ReviewMail,
    attachment_name,
    check_templates,
    file_name,
    review_message,
    rule_sentences,
)
from comite.domain import (
    ActaKind,
    AttendanceStatus,
    AuditAction,
    AuditEntity,
    ReviewAnswer,
    ReviewChannel,
    ReviewDelivery,
    SeatRole,
)
from comite.errors import NotFound, RuleViolation, ValidationError
from comite.model import (
    ActaVersion,
    CommitteeSession,
    ReviewObservation,
    ReviewRecipient,
    ReviewRound,
)
from comite.rules.calendar import add_business_days
from comite.services import acta, audit, views
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action, require
from comite.services.review_rounds import settings_for
from comite.services.review_smtp import (
    send_messages,
    smtp_settings,
)
from comite.services.sessions import load_session
from comite.services.settings import document_settings
from comite.storage.secrets import SecretStore
from comite.text import fold, plural

NO_ADDRESS_FILE = "delegados_sin_correo.txt"
_FOOTER_VERSION = re.compile(r"BORRADOR\s*·\s*Versión\s+(\d+)")

# --- sending the package -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Addressee:
    attendance_id: int
    entity: str
    name: str
    email: str | None


@dataclass(frozen=True)
class ReviewPackage:
    version: int
    deadline: date
    folder: Path
    pdf: Path
    messages: tuple[Path, ...]
    without_address: tuple[Addressee, ...]
    sent: int = 0
    failures: tuple[str, ...] = ()
    message: str = ""


def addressees(ctx: ServiceContext, session_id: int) -> list[Addressee]:
    """The delegates who attended (the technical secretariat sends, it does not review)."""
    return [
        Addressee(r.id, r.entity, r.person_name or r.person_position or "", (r.email or "").strip() or None)
        for r in views.attendance_rows(ctx, session_id)
        if r.status is AttendanceStatus.PRESENTE and r.role is not SeatRole.SECRETARIA_TECNICA
    ]


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".parcial")
    tmp.write_bytes(data)
    tmp.replace(path)


def _no_address_text(header: views.SessionHeader, version: int, rows: Sequence[Addressee]) -> str:
    lines = [f"Delegados que asistieron a la sesión No. {header.number:03d} de {header.year} "
             f"({header.committee_short}) sin correo registrado.",
             f"Hágales llegar el borrador (versión {version}) por otro medio, o registre su correo en "
             "Asistencia y vuelva a enviar.", ""]
    lines += [f"- {a.entity}: {a.name or 'sin nombre registrado'}" for a in rows]
    return "\n".join(lines) + "\n"


def send_for_review(ctx: ServiceContext, session_id: int, out_dir: Path, *,
                    delivery: ReviewDelivery = ReviewDelivery.ARCHIVOS,
                    secrets: SecretStore | None = None,
                    smtp_send: Callable[..., list[str | None]] = send_messages) -> ReviewPackage:
    """«Enviar a revisión»: store the draft under review and write (and maybe send) its package."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ValidationError(f"«{out_dir}» no es una carpeta.")
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.GENERATE_DOCUMENTS, sess.committee_id)
        committee_code = sess.committee.code
        rules = settings_for(s, committee_code)
    smtp = smtp_settings(ctx) if delivery is ReviewDelivery.SMTP else None
    if delivery is ReviewDelivery.SMTP and smtp is None:
        raise ValidationError("No hay un servidor de correo configurado (Administración → Documentos); "
                              "use los archivos .eml o pida al administrador que lo configure.")
    people = addressees(ctx, session_id)
    if not people:
        raise RuleViolation("Ningún delegado figura como presente en la asistencia: no hay a quién enviar el "
                            "borrador. Registre la asistencia antes de enviarlo a revisión.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(f"No se pudo crear la carpeta «{out_dir}»: {exc.strerror or exc}.") from exc

    check_templates()  # a broken message template stops here, before a draft is recorded
    result = acta.issue_draft(ctx, session_id)  # stored and audited: the version the delegates read
    version = result.version
    with ctx.reading() as s:
        stored = s.scalars(select(ActaVersion).where(ActaVersion.session_id == session_id,
                                                     ActaVersion.version == version)).one()
        version_id = stored.id
        pdf = ctx.db.vault.decrypt_bytes(stored.pdf, f"acta:{session_id}:{version}")
    header = views.session_header(ctx, session_id)
    info = acta.session_info(header)
    docs = document_settings(ctx)
    today = ctx.today()
    deadline = add_business_days(today, rules.business_days)
    sender = (smtp.sender if smtp and smtp.sender else docs.secretariat_email)
    signer = header.secretary_name or ctx.actor.full_name or ""

    pdf_path = out_dir / attachment_name(info, version)
    _write_atomic(pdf_path, pdf)
    with_address = [a for a in people if a.email]
    without = tuple(a for a in people if not a.email)
    messages: list[EmailMessage] = []
    paths: list[Path] = []
    rule_sentence = rule_sentences().get(rules.lapse_rule, "")
    for i, a in enumerate(with_address, start=1):
        mail = ReviewMail(a.name, a.email or "", a.entity, info, version, deadline, rules.business_days,
                          rule_sentence, sender, signer)
        msg = review_message(mail, pdf, unsent=delivery is ReviewDelivery.ARCHIVOS)
        path = out_dir / file_name(mail, i)
        _write_atomic(path, msg.as_bytes())
        messages.append(msg)
        paths.append(path)
    if without:
        (out_dir / NO_ADDRESS_FILE).write_text(_no_address_text(header, version, without), encoding="utf-8")

    outcome: list[str | None] = [None] * len(messages)
    if smtp is not None and messages:
        password = secrets.get(smtp.secret_name) if secrets is not None else None
        outcome = smtp_send(smtp, password, messages)
    failures = tuple(f"{a.entity} ({a.email}): {why}" for a, why in zip(with_address, outcome, strict=True) if why)

    now = ctx.now()
    with ctx.transaction() as s:
        rnd = ReviewRound(acta_version_id=version_id, session_id=session_id, sent_on=today, deadline=deadline,
                          business_days=rules.business_days, lapse_rule=rules.lapse_rule,
                          delivery=delivery, created_by=ctx.actor.username)
        sent_ok = {a.attendance_id for a, why in zip(with_address, outcome, strict=True) if why is None}
        for i, a in enumerate(people):
            rnd.recipients.append(ReviewRecipient(
                position=i, attendance_id=a.attendance_id, entity=a.entity, reviewer=a.name, email=a.email,
                sent_at=now if a.attendance_id in sent_ok else None))
        s.add(rnd)
        audit.record(s, ctx, AuditAction.ACTA_REVISION_ENVIADA, AuditEntity.SESION, session_id, details={
            "version": version, "termino": deadline, "dias_habiles": rules.business_days,
            "regla": rules.lapse_rule, "entrega": delivery, "correos": len(sent_ok),
            "sin_correo": [a.entity for a in without], "fallidos": len(failures), "carpeta": str(out_dir)})
    sent = len(sent_ok) if smtp is not None else 0
    parts = [f"Borrador versión {version} enviado a revisión: observaciones hasta el {deadline:%d/%m/%Y} "
             f"({plural(rules.business_days, 'día hábil', 'días hábiles')})."]
    if smtp is not None:
        parts.append(f"{sent} correo(s) enviados por {smtp.host}.")
    else:
        parts.append(f"{len(paths)} correo(s) .eml listos para enviar en {out_dir}.")
    if without:
        parts.append(f"Sin correo registrado ({len(without)}): " + ", ".join(a.entity for a in without) + ".")
    if failures:
        parts.append("No se enviaron: " + "; ".join(failures) + ".")
    return ReviewPackage(version, deadline, out_dir, pdf_path, tuple(paths), without, sent, failures, " ".join(parts))


# --- reading comments back -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportResult:
    version: int
    found: int
    added: int
    repeated: int
    message: str
    changes: Changes = field(default_factory=Changes)


def _draft_of(s, sess: CommitteeSession, first_text: str) -> ActaVersion:
    """The stored draft the returned PDF is a copy of (its footer names the version)."""
    label = f"ACTA No. {sess.number:03d} de {sess.year}"
    flat = " ".join(first_text.split())
    if label not in flat:
        raise ValidationError(f"El PDF no es un borrador del {label} (su primera página no lo nombra); "
                              "revise que importa el archivo de esta sesión.")
    m = _FOOTER_VERSION.search(flat)
    if m is None:
        raise ValidationError("El PDF no es un borrador enviado a revisión (no dice «BORRADOR · Versión N»).")
    version = int(m.group(1))
    stored = s.scalar(select(ActaVersion).where(ActaVersion.session_id == sess.id, ActaVersion.version == version,
                                                ActaVersion.kind == ActaKind.BORRADOR))
    if stored is None:
        raise ValidationError(f"La versión {version} del acta no es un borrador guardado de esta sesión.")
    return stored


def _recipient(s, version_id: int, entity: str, reviewer: str) -> ReviewRecipient | None:
    rows = list(s.scalars(select(ReviewRecipient).join(ReviewRound, ReviewRound.id == ReviewRecipient.round_id)
                          .where(ReviewRound.acta_version_id == version_id)))
    same_entity = [r for r in rows if fold(r.entity) == fold(entity)]
    exact = [r for r in same_entity if fold(r.reviewer) == fold(reviewer)]
    if exact:
        return exact[0]
    return same_entity[0] if len(same_entity) == 1 else None


def _check_who(entity: str, reviewer: str) -> tuple[str, str]:
    entity, reviewer = " ".join(entity.split()), " ".join(reviewer.split())
    if not entity or not reviewer:
        raise ValidationError("Indique la entidad y el nombre del delegado que hace las observaciones.")
    if len(entity) > 250 or len(reviewer) > 160:
        raise ValidationError("La entidad o el nombre del delegado es demasiado largo.")
    return entity, reviewer


def _answered(recipient: ReviewRecipient | None, received: date) -> None:
    if recipient is not None and (recipient.answered_on is None or received < recipient.answered_on):
        recipient.answered_on = received


def import_pdf_comments(ctx: ServiceContext, session_id: int, pdf: bytes | Path, *, entity: str, reviewer: str,
                        received: date | None = None, source_name: str = "") -> ImportResult:
    """Record the comments of a delegate's returned PDF as their observations."""
    entity, reviewer = _check_who(entity, reviewer)
    if isinstance(pdf, Path):
        source_name = source_name or pdf.name
        try:
            pdf = pdf.read_bytes()
        except OSError as exc:
            raise ValidationError(f"No se pudo leer el archivo: {exc.strerror or exc}.") from exc
    received = received or ctx.today()
    if received > ctx.today():
        raise ValidationError("La fecha de recibido no puede ser posterior a hoy.")
    comments, first_text = read_pdf_comments(pdf)
    with ctx.reading() as s:
        sess = load_session(s, session_id)
        require(ctx, Action.GENERATE_DOCUMENTS, sess.committee_id)
        stored = _draft_of(s, sess, first_text)
        version, version_id = stored.version, stored.id
        marks = acta_numbering.anchors(ctx.db.vault.decrypt_bytes(stored.pdf, f"acta:{session_id}:{version}"))
    vault = ctx.db.vault
    with ctx.transaction() as s:
        _open_review(s, ctx, session_id)
        known = set(s.scalars(select(ReviewObservation.source_key).where(
            ReviewObservation.acta_version_id == version_id, ReviewObservation.source_key.is_not(None))))
        recipient = _recipient(s, version_id, entity, reviewer)
        added = 0
        for c in comments:
            key = vault.blind_index(f"{c.page}|{c.kind}|{','.join(f'{v:.0f}' for v in c.rect)}|{c.text}",
                                    "acta_review_comment").hex()
            if key in known:
                continue
            known.add(key)
            section, paragraph = acta_numbering.locate(marks, c.page, c.y) if marks else (None, None)
            s.add(ReviewObservation(
                acta_version_id=version_id, user_id=ctx.actor.user_id, reviewer=reviewer, entity=entity,
                text=c.text, recipient_id=recipient.id if recipient else None, channel=ReviewChannel.PDF,
                received_on=received, page=c.page, section=section, paragraph=paragraph, source_key=key))
            added += 1
        if added:
            _answered(recipient, received)
        digest = hashlib.sha256(pdf).hexdigest()
        audit.record(s, ctx, AuditAction.ACTA_REVISION_IMPORTADA, AuditEntity.SESION, session_id, details={
            "version": version, "entidad": entity, "delegado": reviewer, "recibido": received,
            "comentarios": len(comments), "nuevas": added, "repetidas": len(comments) - added,
            "sha256_archivo": digest, "archivo": source_name})
    repeated = len(comments) - added
    if not comments:
        message = "El PDF no tiene comentarios con texto; no se registró nada."
    else:
        message = f"{added} observación(es) nueva(s) de {entity} ({reviewer}) sobre el borrador versión {version}."
        if repeated:
            message += f" {repeated} ya estaban registradas."
    return ImportResult(version, len(comments), added, repeated, message,
                        Changes(acta=True, session_id=session_id) if added else Changes())


# --- typed in by the secretariat, and answered ---------------------------------------------------------


def _open_review(s, ctx: ServiceContext, session_id: int) -> CommitteeSession:
    """The session, if the actor may answer for the secretariat and its acta is not approved yet."""
    sess = load_session(s, session_id)
    require(ctx, Action.GENERATE_DOCUMENTS, sess.committee_id)
    if sess.locked:
        raise RuleViolation("El acta ya fue aprobada: la revisión del borrador está cerrada.")
    return sess


def _draft_under_review(s, session_id: int) -> ActaVersion:
    latest = s.scalar(select(ActaVersion).where(ActaVersion.session_id == session_id)
                      .order_by(ActaVersion.version.desc()).limit(1))
    if latest is None or latest.kind is not ActaKind.BORRADOR:
        raise RuleViolation("No hay un borrador en revisión: envíe el acta a revisión primero." if latest is None
                            else "El acta ya fue aprobada: ya no se reciben observaciones al borrador.")
    return latest


def record_observation(ctx: ServiceContext, session_id: int, text: str, *, entity: str, reviewer: str,
                       channel: ReviewChannel, received: date | None = None, section: str = "",
                       paragraph: int | None = None) -> Changes:
    """An observation received by e-mail, phone or in writing, typed in by the secretariat under
    the delegate's name and entity (on the draft under review)."""
    entity, reviewer = _check_who(entity, reviewer)
    text = text.strip()
    if not text:
        raise ValidationError("Escriba la observación del delegado.")
    received = received or ctx.today()
    if received > ctx.today():
        raise ValidationError("La fecha de recibido no puede ser posterior a hoy.")
    section = section.strip().rstrip(".")
    if section and not re.fullmatch(r"\d+(\.\d+)*", section):
        raise ValidationError(f"«{section}» no es una sección del borrador (se escriben como 5 o 5.30).")
    if paragraph is not None and paragraph < 1:
        raise ValidationError("El párrafo es un número desde 1.")
    with ctx.transaction() as s:
        _open_review(s, ctx, session_id)
        draft = _draft_under_review(s, session_id)
        recipient = _recipient(s, draft.id, entity, reviewer)
        obs = ReviewObservation(acta_version_id=draft.id, user_id=ctx.actor.user_id, reviewer=reviewer,
                                entity=entity, text=text, recipient_id=recipient.id if recipient else None,
                                channel=channel, received_on=received, section=section or None,
                                paragraph=paragraph if section else None)
        s.add(obs)
        s.flush()
        _answered(recipient, received)
        audit.record(s, ctx, AuditAction.ACTA_OBSERVACION, AuditEntity.SESION, session_id,
                     details={"version": draft.version, "entidad": entity, "delegado": reviewer,
                              "medio": channel, "recibido": received}, reserved={"texto": text})
        return Changes(acta=True, session_id=session_id, created_id=obs.id,
                       message=f"Observación de {entity} registrada sobre el borrador versión {draft.version}.")


def record_no_observations(ctx: ServiceContext, recipient_id: int, received: date | None = None) -> Changes:
    """A delegate answered that they have no observations."""
    received = received or ctx.today()
    with ctx.transaction() as s:
        r = s.get(ReviewRecipient, recipient_id)
        if r is None:
            raise NotFound("El delegado ya no figura en la revisión.")
        rnd = s.get_one(ReviewRound, r.round_id)
        _open_review(s, ctx, rnd.session_id)
        r.no_observations = True
        _answered(r, received)
        audit.record(s, ctx, AuditAction.ACTA_REVISION_SIN_OBSERVACIONES, AuditEntity.SESION, rnd.session_id,
                     details={"entidad": r.entity, "delegado": r.reviewer, "recibido": received})
        return Changes(acta=True, session_id=rnd.session_id,
                       message=f"{r.entity}: respondió sin observaciones.")


def answer_observation(ctx: ServiceContext, observation_id: int, answer: ReviewAnswer | None,
                       reason: str = "") -> Changes:
    """The secretariat's answer: accepted (changed in the next draft) or not accepted, with the
    reason; ``None`` makes it pending again."""
    reason = reason.strip()
    if answer is ReviewAnswer.NO_ACEPTADA and not reason:
        raise ValidationError("Escriba el motivo por el que no se acepta la observación.")
    with ctx.transaction() as s:
        obs = s.get(ReviewObservation, observation_id)
        if obs is None:
            raise NotFound("La observación ya no existe.")
        v = s.get_one(ActaVersion, obs.acta_version_id)
        _open_review(s, ctx, v.session_id)
        obs.answer = answer
        obs.answer_reason = reason or None
        obs.answered_by = ctx.actor.username if answer else None
        obs.answered_at = ctx.now() if answer else None
        action = AuditAction.ACTA_OBSERVACION_RESPONDIDA if answer else AuditAction.ACTA_OBSERVACION_REABIERTA
        audit.record(s, ctx, action, AuditEntity.SESION, v.session_id,
                     details={"version": v.version, "observacion": obs.id, "respuesta": answer},
                     reserved={"motivo": reason} if reason else None)
        message = (f"Observación {answer.label.lower()}." if answer else "Observación de nuevo pendiente.")
        return Changes(acta=True, session_id=v.session_id, message=message)
