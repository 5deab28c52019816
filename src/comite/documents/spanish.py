"""Spanish (Colombian) formatting of dates, times, numbers and quantities.

Shared by every document builder (acta, convocation, resolutions). Pure
functions, no locale: the process locale of a Windows desktop is not something
a document may depend on.

Conventions (Colombian administrative style):

* Long dates: ``"3 de marzo de 2026"``; in words for legal acts:
  ``"veintitrés (23) de noviembre de dos mil veintiséis (2026)"``; day 1 is
  ``"primero (1)"``.
* Times, 12-hour clock: ``"9:30 a. m."``, ``"2:05 p. m."``; noon exactly is
  ``"12:00 m."`` (meridies), midnight ``"12:00 a. m."``.
* Decimal comma and thousands dot: ``"67,50 %"``, ``"1.250"``.
* Quantities: number in words, then digits, then the unit with agreement:
  ``"un (1) chaleco blindado"``, ``"una (1) camioneta"``,
  ``"dos (2) hombres de protección"``, ``"veintiún (21) días"``,
  ``"doscientas (200) horas"``.

num2words (lang ``es``) gives the bare masculine cardinal (``"uno"``,
``"veintiuno mil"``); :func:`cardinal` fixes apocope before a noun or ``mil``
(``"un"``, ``"veintiún mil"``) and feminine agreement (``"una"``,
``"doscientas"``), keeping ``millón``/``millones`` (a masculine noun) and what
precedes it masculine: ``"veintiún millones"``.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from num2words import num2words

Gender = Literal["m", "f"]

MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")

_MASC_APOCOPE = {"uno": "un", "veintiuno": "veintiún"}
_FEM = {"uno": "una", "veintiuno": "veintiuna"}
_MILLIONS = {"millón", "millones", "billón", "billones"}


def cardinal(n: int, gender: Gender = "m", *, before_noun: bool = False) -> str:
    """Cardinal number in Spanish words with agreement.

    ``before_noun`` applies apocope to a final masculine *uno*
    (``"veintiún (21) días"``); a bare number keeps it (``"dos mil veintiuno"``).
    Feminine applies to units and hundreds after the last ``millón(es)``:
    ``cardinal(221_000, "f") == "doscientas veintiuna mil"``.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"cardinal() needs an int, got {n!r}")
    if n < 0:
        return "menos " + cardinal(-n, gender, before_noun=before_noun)
    if gender not in ("m", "f"):
        raise ValueError(f"gender must be 'm' or 'f', got {gender!r}")
    words = num2words(n, lang="es").split()
    last_million = max((i for i, w in enumerate(words) if w in _MILLIONS), default=-1)
    out: list[str] = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if i < last_million:
            # Counts millions: "millón" is a masculine noun -> "veintiún millones".
            if nxt in _MILLIONS or nxt == "mil":
                word = _MASC_APOCOPE.get(word, word)
        elif i > last_million:
            if gender == "f":
                word = _FEM.get(word, word)
                if word.endswith("cientos"):
                    word = word[: -len("cientos")] + "cientas"
            elif nxt == "mil" or (nxt is None and before_noun):
                word = _MASC_APOCOPE.get(word, word)
        out.append(word)
    return " ".join(out)


def digits(n: int) -> str:
    """Digits as legal texts write them: ``"2026"``, ``"1250"``, ``"25.000"``.

    Like the RAE, four-digit numbers take no thousands separator.
    """
    return integer(n) if abs(n) >= 10_000 else str(n)


def number_with_digits(n: int, gender: Gender = "m", *, before_noun: bool = False) -> str:
    """``"dos (2)"``: words then digits, as legal texts write amounts."""
    return f"{cardinal(n, gender, before_noun=before_noun)} ({digits(n)})"


def quantity_phrase(n: int, singular: str, plural: str, gender: Gender = "m") -> str:
    """``"dos (2) hombres de protección"``, ``"un (1) chaleco blindado"``.

    ``gender`` is the grammatical gender of the unit's head noun
    (``"f"`` for *camioneta*, *persona*, *hora*). Only 1 takes the singular;
    0 reads ``"cero (0) hombres de protección"``.
    """
    if n < 0:
        raise ValueError(f"a quantity cannot be negative: {n}")
    unit = singular if n == 1 else plural
    words = cardinal(n, gender, before_noun=True)
    # "un millón de días": millón/millones is a noun and takes "de".
    link = " de" if words.rsplit(" ", 1)[-1] in _MILLIONS else ""
    return f"{words} ({digits(n)}){link} {unit}"


_MASCULINE_IN_A = frozenset(
    {"día", "mapa", "sistema", "programa", "problema", "tema", "esquema", "idioma", "radar"}
)
_FEMININE_OTHER = frozenset({"mano", "moto", "foto", "llave", "red"})
_FEMININE_ENDINGS = ("a", "ión", "dad", "tad", "tud", "umbre")


def guess_gender(noun_phrase: str) -> Gender:
    """Best guess of the grammatical gender of a unit's head noun.

    ``"camioneta blindada"`` -> ``"f"``; ``"chaleco blindado"`` -> ``"m"``;
    ``"hombre de protección"`` -> ``"m"``. For when the data has no gender; an
    explicit gender always wins.
    """
    words = noun_phrase.strip().lower().split()
    if not words:
        return "m"
    head = words[0]
    if head in _MASCULINE_IN_A:
        return "m"
    if head in _FEMININE_OTHER or head.endswith(_FEMININE_ENDINGS):
        return "f"
    return "m"


def months_phrase(n: int) -> str:
    """``"doce (12) meses"``, ``"un (1) mes"``."""
    return quantity_phrase(n, "mes", "meses")


# -- dates --------------------------------------------------------------------


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def weekday_name(d: date) -> str:
    return WEEKDAYS[d.weekday()]


def date_long(d: date) -> str:
    """``"3 de marzo de 2026"``."""
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


def date_long_weekday(d: date) -> str:
    """``"martes 3 de marzo de 2026"``."""
    return f"{weekday_name(d)} {date_long(d)}"


def date_short(d: date) -> str:
    """``"03/03/2026"`` (day first, as Colombian forms write it)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def day_in_words(day: int) -> str:
    """``"veintitrés (23)"``; the first of the month is ``"primero (1)"``."""
    if day == 1:
        return "primero (1)"
    return number_with_digits(day)


def date_in_words(d: date) -> str:
    """``"veintitrés (23) de noviembre de dos mil veintiséis (2026)"``."""
    return f"{day_in_words(d.day)} de {MONTHS[d.month - 1]} de {cardinal(d.year)} ({d.year})"


# -- times --------------------------------------------------------------------


def time_12h(t: time | datetime) -> str:
    """``"9:30 a. m."``, ``"2:05 p. m."``, ``"12:00 m."`` (noon), ``"12:15 a. m."``."""
    h, m = t.hour, t.minute
    if h == 12 and m == 0:
        return "12:00 m."
    suffix = "a. m." if h < 12 else "p. m."
    h12 = h % 12 or 12
    return f"{h12}:{m:02d} {suffix}"


def time_range(start: time | None, end: time | None) -> str:
    """``"9:00 a. m. a 12:00 m."``; a missing end gives ``"desde las 9:00 a. m."``."""
    if end is None:
        return "por definir" if start is None else f"desde las {time_12h(start)}"
    if start is None:
        return f"hasta las {time_12h(end)}"
    return f"{time_12h(start)} a {time_12h(end)}"


# -- numbers ------------------------------------------------------------------


def decimal(x: float, places: int = 2) -> str:
    """``decimal(1234.5) == "1.234,50"``: thousands dot, decimal comma.

    Rounds half up on the number as written (``85.255`` -> ``"85,26"``), not
    on its binary approximation, as a person checking the document would.
    """
    exact = Decimal(str(x)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{exact:,.{places}f}"  # "1,234.50"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def integer(n: int) -> str:
    """``"1.250"``."""
    return f"{n:,d}".replace(",", ".")


def percent(x: float, places: int = 2) -> str:
    """``"67,50 %"`` (a space before the sign, as the RAE and ISO write it)."""
    return f"{decimal(x, places)} %"


def yes_no(value: bool | None) -> str:
    if value is None:
        return "Sin dato"
    return "Sí" if value else "No"
