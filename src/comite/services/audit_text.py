"""The audit trail as a person reads it: the Spanish label of an action and of what
it is about, and an entry's details in words.

The trail stores codes and raw values (``{"adoptada": true, "antes": null,
"puesto": "policia_dipro"}``) because that is what it hashes; this module only
renders them ("adoptada: sí; antes: —; puesto: Policía Nacional"). A code this
version does not know (written by a newer one) is shown as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from comite.domain import (
    ActaKind,
    AttendanceStatus,
    AuditAction,
    AuditEntity,
    CaseStatus,
    CommitmentStatus,
    DecisionOutcome,
    EmergencyDisposition,
    HearingSource,
    LabeledEnum,
    LapseRule,
    MeasureAction,
    ReviewAnswer,
    ReviewChannel,
    ReviewDelivery,
    RiskLevel,
    Role,
    SessionStatus,
    SessionType,
    VoteChoice,
)
from comite.text import plural

NONE = "—"
RESERVED_NOTE = "(incluye datos reservados cifrados)"

# The vocabulary of a detail, by its key (the same meaning in every action) ...
_KEY_VOCABULARY: dict[str, type[LabeledEnum]] = {
    "emergencia": EmergencyDisposition,
    "estado": AttendanceStatus,
    "estado_caso": CaseStatus,
    "nivel": RiskLevel,
    "origen": HearingSource,
    "resultado": DecisionOutcome,
    "rol": Role,
    "voto": VoteChoice,
}
# ... and where a key means something else in each action.
_ACTION_VOCABULARY: dict[str, dict[str, type[LabeledEnum]]] = {
    AuditAction.SESION_ESTADO: {"de": SessionStatus, "a": SessionStatus},
    AuditAction.COMPROMISO_ESTADO: {"de": CommitmentStatus, "a": CommitmentStatus},
    AuditAction.VOTO: {"antes": VoteChoice},
    AuditAction.VOTO_RETIRADO: {"antes": VoteChoice},
    AuditAction.SESION_CREADA: {"tipo": SessionType},
    AuditAction.ACTA_EXPORTADA: {"tipo": ActaKind},
    AuditAction.ACTA_REVISION_ENVIADA: {"regla": LapseRule, "entrega": ReviewDelivery},
    AuditAction.ACTA_REVISION_VENCIDA: {"regla": LapseRule},
    AuditAction.ACTA_OBSERVACION: {"medio": ReviewChannel},
    AuditAction.ACTA_OBSERVACION_RESPONDIDA: {"respuesta": ReviewAnswer},
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_TIME = re.compile(r"(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


def action_label(code: str) -> str:
    """The Spanish name of an action; an unknown code as it is."""
    try:
        return AuditAction(code).label
    except ValueError:
        return code


def subject_label(entity: str, entity_id: int | None) -> str:
    """What an entry is about: «Sesión 12», «Catálogo»."""
    try:
        name = AuditEntity(entity).label
    except ValueError:
        name = entity
    return name if entity_id is None else f"{name} {entity_id}"


def details_text(action: str, raw: str, seats: Mapping[str, str] | None = None) -> str:
    """An entry's details as one line of Spanish. ``seats`` names the seat keys the
    details mention (``puesto``), e.g. by the entity that holds each seat in the
    session. Reserved values stay encrypted and are only noted."""
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return raw
    if not isinstance(data, dict):
        return _value(data)
    secret = data.pop("reservado", None)
    vocabulary = {**_KEY_VOCABULARY, **_ACTION_VOCABULARY.get(action, {})}
    parts = [_pair(key, value, vocabulary, seats or {}) for key, value in data.items()]
    if secret:
        parts.append(RESERVED_NOTE)
    return "; ".join(parts)


def _pair(key: str, value: Any, vocabulary: Mapping[str, type[LabeledEnum]], seats: Mapping[str, str]) -> str:
    name = key.replace("_", " ")
    if key == "puesto" and isinstance(value, str):
        return f"{name}: {seats.get(value, value)}"
    if key == "estado_caso" and isinstance(value, list) and len(value) == 2:
        before, after = (_coded(v, CaseStatus) for v in value)
        return f"{name}: {before} → {after}"
    if key == "votos" and isinstance(value, list) and len(value) == 3:
        return f"{name}: a favor {value[0]}, en contra {value[1]}, abstención {value[2]}"
    if key == "medidas" and isinstance(value, list):
        return f"{name}: " + (", ".join(_measure(m) for m in value) if value else NONE)
    if isinstance(value, dict):
        inner = "; ".join(_pair(k, v, vocabulary, seats) for k, v in value.items())
        return f"{name}: ({inner})" if inner else f"{name}: {NONE}"
    enum = vocabulary.get(key)
    if enum is not None and isinstance(value, str):
        return f"{name}: {_coded(value, enum)}"
    return f"{name}: {_value(value)}"


def _coded(value: Any, enum: type[LabeledEnum]) -> str:
    if value is None:
        return NONE
    try:
        return enum(value).label
    except ValueError:
        return _value(value)


def _measure(row: Any) -> str:
    """``[code, quantity, action, months]`` as «chaleco_blindado ×1, implementar, 6 meses»."""
    if not isinstance(row, list) or len(row) != 4:
        return _value(row)
    code, quantity, action, months = row
    text = f"{code} ×{quantity}, {_coded(action, MeasureAction).lower()}"
    return text + (f", {plural(months, 'mes', 'meses')}" if months else "")


def _value(value: Any) -> str:
    if value is None or value == "":
        return NONE
    if value is True:
        return "sí"
    if value is False:
        return "no"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]" if value else NONE
    if isinstance(value, dict):
        return "(" + "; ".join(f"{k.replace('_', ' ')}: {_value(v)}" for k, v in value.items()) + ")"
    if isinstance(value, str):
        if (m := _ISO_DATE.fullmatch(value)) is not None:
            return f"{m[3]}/{m[2]}/{m[1]}"
        if (m := _ISO_TIME.fullmatch(value)) is not None:
            return f"{m[1]}:{m[2]}"
        if _ISO_DATETIME.fullmatch(value):  # a moment (when a backup was taken): in this computer's time
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return value
            return (moment.astimezone() if moment.tzinfo else moment).strftime("%d/%m/%Y %H:%M")
    return str(value)
