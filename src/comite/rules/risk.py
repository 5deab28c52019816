"""From the risk matrix percentage to a risk level, with configurable bands.

No source fixes the cut-offs (DOMAIN.md, "Risk levels"); an administrator
configures them as ``(level, min_pct, max_pct)`` bands, both bounds inclusive.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from comite.domain import RiskLevel
from comite.rules._common import InvalidValue, format_number

Band = tuple[RiskLevel, float, float]


def validate_bands(bands: Sequence[Band]) -> None:
    """Check that bands lie within 0..100, have min <= max and do not overlap.

    Gaps are allowed (a percentage in a gap is refused when it is classified).

    Raises:
        InvalidValue: a band is malformed or two bands overlap.
    """
    if not bands:
        raise InvalidValue("No hay franjas de riesgo configuradas.")
    ordered = sorted(bands, key=lambda band: band[1])
    for level, low, high in ordered:
        if not 0 <= low <= high <= 100:
            raise InvalidValue(
                f"La franja del nivel {level.label.lower()} ({format_number(low)} a "
                f"{format_number(high)}) debe estar dentro de 0 a 100 y empezar antes de terminar."
            )
    for (level_a, _, high_a), (level_b, low_b, _) in zip(ordered, ordered[1:], strict=False):
        if low_b <= high_a:
            raise InvalidValue(
                f"Las franjas de los niveles {level_a.label.lower()} y {level_b.label.lower()} "
                "se superponen."
            )


def level_for_percentage(pct: float, bands: Sequence[Band]) -> RiskLevel:
    """The risk level whose band contains ``pct`` (bounds inclusive).

    Raises:
        InvalidValue: ``pct`` is not a number between 0 and 100, the bands are
            invalid, or no band contains ``pct``.
    """
    if isinstance(pct, bool) or not isinstance(pct, int | float) or math.isnan(pct):
        raise InvalidValue("El porcentaje de la matriz de riesgo debe ser un número.")
    if not 0 <= pct <= 100:
        raise InvalidValue(
            f"El porcentaje de la matriz de riesgo debe estar entre 0 y 100; "
            f"se recibió {format_number(pct)}."
        )
    validate_bands(bands)
    for level, low, high in bands:
        if low <= pct <= high:
            return level
    raise InvalidValue(
        f"El porcentaje {format_number(pct)} no cae en ninguna franja de riesgo configurada."
    )
