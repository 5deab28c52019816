"""The entity's settings for its documents, edited by an administrator.

Three stored settings (``Setting`` rows, JSON) shape every acta, convocation,
notification and resolution:

* ``encabezado_documentos``: the formal header of the entity's formats (entity,
  process, format code, version and the format's approval date) and the
  secretariat's e-mail (organizer of the calendar invitation);
* ``director_unp``: who signs the resolutions (name and position);
* ``numeracion_resoluciones``: whether the application numbers resolutions,
  with what prefix and from which number.

They are read where documents are built (:mod:`comite.services.acta`,
:mod:`comite.services.resolutions`); here they are read and written as one
whole, validated, permission-checked and audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from comite.documents.data import DEFAULT_ORGANIZER_EMAIL, DocumentHeader
from comite.errors import ValidationError
from comite.services.catalog import get_setting
from comite.services.catalog_admin import put_setting
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action, require

HEADER_KEY = "encabezado_documentos"
DIRECTOR_KEY = "director_unp"
NUMBERING_KEY = "numeracion_resoluciones"
DEFAULT_DIRECTOR_POSITION = "Director General"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class DocumentSettings:
    entity: str
    process: str
    format_code: str
    format_version: str
    format_date: date
    secretariat_email: str
    director_name: str
    director_position: str
    number_resolutions: bool
    resolution_prefix: str
    first_resolution_number: int


def stored_date(text: object, fallback: date) -> date:
    """A date stored as ISO text in a setting, or ``fallback`` when absent or unreadable."""
    try:
        return date.fromisoformat(str(text)) if text else fallback
    except ValueError:
        return fallback


def document_settings(ctx: ServiceContext) -> DocumentSettings:
    """What is in force (the defaults where nothing was set)."""
    require(ctx, Action.READ_CATALOG)
    base = DocumentHeader()
    with ctx.reading() as s:
        header = get_setting(s, HEADER_KEY, {}) or {}
        director = get_setting(s, DIRECTOR_KEY, {}) or {}
        numbering = get_setting(s, NUMBERING_KEY, {}) or {}
    return DocumentSettings(
        entity=header.get("entidad", base.entity), process=header.get("proceso", base.process),
        format_code=header.get("codigo", base.code), format_version=header.get("version", base.version),
        format_date=stored_date(header.get("fecha"), base.issued),
        secretariat_email=header.get("correo", DEFAULT_ORGANIZER_EMAIL),
        director_name=director.get("nombre", ""),
        director_position=director.get("cargo", DEFAULT_DIRECTOR_POSITION),
        number_resolutions=bool(numbering.get("asignar", True)), resolution_prefix=numbering.get("prefijo", ""),
        first_resolution_number=int(numbering.get("inicio", 1)),
    )


def _as_stored(d: DocumentSettings) -> dict[str, dict]:
    """``d`` as the three settings rows hold it (trimmed, defaults filled)."""
    return {
        HEADER_KEY: {"entidad": d.entity.strip(), "proceso": d.process.strip(), "codigo": d.format_code.strip(),
                     "version": d.format_version.strip(), "fecha": d.format_date.isoformat(),
                     "correo": d.secretariat_email.strip()},
        DIRECTOR_KEY: {"nombre": d.director_name.strip(),
                       "cargo": d.director_position.strip() or DEFAULT_DIRECTOR_POSITION},
        NUMBERING_KEY: {"asignar": d.number_resolutions, "prefijo": d.resolution_prefix.strip(),
                        "inicio": d.first_resolution_number},
    }


def save_document_settings(ctx: ServiceContext, new: DocumentSettings) -> Changes:
    """Store ``new`` (administrators only); each changed setting is audited with its value."""
    require(ctx, Action.MANAGE_CATALOG)
    problems = []
    for label, value in (("la entidad", new.entity), ("el proceso", new.process),
                         ("el código del formato", new.format_code), ("la versión del formato", new.format_version)):
        if not value.strip():
            problems.append(f"Escriba {label}.")
    if new.format_date > date(2100, 1, 1) or new.format_date < date(1990, 1, 1):
        problems.append("La fecha del formato no es válida.")
    if not _EMAIL.fullmatch(new.secretariat_email.strip()):
        problems.append(f"«{new.secretariat_email.strip()}» no parece un correo electrónico (nombre@entidad.gov.co).")
    if new.number_resolutions and new.first_resolution_number < 1:
        problems.append("La numeración de resoluciones empieza en 1 o más.")
    if len(new.resolution_prefix) > 20:
        problems.append("El prefijo de las resoluciones admite hasta 20 caracteres.")
    if problems:
        raise ValidationError(" ".join(problems) + " No se guardó nada.")
    values, stored = _as_stored(new), _as_stored(document_settings(ctx))
    changed = [key for key in values if values[key] != stored[key]]
    for key in changed:
        put_setting(ctx, key, values[key])
    return Changes(catalog=bool(changed),
                   message="Configuración de documentos guardada." if changed else "No había cambios que guardar.")
