"""Helpers shared by the rules modules: an input error, Spanish wording, fractions."""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

from comite.errors import ValidationError
from comite.text import plural  # noqa: F401 - the rules word their counts from here


class InvalidValue(ValidationError, ValueError):
    """A value outside its domain (negative term, percentage over 100...).

    It is a :class:`ValueError` for callers that validate programmatically and a
    :class:`~comite.errors.ValidationError` so the edge shows its Spanish text.
    """


def _words(text: str) -> frozenset[str]:
    return frozenset(text.casefold().split())


# Grammatical gender of the head noun of an entity name, to write "La Defensoría
# del Pueblo tiene solo voz". Names not recognised are written without article.
_FEMININE = _words(
    "agencia alta comisión consejería corporación defensoría dirección fiscalía "
    "inspección oficina organización policía presidencia procuraduría secretaría "
    "subdirección unidad OACNUDH UARIV UNP ONU"
)
_MASCULINE = _words(
    "alto comité coordinador departamento director grupo ICBF instituto ministerio "
    "partido presidente programa secretario subdirector ACNUR"
)


def with_article(entity: str) -> str:
    """``'Defensoría del Pueblo'`` -> ``'La Defensoría del Pueblo'`` (sentence start)."""
    name = entity.strip()
    words = name.split()
    if not words:
        return name
    head = words[0].casefold()
    if head in ("el", "la", "los", "las"):
        return name[0].upper() + name[1:]
    if head in _FEMININE:
        return f"La {name}"
    if head in _MASCULINE:
        return f"El {name}"
    return name[0].upper() + name[1:]


def join_es(items: Iterable[str]) -> str:
    """``['a', 'b', 'c']`` -> ``'a, b y c'``."""
    names = list(items)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} y {names[-1]}"


def format_number(value: float) -> str:
    """Spanish decimal comma, no trailing zeros: ``62.5`` -> ``'62,5'``, ``80.0`` -> ``'80'``."""
    return f"{value:.10g}".replace(".", ",")


def as_fraction(value: float, what: str) -> Fraction:
    """A configured fraction in [0, 1) as an exact ratio (``2/3`` stays ``2/3``)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise InvalidValue(f"La fracción de {what} debe ser un número.")
    if not 0 <= value < 1:
        raise InvalidValue(
            f"La fracción de {what} debe estar entre 0 y 1 (sin incluir 1); se recibió "
            f"{format_number(value)}."
        )
    return Fraction(value).limit_denominator(1000)


def more_than(fraction: Fraction, basis: int) -> int:
    """Smallest integer strictly greater than ``fraction × basis``."""
    return math.floor(fraction * basis) + 1
