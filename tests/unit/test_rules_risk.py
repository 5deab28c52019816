"""Risk matrix percentage -> level, with configurable inclusive bands."""

from __future__ import annotations

import pytest

from comite.domain import RiskLevel
from comite.errors import ValidationError
from comite.rules.risk import level_for_percentage, validate_bands

ORD, EXT, EXM = RiskLevel.ORDINARIO, RiskLevel.EXTRAORDINARIO, RiskLevel.EXTREMO
BANDS = [(ORD, 0, 49.99), (EXT, 50, 79.99), (EXM, 80, 100)]


@pytest.mark.parametrize(
    "pct, level",
    [(0, ORD), (25.5, ORD), (49.99, ORD), (50, EXT), (62.5, EXT), (79.99, EXT), (80, EXM),
     (100, EXM)],
)  # fmt: skip
def test_level_for_percentage(pct, level):
    assert level_for_percentage(pct, BANDS) is level
    assert level_for_percentage(pct, list(reversed(BANDS))) is level


def test_bands_are_configurable():
    strict = [(ORD, 0, 30), (EXT, 30.01, 60), (EXM, 60.01, 100)]
    assert level_for_percentage(50, strict) is EXT
    assert level_for_percentage(50, BANDS) is EXT
    assert level_for_percentage(65, strict) is EXM


@pytest.mark.parametrize(
    "pct, message",
    [
        (-1, "El porcentaje de la matriz de riesgo debe estar entre 0 y 100; se recibió -1."),
        (100.5, "El porcentaje de la matriz de riesgo debe estar entre 0 y 100; se recibió 100,5."),
        (float("nan"), "El porcentaje de la matriz de riesgo debe ser un número."),
        ("50", "El porcentaje de la matriz de riesgo debe ser un número."),
        (49.995, "El porcentaje 49,995 no cae en ninguna franja de riesgo configurada."),
    ],
)
def test_invalid_percentages_are_refused(pct, message):
    with pytest.raises(ValidationError) as err:
        level_for_percentage(pct, BANDS)
    assert str(err.value) == message
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    "bands, message",
    [
        ([], "No hay franjas de riesgo configuradas."),
        ([(ORD, 0, 50), (EXT, 50, 100)],
         "Las franjas de los niveles ordinario y extraordinario se superponen."),
        ([(ORD, 0, 50), (EXT, 60, 110)],
         "La franja del nivel extraordinario (60 a 110) debe estar dentro de 0 a 100 y "
         "empezar antes de terminar."),
        ([(EXM, 90, 80)],
         "La franja del nivel extremo (90 a 80) debe estar dentro de 0 a 100 y empezar "
         "antes de terminar."),
    ],
)  # fmt: skip
def test_invalid_bands_are_refused(bands, message):
    with pytest.raises(ValidationError) as err:
        validate_bands(bands)
    assert str(err.value) == message
