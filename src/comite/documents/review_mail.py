"""The e-mail that takes a draft acta to one delegate for review.

Written with the standard library's :mod:`email` package as an RFC 5322
message (``.eml``) with the draft PDF attached. ``X-Unsent: 1`` makes Outlook
(and Thunderbird, which honours it too) open the file as a new message ready
to send, not as a received one; the same message can go through an SMTP
server instead (:mod:`comite.services.review`).

The text comes from ``templates_actas/correo_revision.txt`` (first line the
subject, then the body), which the secretariat may reword. The body says only
what the acta's own first page says (committee, acta number, session date)
and the term: never a radicado nor a protected person's name. The acta
travels as the attachment.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from string import Template

from comite.documents.data import SessionInfo
from comite.documents.spanish import date_long, date_short
from comite.errors import ValidationError
from comite.paths import templates_dir

TEMPLATE_NAME = "correo_revision.txt"
RULES_NAME = "correo_revision_reglas.txt"
_SUBJECT = "Asunto:"


@dataclass(frozen=True, slots=True)
class ReviewMail:
    """What one delegate's message says (no reserved data: see the module's text)."""

    to_name: str
    to_email: str
    entity: str
    session: SessionInfo
    version: int
    deadline: date
    business_days: int
    rule_sentence: str
    sender_email: str
    sender_name: str = ""


def _template(path: Path | None = None) -> tuple[Template, Template]:
    path = path or templates_dir() / TEMPLATE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError(f"No se pudo leer la plantilla del correo ({path.name}): "
                              f"{exc.strerror or exc}.") from exc
    first, _, body = text.partition("\n")
    if not first.startswith(_SUBJECT):
        raise ValidationError(f"La plantilla del correo ({path.name}) debe empezar con la línea «Asunto: …».")
    return Template(first[len(_SUBJECT):].strip()), Template(body.strip("\n") + "\n")


def rule_sentences(path: Path | None = None) -> dict[str, str]:
    """What the message says about a delegate's silence, by rule code (``templates_actas``)."""
    path = path or templates_dir() / RULES_NAME
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ValidationError(f"No se pudo leer la plantilla del correo ({path.name}): "
                              f"{exc.strerror or exc}.") from exc
    out = {}
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            code, _, sentence = line.partition("=")
            out[code.strip()] = sentence.strip()
    return out


def _fields(mail: ReviewMail) -> dict[str, str]:
    s = mail.session
    return {
        "destinatario": mail.to_name.strip() or "delegado(a)",
        "entidad": mail.entity.strip(),
        "comite": s.committee_name,
        "acta": s.acta_label,
        "version": str(mail.version),
        "sesion": f"sesión {s.session_type.label.lower()}",
        "fecha_sesion": date_long(s.day),
        "plazo": date_long(mail.deadline),
        "plazo_corto": date_short(mail.deadline),
        "dias": str(mail.business_days),
        "regla": mail.rule_sentence,
        "firma": mail.sender_name.strip() or "Secretaría Técnica",
        "correo_secretaria": mail.sender_email,
    }


FIELDS = ("destinatario", "entidad", "comite", "acta", "version", "sesion", "fecha_sesion", "plazo", "plazo_corto",
          "dias", "regla", "firma", "correo_secretaria")


def check_templates() -> None:
    """Refuse (Spanish) a message template that cannot be filled, before anything is recorded."""
    subject, body = _template()
    sample = dict.fromkeys(FIELDS, "x")
    try:
        subject.substitute(sample)
        body.substitute(sample)
    except (KeyError, ValueError) as exc:
        raise ValidationError(f"La plantilla del correo tiene un campo que no existe o está mal escrito "
                              f"({exc}); revise {TEMPLATE_NAME}. No se envió nada.") from exc
    rule_sentences()


def attachment_name(session: SessionInfo, version: int) -> str:
    """``Borrador_acta_GVP_007-2026_v2.pdf``."""
    return f"Borrador_acta_{session.committee_code}_{session.number:03d}-{session.year}_v{version}.pdf"


def _address(name: str, email: str) -> Address:
    user, _, domain = email.strip().partition("@")
    try:
        return Address(display_name=name.strip(), username=user, domain=domain)
    except (ValueError, IndexError) as exc:
        raise ValidationError(f"«{email.strip()}» no es una dirección de correo válida.") from exc


def review_message(mail: ReviewMail, pdf: bytes, *, template: Path | None = None,
                   unsent: bool = True) -> EmailMessage:
    """The message for ``mail`` with ``pdf`` attached; ``unsent`` adds ``X-Unsent: 1``."""
    subject, body = _template(template)
    fields = _fields(mail)
    try:
        subject_text, body_text = subject.substitute(fields), body.substitute(fields)
    except (KeyError, ValueError) as exc:
        raise ValidationError(f"La plantilla del correo tiene un campo que no existe o está mal escrito "
                              f"({exc}); revise {TEMPLATE_NAME}.") from exc
    msg = EmailMessage()
    msg["Subject"] = subject_text
    msg["From"] = _address(mail.sender_name or "Secretaría Técnica", mail.sender_email)
    msg["To"] = _address(mail.to_name, mail.to_email)
    msg["Date"] = format_datetime(_now())
    msg["Message-ID"] = make_msgid(domain=mail.sender_email.partition("@")[2] or None)
    msg["Sensitivity"] = "Company-Confidential"  # Outlook's "Confidencial" mark
    if unsent:
        msg["X-Unsent"] = "1"
    msg.set_content(body_text)
    msg.add_attachment(pdf, maintype="application", subtype="pdf",
                       filename=attachment_name(mail.session, mail.version))
    return msg


def _now():
    from datetime import datetime

    return datetime.now().astimezone()


def file_name(mail: ReviewMail, index: int) -> str:
    """``03_Procuraduria_General_de_la_Nacion.eml``: the entity, in plain ASCII, numbered."""
    plain = unicodedata.normalize("NFKD", mail.entity).encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r"[^A-Za-z0-9]+", "_", plain).strip("_")[:60] or "delegado"
    return f"{index:02d}_{plain}.eml"
