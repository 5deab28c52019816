"""Spanish wording helpers of the rules package."""

from __future__ import annotations

import pytest

from comite.rules._common import format_number, join_es, plural, with_article


@pytest.mark.parametrize(
    "entity, expected",
    [
        ("Defensoría del Pueblo", "La Defensoría del Pueblo"),
        ("Policía Nacional", "La Policía Nacional"),
        ("Ministerio de Defensa Nacional", "El Ministerio de Defensa Nacional"),
        ("Programa Presidencial de DDHH y DIH", "El Programa Presidencial de DDHH y DIH"),
        ("UNP", "La UNP"),
        ("ACNUR", "El ACNUR"),
        ("Corporación Reiniciar", "La Corporación Reiniciar"),
        ("la Fiscalía General de la Nación", "La Fiscalía General de la Nación"),
        ("Reiniciar", "Reiniciar"),  # unknown head noun: no article
    ],
)
def test_with_article(entity, expected):
    assert with_article(entity) == expected


@pytest.mark.parametrize(
    "items, expected",
    [([], ""), (["a"], "a"), (["a", "b"], "a y b"), (["a", "b", "c"], "a, b y c")],
)
def test_join_es(items, expected):
    assert join_es(items) == expected


def test_plural_and_numbers():
    assert plural(1, "voto") == "1 voto"
    assert plural(0, "voto") == "0 votos"
    assert plural(2, "abstención", "abstenciones") == "2 abstenciones"
    assert [format_number(x) for x in (62.5, 80.0, -1, 49.995)] == ["62,5", "80", "-1", "49,995"]
