"""Colombian business days and the deadlines of the protection route (DOMAIN.md).

Holidays come from the ``holidays`` package (Colombia: Ley 51 de 1983 moves to
Monday, Easter-based holidays), loaded on first use and only its Colombian
module: the package's ``countries`` namespace imports all ~250 countries
(0.3-1 s), which a start-up that only needs Colombia should not pay.
Saturdays and Sundays are never business days.
Each year's business days are computed once and cached as sorted ordinals, so
adding N business days is a binary search, not a day-by-day walk.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import importlib.util
import sys
from bisect import bisect_right
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from comite.rules._common import InvalidValue

GVP_TERM_DAYS = 5
"""GVP weighs a study within 5 business days of receiving it."""

ORDINARY_ROUTE_DAYS = 30
"""The whole ordinary route takes 30 business days."""

MAX_REVALUATION_MONTHS = 12
"""Risk is re-evaluated at least once a year."""


_COLOMBIA_MODULE = "holidays.countries.colombia"


@cache
def _colombia() -> Any:
    """The ``holidays`` package's Colombia class, without importing every other country.

    ``holidays.countries`` (the parent package) imports all countries in its
    ``__init__``; the Colombian module itself only needs ``holidays``' base
    classes, so it is loaded from its file. Should the package's layout change,
    the ordinary (slower) look-up is used.
    """
    module = sys.modules.get(_COLOMBIA_MODULE)
    if module is None:
        spec = importlib.util.find_spec("holidays")
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
        path = Path(locations[0]) / "countries" / "colombia.py" if locations else None
        file_spec = (importlib.util.spec_from_file_location(_COLOMBIA_MODULE, path)
                     if path is not None and path.is_file() else None)
        if file_spec is None or file_spec.loader is None:  # pragma: no cover - other package layout
            import holidays

            return lambda years: holidays.country_holidays("CO", years=years)
        module = importlib.util.module_from_spec(file_spec)
        file_spec.loader.exec_module(module)
    return module.Colombia


@cache
def _holidays(year: int) -> frozenset[date]:
    return frozenset(_colombia()(years=year))


@cache
def _business_ordinals(year: int) -> tuple[int, ...]:
    first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    days = map(date.fromordinal, range(first, last + 1))
    return tuple(d.toordinal() for d in days if is_business_day(d))


def is_holiday(d: date) -> bool:
    """True if ``d`` is a Colombian public holiday (as observed, after moves)."""
    return d in _holidays(d.year)


def is_business_day(d: date) -> bool:
    """True from Monday to Friday when the day is not a Colombian holiday."""
    return d.weekday() < 5 and d not in _holidays(d.year)


def add_business_days(start: date, n: int) -> date:
    """The day a term of ``n`` business days triggered on ``start`` ends.

    Counting starts on the first business day after ``start`` (whatever ``start``
    is: a business day, a weekend or a holiday) and the term ends on the n-th.
    ``n == 0`` returns ``start`` unchanged.

    Raises:
        InvalidValue: ``n`` is negative (also a ``ValueError``).
    """
    if n < 0:
        raise InvalidValue(f"Un plazo no puede tener días hábiles negativos ({n}).")
    if n == 0:
        return start
    year = start.year
    days = _business_ordinals(year)
    index = bisect_right(days, start.toordinal()) + n - 1
    while index >= len(days):
        index -= len(days)
        year += 1
        days = _business_ordinals(year)
    return date.fromordinal(days[index])


def business_days_between(a: date, b: date) -> int:
    """Business days after ``a`` up to and including ``b``.

    So ``add_business_days(a, business_days_between(a, b)) == b`` whenever ``b``
    is a business day after ``a``. If ``b`` is before ``a`` the result is the
    negative of ``business_days_between(b, a)`` (days overdue), and 0 if equal.
    """
    if b < a:
        return -business_days_between(b, a)
    total = 0
    for year in range(a.year, b.year + 1):
        days = _business_ordinals(year)
        lo = bisect_right(days, a.toordinal()) if year == a.year else 0
        hi = bisect_right(days, b.toordinal()) if year == b.year else len(days)
        total += hi - lo
    return total


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later (or earlier), clamped: Jan 31 + 1 -> Feb 28/29."""
    month_index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    last_day = _stdlib_calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last_day))


def gvp_deadline(study_received: date) -> date:
    """Last day for the GVP to weigh a study: 5 business days after receiving it."""
    return add_business_days(study_received, GVP_TERM_DAYS)


def gvp_overdue_cutoff(today: date) -> date:
    """The latest day a study may have been received for its GVP term to have ended before ``today``.

    :func:`gvp_deadline` never decreases as the day received grows, so a study
    is overdue exactly when it was received on or before this day (a threshold
    a database can apply with an index instead of a deadline per case).
    """
    received = date.fromordinal(today.toordinal() - 1)
    while gvp_deadline(received) >= today:
        received = date.fromordinal(received.toordinal() - 1)
    return received

def ordinary_route_deadline(request: date) -> date:
    """Last day of the ordinary route: 30 business days after the request."""
    return add_business_days(request, ORDINARY_ROUTE_DAYS)


def revaluation_date(decision_date: date, temporality_months: int | None) -> date:
    """When measures decided on ``decision_date`` must be re-evaluated.

    The earlier of the end of their temporality and one year after the decision
    (re-evaluation "at the end of their temporality and at least yearly").
    ``None`` (no temporality set) means the yearly re-evaluation. Calendar
    months, not business days: the resulting day may be a holiday.

    Raises:
        InvalidValue: the temporality is not a positive number of months.
    """
    if temporality_months is None:
        return add_months(decision_date, MAX_REVALUATION_MONTHS)
    if temporality_months <= 0:
        raise InvalidValue(
            f"La temporalidad de las medidas debe ser de al menos un mes; "
            f"se recibió {temporality_months}."
        )
    return add_months(decision_date, min(temporality_months, MAX_REVALUATION_MONTHS))
