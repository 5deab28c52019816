"""The entity's settings for its documents, edited by an administrator.

Three stored settings (``Setting`` rows, JSON) shape every acta, convocation,
notification and resolution:

* ``encabezado_documentos``: the formal header of the entity's formats (entity,
  process, format code, version and the format's approval date), the
  secretariat's e-mail (organizer of the calendar invitation) and the reserve
  note every page's footer prints under «RESERVADO»;
* ``director_unp``: who signs the resolutions (name and position);
* ``numeracion_resoluciones``: whether the application numbers resolutions,
  with what prefix and from which number. Off unless an administrator turns it
  on: a resolution's number and date are assigned when the Director signs it.

They are read where documents are built (:mod:`comite.services.acta`,
:mod:`comite.services.resolutions`); here they are read and written as one
whole, validated, permission-checked and audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from comite.documents.data import DEFAULT_ORGANIZER_EMAIL, DEFAULT_RESERVE_NOTE, DocumentHeader
from comite.documents.report_data import DEFAULT_SUPPRESSION_NOTE, DEFAULT_THRESHOLD
from comite.errors import ValidationError
from comite.services.catalog import get_setting
from comite.services.catalog_admin import put_setting
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action, require

HEADER_KEY = "encabezado_documentos"
DIRECTOR_KEY = "director_unp"
NUMBERING_KEY = "numeracion_resoluciones"
DEFAULT_DIRECTOR_POSITION = "Director General"
NUMBER_RESOLUTIONS_BY_DEFAULT = False  # number and date blank: the Director's office assigns them
MAX_RESERVE_NOTE = 400  # characters: it must fit two footer lines
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
    reserve_note: str = DEFAULT_RESERVE_NOTE


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
        number_resolutions=bool(numbering.get("asignar", NUMBER_RESOLUTIONS_BY_DEFAULT)),
        resolution_prefix=numbering.get("prefijo", ""),
        first_resolution_number=int(numbering.get("inicio", 1)),
        reserve_note=header.get("reserva", DEFAULT_RESERVE_NOTE),
    )


def _as_stored(d: DocumentSettings) -> dict[str, dict]:
    """``d`` as the three settings rows hold it (trimmed, defaults filled)."""
    return {
        HEADER_KEY: {"entidad": d.entity.strip(), "proceso": d.process.strip(), "codigo": d.format_code.strip(),
                     "version": d.format_version.strip(), "fecha": d.format_date.isoformat(),
                     "correo": d.secretariat_email.strip(), "reserva": " ".join(d.reserve_note.split())},
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
    from comite.documents.pdf_common import reserve_note_fits  # reportlab: only when saving

    note = " ".join(new.reserve_note.split())
    if not note:
        problems.append("Escriba la nota de reserva (su fundamento legal) que va al pie de los documentos.")
    elif len(note) > MAX_RESERVE_NOTE or not reserve_note_fits(note):
        problems.append(f"La nota de reserva no cabe en las dos líneas del pie de página (tiene {len(note)} "
                        "caracteres): acórtela.")
    if problems:
        raise ValidationError(" ".join(problems) + " No se guardó nada.")
    values, stored = _as_stored(new), _as_stored(document_settings(ctx))
    changed = [key for key in values if values[key] != stored[key]]
    for key in changed:
        put_setting(ctx, key, values[key])
    return Changes(catalog=bool(changed),
                   message="Configuración de documentos guardada." if changed else "No había cambios que guardar.")


# --- the reserve in reports (comite.services.reports) --------------------------------------------

REPORT_RESERVE_KEY = "reserva_informes"
MAX_REPORT_THRESHOLD = 100


@dataclass(frozen=True)
class ReportReserveSettings:
    """Reports that leave the secretariat hide cells counting fewer than ``threshold`` cases,
    with ``note`` (``{threshold}`` is replaced) printed below the tables."""

    threshold: int = DEFAULT_THRESHOLD
    note: str = DEFAULT_SUPPRESSION_NOTE


def report_reserve(ctx: ServiceContext) -> ReportReserveSettings:
    """The reserve in force for reports (the defaults where nothing was set)."""
    require(ctx, Action.READ_SESSION)
    with ctx.reading() as s:
        stored = get_setting(s, REPORT_RESERVE_KEY, {}) or {}
    base = ReportReserveSettings()
    try:
        threshold = int(stored.get("umbral", base.threshold))
    except (TypeError, ValueError):
        threshold = base.threshold
    return ReportReserveSettings(threshold=min(max(threshold, 1), MAX_REPORT_THRESHOLD),
                                 note=str(stored.get("nota") or base.note))


def save_report_reserve(ctx: ServiceContext, new: ReportReserveSettings) -> Changes:
    """Store the reports' reserve (administrators only; audited with its value)."""
    require(ctx, Action.MANAGE_CATALOG)
    if not 2 <= new.threshold <= MAX_REPORT_THRESHOLD:
        raise ValidationError(f"El umbral de reserva de los informes va de 2 a {MAX_REPORT_THRESHOLD} casos "
                              f"(se recibió {new.threshold}). No se guardó nada.")
    if not new.note.strip():
        raise ValidationError("Escriba la nota que acompaña las celdas suprimidas. No se guardó nada.")
    value = {"umbral": new.threshold, "nota": new.note.strip()}
    if report_reserve(ctx) == ReportReserveSettings(new.threshold, new.note.strip()):
        return Changes(message="No había cambios que guardar.")
    put_setting(ctx, REPORT_RESERVE_KEY, value)
    return Changes(catalog=True, message="Reserva de los informes guardada.")
