"""The rights rules over every committee's shipped composition in force today, for every
kind of case: who sits and who votes, seat by seat, as DOMAIN.md describes them."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from comite.catalog.loader import load_catalog
from comite.domain import Rights, SeatCondition
from comite.rules.rights import CaseView, SeatView, can_vote, seat_applies

TODAY = date(2026, 11, 23)
VOTING = {"GVP": 5, "CERREM_POBLACIONAL": 5, "CERREM_COLECTIVO": 5, "CERREM_MUJERES": 5, "CERREM_UP_PCC": 9,
          "COMITE_ESPECIAL": 5}  # since Decreto 1139 de 2021, art. 10: the CERREM de servidores
CATALOG = load_catalog()
POPULATIONS = [p.code for p in CATALOG.populations if p.valid_to is None or p.valid_to >= TODAY]
OWN_COMMITTEE = CATALOG.population_committees()  # 14 and 15: no delegates in the CERREM


def _seats(code: str) -> list[SeatView]:
    comp = CATALOG.composition_on(code, TODAY)
    return [SeatView(s.key, s.rights, s.condition, s.population, s.entity) for s in comp.seats]


def _cases(seats: list[SeatView]):
    competent = frozenset(s.key for s in seats if s.condition is SeatCondition.WHEN_COMPETENT)
    pertinent = frozenset(s.key for s in seats if s.condition is SeatCondition.WHEN_PERTINENT)
    for population, displaced, restoration, marked in product(POPULATIONS, (False, True), (False, True),
                                                               (False, True)):
        yield CaseView(population, displaced, restoration, competent if marked else frozenset(),
                       pertinent if marked else frozenset())


@pytest.mark.parametrize("code", sorted(VOTING))
def test_who_sits_and_who_votes_for_every_kind_of_case(code):
    seats = _seats(code)
    assert sum(s.rights is Rights.VOZ_Y_VOTO for s in seats) == VOTING[code]
    for case in _cases(seats):
        sitting = [s for s in seats if seat_applies(s, case)]
        # the members with voz y voto sit for every case, and only they vote
        assert [s.key for s in seats if can_vote(s, case)] == [s.key for s in seats if s.rights is Rights.VOZ_Y_VOTO]
        for s in seats:
            applies = s in sitting
            match s.condition:
                case None:
                    assert applies, s.key
                case SeatCondition.DISPLACED_CASES:
                    assert applies == case.displaced, s.key
                case SeatCondition.OWN_POPULATION:
                    assert applies == (s.population == case.population), s.key
                case SeatCondition.RESTORATION_MEASURES:
                    assert applies == case.restoration_measures, s.key
                case SeatCondition.WHEN_COMPETENT:
                    assert applies == (s.key in case.competent_seats), s.key
                case SeatCondition.WHEN_PERTINENT:
                    assert applies == (s.key in case.pertinent_seats), s.key
            if s.condition is not None:
                assert s.rights is Rights.SOLO_VOZ, f"{code}: {s.key} is conditional and votes"
        delegates = [s for s in sitting if s.condition is SeatCondition.OWN_POPULATION]
        if any(s.condition is SeatCondition.OWN_POPULATION for s in seats):
            # four delegates of the case's population, unless another committee hears its cases
            assert len(delegates) == (0 if case.population in OWN_COMMITTEE else 4), (code, case.population)


def test_conditional_seats_where_the_decrees_put_them():
    def conditions(code):
        return {s.condition for s in _seats(code)} - {None}

    assert conditions("GVP") == set()
    # public entities invited with voice and no vote (art. 2.4.1.2.36A, parágrafo)
    assert conditions("COMITE_ESPECIAL") == {SeatCondition.WHEN_COMPETENT}
    for code in ("CERREM_POBLACIONAL", "CERREM_COLECTIVO"):
        assert SeatCondition.DISPLACED_CASES in conditions(code)  # ACNUR
    for code in ("CERREM_POBLACIONAL", "CERREM_COLECTIVO", "CERREM_MUJERES"):
        assert SeatCondition.OWN_POPULATION in conditions(code)
    assert conditions("CERREM_UP_PCC") == {SeatCondition.RESTORATION_MEASURES}
