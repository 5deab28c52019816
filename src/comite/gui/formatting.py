"""How values read on screen: Colombian dates, times, numbers and yes/no.

Pure functions (no Qt), so models and tests share them.
"""

from __future__ import annotations

from datetime import date, datetime, time

from comite.text import plural  # noqa: F401 - the GUI formats counts from here

MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


def short_date(d: date | None) -> str:
    """``23/11/2026`` (empty for no date)."""
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year}"


def long_date(d: date | None, *, weekday: bool = False) -> str:
    """``23 de noviembre de 2026`` (``lunes 23 de noviembre de 2026`` with ``weekday``)."""
    if d is None:
        return ""
    text = f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def hour(t: time | None) -> str:
    """``09:00`` (24-hour clock, as actas write it)."""
    return "" if t is None else f"{t.hour:02d}:{t.minute:02d}"


def timestamp(dt: datetime | None) -> str:
    """``23/11/2026 14:05`` in the computer's local time."""
    if dt is None:
        return ""
    local = dt.astimezone() if dt.tzinfo else dt
    return f"{short_date(local.date())} {hour(local.time())}"


def session_number(number: int, year: int) -> str:
    """``003/2026``."""
    return f"{number:03d}/{year}"


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return "Sí" if value else "No"


def percent(value: float | None) -> str:
    """``72,5 %`` (Colombian decimal comma)."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} %"


def days_phrase(n: int) -> str:
    """``hoy``, ``en 1 día``, ``en 8 días``, ``hace 3 días``."""
    if n == 0:
        return "hoy"
    return f"en {plural(n, 'día')}" if n > 0 else f"hace {plural(-n, 'día')}"
