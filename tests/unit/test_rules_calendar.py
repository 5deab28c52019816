"""Colombian business days. Oracle: the official 2024 and 2025 holiday calendars
(Ley 51 de 1983 Monday moves, Easter 2024-03-31 and 2025-04-20), checked by hand."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from comite.errors import ValidationError
from comite.rules.calendar import (
    add_business_days,
    add_months,
    business_days_between,
    gvp_deadline,
    gvp_overdue_cutoff,
    is_business_day,
    is_holiday,
    ordinary_route_deadline,
    revaluation_date,
)

D = date

HOLIDAYS_2024 = [
    D(2024, 1, 1), D(2024, 1, 8), D(2024, 3, 25), D(2024, 3, 28), D(2024, 3, 29),
    D(2024, 5, 1), D(2024, 5, 13), D(2024, 6, 3), D(2024, 6, 10), D(2024, 7, 1),
    D(2024, 7, 20), D(2024, 8, 7), D(2024, 8, 19), D(2024, 10, 14), D(2024, 11, 4),
    D(2024, 11, 11), D(2024, 12, 8), D(2024, 12, 25),
]  # fmt: skip
HOLIDAYS_2025 = [
    D(2025, 1, 1), D(2025, 1, 6), D(2025, 3, 24), D(2025, 4, 17), D(2025, 4, 18),
    D(2025, 5, 1), D(2025, 6, 2), D(2025, 6, 23), D(2025, 6, 30), D(2025, 7, 20),
    D(2025, 8, 7), D(2025, 8, 18), D(2025, 10, 13), D(2025, 11, 3), D(2025, 11, 17),
    D(2025, 12, 8), D(2025, 12, 25),
]  # fmt: skip


@pytest.mark.parametrize("year, expected", [(2024, HOLIDAYS_2024), (2025, HOLIDAYS_2025)])
def test_holidays_of_the_year_match_the_official_calendar(year, expected):
    days = [D(year, 1, 1) + timedelta(i) for i in range(366 if year % 4 == 0 else 365)]
    assert [d for d in days if is_holiday(d)] == expected



def test_colombia_alone_gives_the_packages_colombian_calendar():
    """The Colombian module is loaded on its own (not the ~250 countries); it must be
    the same calendar the package's own look-up gives."""
    import holidays

    for year in range(2020, 2031):
        days = [D(year, 1, 1) + timedelta(i) for i in range(366 if year % 4 == 0 else 365)]
        official = holidays.country_holidays("CO", years=year)
        assert [d for d in days if is_holiday(d)] == [d for d in days if d in official]

@pytest.mark.parametrize(
    "day, business",
    [
        (D(2024, 1, 8), False),  # Reyes moved to Monday
        (D(2024, 3, 19), True),  # San José's own date; observed on the 25th
        (D(2024, 3, 28), False),  # Holy Thursday
        (D(2024, 3, 29), False),  # Good Friday
        (D(2024, 5, 9), True),  # Ascension Thursday; observed Monday 13
        (D(2024, 8, 7), False),  # Batalla de Boyacá, not moved
        (D(2024, 8, 15), True),  # Asunción's own date; observed on the 19th
        (D(2024, 10, 12), False),  # Saturday (Día de la Raza observed the 14th)
        (D(2024, 12, 24), True),
        (D(2024, 12, 25), False),
        (D(2025, 6, 30), False),  # Sagrado Corazón and San Pedro, both moved
        (D(2025, 11, 11), True),  # Independencia de Cartagena moved to the 17th
        (D(2025, 11, 17), False),
        (D(2025, 12, 8), False),
        (D(2025, 5, 31), False),  # Saturday
        (D(2025, 6, 1), False),  # Sunday
        (D(2025, 6, 3), True),
    ],
)
def test_is_business_day(day, business):
    assert is_business_day(day) is business


@pytest.mark.parametrize(
    "start, n, expected",
    [
        # Friday before Holy Week 2024: San José Monday, then Thursday/Friday off.
        (D(2024, 3, 22), 5, D(2024, 4, 3)),
        (D(2024, 3, 27), 1, D(2024, 4, 1)),
        # Holy Week 2025.
        (D(2025, 4, 14), 5, D(2025, 4, 23)),
        # Friday before Reyes moved to Monday.
        (D(2024, 1, 5), 1, D(2024, 1, 9)),
        # Start on a holiday (Asunción observed).
        (D(2024, 8, 19), 1, D(2024, 8, 20)),
        (D(2024, 8, 19), 5, D(2024, 8, 26)),
        # Start on a Saturday before Día de la Raza moved to Monday.
        (D(2024, 10, 12), 1, D(2024, 10, 15)),
        (D(2024, 10, 12), 3, D(2024, 10, 17)),
        # Start on a Sunday before a moved holiday.
        (D(2025, 6, 29), 1, D(2025, 7, 1)),
        # Friday before Ascensión moved to Monday.
        (D(2025, 5, 30), 5, D(2025, 6, 9)),
        # Corpus and Sagrado Corazón / San Pedro on consecutive Mondays.
        (D(2025, 6, 20), 5, D(2025, 7, 1)),
        # Two Monday holidays in November 2024.
        (D(2024, 11, 1), 6, D(2024, 11, 13)),
        # Across the new year (Christmas, Reyes 2025 on its own Monday).
        (D(2024, 12, 20), 10, D(2025, 1, 8)),
        # n = 0 returns the start, even on a holiday.
        (D(2024, 7, 20), 0, D(2024, 7, 20)),
    ],
)
def test_add_business_days(start, n, expected):
    assert add_business_days(start, n) == expected


def test_negative_term_is_refused_in_spanish():
    with pytest.raises(ValueError, match="negativos") as err:
        add_business_days(D(2024, 1, 2), -1)
    assert isinstance(err.value, ValidationError)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (D(2024, 3, 22), D(2024, 4, 3), 5),
        (D(2024, 12, 20), D(2025, 1, 10), 12),
        (D(2024, 3, 22), D(2024, 3, 22), 0),
        (D(2024, 4, 3), D(2024, 3, 22), -5),
        (D(2024, 10, 12), D(2024, 10, 14), 0),  # Saturday to holiday Monday
        (D(2024, 3, 22), D(2024, 3, 24), 0),  # Friday to Sunday
        # 2024: 262 weekdays - 16 weekday holidays = 246; then 2 January 2025.
        (D(2023, 12, 29), D(2025, 1, 2), 246 + 1),
    ],
)
def test_business_days_between(a, b, expected):
    assert business_days_between(a, b) == expected


def _naive_add(start: date, n: int) -> date:
    day = start
    while n:
        day += timedelta(1)
        if day.weekday() < 5 and not is_holiday(day):
            n -= 1
    return day


@pytest.mark.parametrize("n", [1, 3, 5, 22, 30, 61])
def test_fast_path_agrees_with_a_day_by_day_walk(n):
    for offset in range(0, 3 * 365, 3):
        start = D(2023, 11, 1) + timedelta(offset)
        end = add_business_days(start, n)
        assert end == _naive_add(start, n), start
        assert business_days_between(start, end) == n


def test_two_hundred_thousand_deadlines_are_fast():
    starts = [D(2020, 1, 1) + timedelta(i % 2500) for i in range(200_000)]
    began = time.perf_counter()
    for start in starts:
        ordinary_route_deadline(start)
    assert time.perf_counter() - began < 10


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 12, 15), 1, D(2025, 1, 15)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 8, 31), 6, D(2025, 2, 28)),
        (D(2024, 1, 15), 0, D(2024, 1, 15)),
        (D(2024, 1, 15), -13, D(2022, 12, 15)),
    ],
)
def test_add_months_clamps_the_day(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    "received, expected",
    [
        (D(2025, 4, 11), D(2025, 4, 22)),  # Friday before Holy Week
        (D(2024, 3, 22), D(2024, 4, 3)),
        (D(2025, 1, 3), D(2025, 1, 13)),  # Friday before Reyes
    ],
)
def test_gvp_deadline_is_five_business_days(received, expected):
    assert gvp_deadline(received) == expected


def test_ordinary_route_is_thirty_business_days():
    # March-April 2025: San José (24 March) falls inside the term.
    assert ordinary_route_deadline(D(2025, 3, 3)) == D(2025, 4, 15)


@pytest.mark.parametrize(
    "decided, months, expected",
    [
        (D(2024, 3, 15), 6, D(2024, 9, 15)),  # temporality ends first
        (D(2024, 3, 15), 12, D(2025, 3, 15)),
        (D(2024, 3, 15), 18, D(2025, 3, 15)),  # yearly re-evaluation comes first
        (D(2024, 3, 15), None, D(2025, 3, 15)),
        (D(2024, 8, 31), 6, D(2025, 2, 28)),
    ],
)
def test_revaluation_date(decided, months, expected):
    assert revaluation_date(decided, months) == expected


@pytest.mark.parametrize("months", [0, -3])
def test_revaluation_refuses_a_non_positive_temporality(months):
    with pytest.raises(ValidationError, match="al menos un mes"):
        revaluation_date(D(2024, 3, 15), months)


def test_gvp_overdue_cutoff_is_the_threshold_of_the_per_case_deadline():
    """Received on or before the cut-off ⇔ the 5-business-day term ended before today,
    for every 'today' of two years (Holy Weeks, Monday-moved holidays, year ends)."""
    for offset in range(730):
        today = D(2025, 1, 1) + timedelta(offset)
        cutoff = gvp_overdue_cutoff(today)
        for back in range(1, 25):
            received = today - timedelta(back)
            assert (received <= cutoff) == (gvp_deadline(received) < today), (today, received)
