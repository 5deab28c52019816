"""Field-level reading of catalogue TOML tables, with Spanish error messages.

Every error names the file, the place inside it and the field, so that an
administrator who edits a file can find the mistake.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

from comite.catalog.schema import VOTING_ROLES, format_day
from comite.domain import LabeledEnum, Rights, SeatCondition, SeatRole
from comite.errors import ValidationError

E = TypeVar("E", bound=LabeledEnum)

#: Column widths of the database model (comite.model.catalog); longer values are refused.
MAX_LEN = {
    "code": 40,
    "version": 80,
    "key": 60,
    "entity": 250,
    "entity_code": 60,
    "holder": 250,
    "population": 20,
    "name": 200,
    "short_name": 80,
    "unit_singular": 120,
    "unit_plural": 120,
}


@dataclass(frozen=True)
class Where:
    """A place in a catalogue file, for error messages."""

    file: Path
    path: tuple[str, ...] = ()

    def child(self, part: str) -> Where:
        return Where(self.file, (*self.path, part))

    def error(self, problem: str, field_name: str | None = None) -> ValidationError:
        parts = list(self.path)
        if field_name:
            parts.append(f"campo «{field_name}»")
        place = f" ({', '.join(parts)})" if parts else ""
        return ValidationError(f"Catálogo, archivo «{self.file}»{place}: {problem}")


def read_toml(path: Path) -> dict[str, Any]:
    where = Where(path)
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        detail = str(err)
        m = re.search(r"line (\d+), column (\d+)", detail)
        pos = f" (línea {m.group(1)}, columna {m.group(2)})" if m else ""
        raise where.error(
            f"el archivo no es TOML válido{pos}; revise comillas, corchetes y signos «=»."
        ) from err
    except UnicodeDecodeError as err:
        raise where.error("el archivo no está codificado en UTF-8.") from err
    except OSError as err:
        raise where.error(f"no se pudo leer el archivo ({err.strerror}).") from err


def check_keys(table: Mapping[str, Any], allowed: set[str], where: Where) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise where.error(
            f"campo desconocido «{unknown[0]}». Campos admitidos: {', '.join(sorted(allowed))}."
        )


def table_list(table: Mapping[str, Any], key: str, where: Where) -> list[dict[str, Any]]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise where.error(f"debe ser una lista de tablas ([[{key}]]).", key)
    return value


def text(
    table: Mapping[str, Any],
    key: str,
    where: Where,
    *,
    required: bool = True,
    default: str = "",
    limit: int | None = None,
) -> str:
    """A non-empty string; ``limit`` defaults to the column width in MAX_LEN."""
    value = table.get(key)
    if value is None:
        if required:
            raise where.error("falta este campo obligatorio.", key)
        return default
    if not isinstance(value, str) or not value.strip():
        raise where.error("debe ser un texto no vacío.", key)
    value = value.strip()
    limit = MAX_LEN.get(key) if limit is None else limit
    if limit and len(value) > limit:
        raise where.error(f"el texto supera {limit} caracteres.", key)
    return value


def day(table: Mapping[str, Any], key: str, where: Where, *, required: bool = True) -> date | None:
    value = table.get(key)
    if value is None:
        if required:
            raise where.error("falta la fecha (AAAA-MM-DD).", key)
        return None
    if isinstance(value, datetime):
        raise where.error("debe ser una fecha sin hora (AAAA-MM-DD).", key)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise where.error(f"«{value}» no es una fecha válida (AAAA-MM-DD).", key)


def period(table: Mapping[str, Any], where: Where) -> tuple[date, date | None]:
    start = day(table, "valid_from", where)
    end = day(table, "valid_to", where, required=False)
    assert start is not None
    if end is not None and end < start:
        raise where.error(
            "la fecha final (valid_to) es anterior a la inicial (valid_from).", "valid_to"
        )
    return start, end


@overload
def choice(table: Mapping[str, Any], key: str, where: Where, enum: type[E], *, required: Literal[True] = True) -> E: ...


@overload
def choice(table: Mapping[str, Any], key: str, where: Where, enum: type[E], *, required: bool) -> E | None: ...


def choice(
    table: Mapping[str, Any], key: str, where: Where, enum: type[E], *, required: bool = True
) -> E | None:
    value = table.get(key)
    if value is None:
        if required:
            raise where.error("falta este campo obligatorio.", key)
        return None
    if isinstance(value, str):
        try:
            return enum.parse(value)
        except ValueError:
            pass
    codes = ", ".join(m.value for m in enum)
    raise where.error(f"valor desconocido «{value}». Valores admitidos: {codes}.", key)


def flag(table: Mapping[str, Any], key: str, where: Where, default: bool = False) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise where.error("debe ser true o false.", key)
    return value


def number(
    table: Mapping[str, Any], key: str, where: Where, *, default: float | None = None
) -> float:
    value = table.get(key, default)
    if value is None:
        raise where.error("falta este campo obligatorio.", key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise where.error(f"«{value}» no es un número.", key)
    return float(value)


def integer(table: Mapping[str, Any], key: str, where: Where, *, default: int | None = None) -> int:
    value = table.get(key, default)
    if value is None:
        raise where.error("falta este campo obligatorio.", key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(f"«{value}» no es un número entero.", key)
    return value


def overlaps(a0: date, a1: date | None, b0: date, b1: date | None) -> bool:
    """Whether two closed periods (``None`` end: open) share at least one day."""
    return (a1 is None or b0 <= a1) and (b1 is None or a0 <= b1)


def span(start: date, end: date | None) -> str:
    return f"{format_day(start)} – {format_day(end) if end else 'sin fecha final'}"


def code(table: Mapping[str, Any], where: Where, limit: int, pattern: str = r"[a-z0-9_]+") -> str:
    value = text(table, "code", where)
    if not re.fullmatch(pattern, value) or len(value) > limit:
        raise where.error(
            f"código inválido «{value}» (formato {pattern}, máx. {limit} caracteres).", "code"
        )
    return value


# --- seats ---------------------------------------------------------------

SEAT_KEYS = {
    "key",
    "entity",
    "entity_code",
    "holder",
    "role",
    "rights",
    "condition",
    "population",
    "legal_basis",
    "override",
    "per_population",
    "populations",
}


@dataclass
class RawSeat:
    """A seat as declared; ``per_population`` seats expand into one seat per
    delegate and population (``{key}_{number:02d}_{i}``)."""

    where: Where
    key: str
    entity: str
    entity_code: str
    holder: str
    role: SeatRole
    rights: Rights
    condition: SeatCondition | None
    population: str | None
    legal_basis: str
    override: bool = False
    per_population: int = 0
    populations: list[str] | None = field(default=None)  # None: all in force


def parse_seat(table: Mapping[str, Any], where: Where, population_codes: set[str]) -> RawSeat:
    check_keys(table, SEAT_KEYS, where)
    key = text(table, "key", where)
    if not re.fullmatch(r"[a-z0-9_]+", key):
        raise where.error("la clave solo admite minúsculas, dígitos y «_».", "key")
    where = Where(where.file, (*where.path[:-1], f"{where.path[-1]} «{key}»"))
    seat = RawSeat(
        where=where,
        key=key,
        entity=text(table, "entity", where),
        entity_code=text(table, "entity_code", where),
        holder=text(table, "holder", where),
        role=choice(table, "role", where, SeatRole),
        rights=choice(table, "rights", where, Rights),
        condition=choice(table, "condition", where, SeatCondition, required=False),
        population=text(table, "population", where, required=False) or None,
        legal_basis=text(table, "legal_basis", where),
        override=flag(table, "override", where),
        per_population=integer(table, "per_population", where, default=0),
    )
    if seat.per_population < 0:
        raise where.error("debe ser un número positivo.", "per_population")
    raw_pops = table.get("populations", "all")
    if raw_pops != "all":
        if not isinstance(raw_pops, list) or not all(isinstance(p, str) for p in raw_pops):
            raise where.error('debe ser "all" o una lista de códigos de población.', "populations")
        seat.populations = list(raw_pops)
    if "populations" in table and not seat.per_population:
        raise where.error("solo se usa junto con «per_population».", "populations")
    for pop_code in [seat.population] if seat.population else seat.populations or []:
        if pop_code not in population_codes:
            raise where.error(f"población objeto desconocida «{pop_code}».", "population")
    own = seat.condition is SeatCondition.OWN_POPULATION
    if seat.per_population:
        if not own or seat.population:
            raise where.error(
                "un puesto por población exige la condición «own_population» y no lleva «population».",
                "per_population",
            )
    elif own and not seat.population:
        raise where.error(
            "un puesto con la condición «own_population» debe indicar la población que representa.",
            "population",
        )
    elif seat.population and not own:
        raise where.error(
            "solo los puestos con la condición «own_population» llevan población.", "population"
        )
    if seat.role in (SeatRole.PRESIDE, SeatRole.MIEMBRO) and seat.rights is not Rights.VOZ_Y_VOTO:
        raise where.error(f"el rol «{seat.role.value}» exige derechos «voz_y_voto».", "rights")
    if seat.role not in VOTING_ROLES and seat.rights is not Rights.SOLO_VOZ:
        raise where.error(
            f"un invitado («{seat.role.value}») solo tiene voz («solo_voz»).", "rights"
        )
    return seat
