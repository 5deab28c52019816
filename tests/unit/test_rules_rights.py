"""Who sits for a case: every seat condition of DOMAIN.md, table-driven."""

from __future__ import annotations

import pytest

from comite.domain import Rights, SeatCondition
from comite.rules.rights import CaseView, SeatView, can_vote, case_rights, seat_applies

C = SeatCondition
VV, SV = Rights.VOZ_Y_VOTO, Rights.SOLO_VOZ

MININTERIOR = SeatView("mininterior", VV, None, None, "Ministerio del Interior")
DEFENSORIA = SeatView("defensoria", SV, None, None, "Defensoría del Pueblo")
ACNUR = SeatView("acnur", SV, C.DISPLACED_CASES, None, "ACNUR")
DELEGATE_P08 = SeatView("delegado_p08_1", SV, C.OWN_POPULATION, "P08", "Periodistas")
DELEGATE_NONE = SeatView("delegado_x", SV, C.OWN_POPULATION, None, "Delegado sin población")
MINSALUD = SeatView("minsalud", SV, C.RESTORATION_MEASURES, None, "Ministerio de Salud")
MINMINAS = SeatView("minminas", VV, C.WHEN_COMPETENT, None, "Ministerio de Minas")
PRIVATE = SeatView("privado", SV, C.WHEN_PERTINENT, None, "Empresa privada")

PLAIN = CaseView(population="P02")
DISPLACED = CaseView(population="P09", displaced=True)
JOURNALIST = CaseView(population="P08")
RESTORATION = CaseView(population="P01", restoration_measures=True)
COMPETENT = CaseView(competent_seats=frozenset({"minminas"}))
PERTINENT = CaseView(pertinent_seats=frozenset({"privado"}))
NO_POPULATION = CaseView()


@pytest.mark.parametrize(
    "seat, case, applies",
    [
        (MININTERIOR, PLAIN, True),  # unconditional
        (MININTERIOR, NO_POPULATION, True),
        (DEFENSORIA, DISPLACED, True),
        (ACNUR, DISPLACED, True),  # displaced cases only
        (ACNUR, PLAIN, False),
        (DELEGATE_P08, JOURNALIST, True),  # own population only
        (DELEGATE_P08, PLAIN, False),
        (DELEGATE_P08, NO_POPULATION, False),
        (DELEGATE_NONE, NO_POPULATION, False),  # None never matches None
        (MINSALUD, RESTORATION, True),  # restoration measures only
        (MINSALUD, PLAIN, False),
        (MINMINAS, COMPETENT, True),  # marked competent for this case
        (MINMINAS, PERTINENT, False),
        (MINMINAS, PLAIN, False),
        (PRIVATE, PERTINENT, True),  # marked pertinent for this case
        (PRIVATE, COMPETENT, False),
        (PRIVATE, PLAIN, False),
    ],
)
def test_seat_applies(seat, case, applies):
    assert seat_applies(seat, case) is applies
    assert case_rights(seat, case) == (seat.rights if applies else None)


@pytest.mark.parametrize(
    "seat, case, votes",
    [
        (MININTERIOR, PLAIN, True),
        (DEFENSORIA, PLAIN, False),  # solo voz
        (ACNUR, DISPLACED, False),  # sits, but solo voz
        (MINMINAS, COMPETENT, True),  # conditional voting seat that sits
        (MINMINAS, PLAIN, False),  # conditional voting seat that does not sit
    ],
)
def test_can_vote(seat, case, votes):
    assert can_vote(seat, case) is votes
