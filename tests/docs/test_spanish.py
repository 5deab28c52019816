"""Spanish formatting helpers (dates, times, numbers, quantities with agreement)."""

from __future__ import annotations

from datetime import date, time

import pytest

from comite.documents.spanish import (
    cardinal,
    date_in_words,
    date_long,
    date_long_weekday,
    date_short,
    decimal,
    guess_gender,
    percent,
    quantity_phrase,
    time_12h,
    time_range,
)


@pytest.mark.parametrize(
    ("n", "singular", "plural", "gender", "expected"),
    [
        (1, "chaleco blindado", "chalecos blindados", "m", "un (1) chaleco blindado"),
        (1, "camioneta", "camionetas", "f", "una (1) camioneta"),
        (2, "hombre de protección", "hombres de protección", "m", "dos (2) hombres de protección"),
        (0, "hombre de protección", "hombres de protección", "m", "cero (0) hombres de protección"),
        (21, "día", "días", "m", "veintiún (21) días"),
        (21, "persona", "personas", "f", "veintiuna (21) personas"),
        (31, "botón de apoyo", "botones de apoyo", "m", "treinta y un (31) botones de apoyo"),
        (100, "día", "días", "m", "cien (100) días"),
        (101, "hora", "horas", "f", "ciento una (101) horas"),
        (200, "hora", "horas", "f", "doscientas (200) horas"),
        (500, "peso", "pesos", "m", "quinientos (500) pesos"),
        (1000, "peso", "pesos", "m", "mil (1000) pesos"),
        (21000, "peso", "pesos", "m", "veintiún mil (21.000) pesos"),
        (221000, "persona", "personas", "f", "doscientas veintiuna mil (221.000) personas"),
        (1_000_000, "peso", "pesos", "m", "un millón (1.000.000) de pesos"),
        (21_000_000, "persona", "personas", "f", "veintiún millones (21.000.000) de personas"),
        (1_500_000, "peso", "pesos", "m", "un millón quinientos mil (1.500.000) pesos"),
    ],
)
def test_quantity_phrase(n, singular, plural, gender, expected):
    assert quantity_phrase(n, singular, plural, gender) == expected


def test_quantity_default_gender_is_masculine():
    assert quantity_phrase(1, "medio de comunicación", "medios de comunicación") == (
        "un (1) medio de comunicación"
    )


def test_quantity_rejects_negative_and_bad_gender():
    with pytest.raises(ValueError):
        quantity_phrase(-1, "día", "días")
    with pytest.raises(ValueError):
        quantity_phrase(2, "día", "días", "x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "uno"),
        (16, "dieciséis"),
        (21, "veintiuno"),
        (2021, "dos mil veintiuno"),
        (2026, "dos mil veintiséis"),
        (21000, "veintiún mil"),
        (31_000, "treinta y un mil"),
        (2_021_000, "dos millones veintiún mil"),
    ],
)
def test_bare_cardinal_keeps_uno(n, expected):
    assert cardinal(n) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 11, 23), "veintitrés (23) de noviembre de dos mil veintiséis (2026)"),
        (date(2026, 3, 1), "primero (1) de marzo de dos mil veintiséis (2026)"),
        (date(2021, 1, 21), "veintiuno (21) de enero de dos mil veintiuno (2021)"),
        (date(2030, 12, 31), "treinta y uno (31) de diciembre de dos mil treinta (2030)"),
    ],
)
def test_date_in_words(d, expected):
    assert date_in_words(d) == expected


@pytest.mark.parametrize(
    ("d", "long", "weekday", "short"),
    [
        (date(2026, 3, 3), "3 de marzo de 2026", "martes 3 de marzo de 2026", "03/03/2026"),
        (
            date(2026, 9, 12),
            "12 de septiembre de 2026",
            "sábado 12 de septiembre de 2026",
            "12/09/2026",
        ),
        (date(2026, 7, 15), "15 de julio de 2026", "miércoles 15 de julio de 2026", "15/07/2026"),
    ],
)
def test_dates(d, long, weekday, short):
    assert date_long(d) == long
    assert date_long_weekday(d) == weekday
    assert date_short(d) == short


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (time(9, 30), "9:30 a. m."),
        (time(0, 5), "12:05 a. m."),
        (time(11, 59), "11:59 a. m."),
        (time(12, 0), "12:00 m."),
        (time(12, 30), "12:30 p. m."),
        (time(14, 5), "2:05 p. m."),
        (time(23, 0), "11:00 p. m."),
    ],
)
def test_time_12h(t, expected):
    assert time_12h(t) == expected


def test_time_range():
    assert time_range(time(9), time(12)) == "9:00 a. m. a 12:00 m."
    assert time_range(time(9), None) == "desde las 9:00 a. m."
    assert time_range(None, None) == "por definir"


@pytest.mark.parametrize(
    ("x", "expected"),
    [(67.5, "67,50 %"), (0, "0,00 %"), (100, "100,00 %"), (85.255, "85,26 %")],
)
def test_percent(x, expected):
    assert percent(x) == expected


def test_decimal_uses_colombian_separators():
    assert decimal(1234567.891) == "1.234.567,89"
    assert decimal(0.5, 1) == "0,5"


@pytest.mark.parametrize(
    ("noun", "gender"),
    [
        ("camioneta blindada", "f"),
        ("chaleco blindado", "m"),
        ("hombre de protección", "m"),
        ("botón de apoyo", "m"),
        ("medio de comunicación", "m"),
        ("día", "m"),
        ("unidad de escolta", "f"),
        ("motocicleta", "f"),
        ("vehículo convencional", "m"),
    ],
)
def test_guess_gender(noun, gender):
    assert guess_gender(noun) == gender
