"""Presence, quorum per case, tally and the refusals of a vote (DOMAIN.md defaults)."""

from __future__ import annotations

from datetime import time

import pytest

from comite.domain import AttendanceStatus, MajorityBasis, Rights, SeatCondition, VoteChoice
from comite.domain import VotingSettings as Settings
from comite.errors import RuleViolation, ValidationError
from comite.rules.quorum import (
    AttendanceView,
    DissentKind,
    QuorumResult,
    VoteView,
    is_present_at,
    quorum_for_case,
    tally,
    validate_adoption,
    validate_votes,
)
from comite.rules.rights import CaseView, SeatView

P, A, E = AttendanceStatus.PRESENTE, AttendanceStatus.AUSENTE, AttendanceStatus.EXCUSADO
F, N, AB = VoteChoice.A_FAVOR, VoteChoice.EN_CONTRA, VoteChoice.ABSTENCION
VV, SV = Rights.VOZ_Y_VOTO, Rights.SOLO_VOZ
T = time

# GVP composition (seed 001), plus a voting seat that sits only when competent.
SEATS = (
    SeatView("unp", VV, None, None, "Unidad Nacional de Protección"),
    SeatView("mindefensa", VV, None, None, "Ministerio de Defensa Nacional"),
    SeatView("policia", VV, None, None, "Policía Nacional"),
    SeatView("consejeria", VV, None, None, "Consejería Presidencial para los Derechos Humanos"),
    SeatView("uariv", VV, None, None, "Unidad para las Víctimas"),
    SeatView("minminas", VV, SeatCondition.WHEN_COMPETENT, None, "Ministerio de Minas"),
    SeatView("fiscalia", SV, None, None, "Fiscalía General de la Nación"),
    SeatView("defensoria", SV, None, None, "Defensoría del Pueblo"),
    SeatView("acnur", SV, SeatCondition.DISPLACED_CASES, None, "ACNUR"),
)
CASE = CaseView(population="P02")
MINES_CASE = CaseView(population="P02", competent_seats=frozenset({"minminas"}))
DEFAULT = Settings()


def att(key, status=P, arrival=None, departure=None):
    return AttendanceView(key, status, arrival, departure)


def roll(*views):
    return {v.seat_key: v for v in views}


# A morning: UNP 8–12, Defensa from 8, Policía from 9:30, Consejería 8–10, UARIV absent.
MORNING = roll(
    att("unp", P, T(8), T(12)),
    att("mindefensa", P, T(8)),
    att("policia", P, T(9, 30)),
    att("consejeria", P, T(8), T(10)),
    att("uariv", A),
    att("minminas", P, T(8)),
    att("fiscalia", P),
    att("defensoria", P),
    att("acnur", P),
)
EVERYONE = roll(*(att(s.key) for s in SEATS))


@pytest.mark.parametrize(
    "view, moment, present",
    [
        (att("x"), None, True),
        (att("x", A), None, False),
        (att("x", E), None, False),
        (att("x", A, T(8), T(12)), T(9), False),
        (att("x", P, T(9)), T(8, 59), False),
        (att("x", P, T(9)), T(9), True),  # arrival is inclusive
        (att("x", P, None, T(11)), T(10, 59), True),
        (att("x", P, None, T(11)), T(11), False),  # departure is exclusive
        (att("x", P, T(9), T(11)), None, True),
        (att("x", P, T(9), T(11)), T(10), True),
    ],
)
def test_is_present_at(view, moment, present):
    assert is_present_at(view, moment) is present


@pytest.mark.parametrize(
    "moment, present, has_quorum",
    [
        (T(7, 59), (), False),
        (T(8, 30), ("unp", "mindefensa", "consejeria"), True),
        (T(9, 45), ("unp", "mindefensa", "policia", "consejeria"), True),
        (T(10), ("unp", "mindefensa", "policia"), True),  # Consejería left at 10
        (T(12), ("mindefensa", "policia"), False),  # UNP left at 12
        (None, ("unp", "mindefensa", "policia", "consejeria"), True),
    ],
)
def test_quorum_follows_arrivals_and_departures(moment, present, has_quorum):
    result = quorum_for_case(SEATS, MORNING, CASE, moment, DEFAULT)
    assert (result.voting_seats, result.required) == (5, 3)
    assert result.present_voting == present
    assert result.has_quorum is has_quorum


def test_quorum_messages():
    yes = quorum_for_case(SEATS, MORNING, CASE, T(9, 45), DEFAULT)
    assert yes.message == "Hay quórum: 4 de 5 miembros con voto presentes (se requieren 3)."
    no = quorum_for_case(SEATS, MORNING, CASE, T(12), DEFAULT)
    assert no.message == "No hay quórum: 2 de 5 miembros con voto presentes (se requieren 3)."


def test_quorum_depends_on_the_case():
    result = quorum_for_case(SEATS, MORNING, MINES_CASE, T(8, 30), DEFAULT)
    # Minas sits for this case: 6 voting seats, more than half is 4.
    assert (result.voting_seats, result.required) == (6, 4)
    assert result.present_voting == ("unp", "mindefensa", "consejeria", "minminas")
    assert result.has_quorum


def test_invitees_do_not_count_for_quorum():
    only_invitees = roll(att("fiscalia"), att("defensoria"), att("acnur"), att("unp"))
    result = quorum_for_case(SEATS, only_invitees, CaseView(displaced=True), None, DEFAULT)
    assert result.present_voting == ("unp",)
    assert not result.has_quorum


def test_missing_attendance_means_absent():
    result = quorum_for_case(SEATS, roll(att("unp"), att("policia")), CASE, None, DEFAULT)
    assert result.present_voting == ("unp", "policia")
    assert not result.has_quorum


@pytest.mark.parametrize(
    "fraction, seats, required",
    [
        (0.5, 5, 3),
        (0.5, 4, 3),  # more than half of 4 is 3, not 2
        (0.5, 1, 1),
        (2 / 3, 6, 5),  # more than two thirds of 6 is 5
        (2 / 3, 3, 3),
        (0.6, 5, 4),
        (0.0, 5, 1),
    ],
)
def test_required_is_strictly_more_than_the_fraction(fraction, seats, required):
    voting = [SeatView(f"s{i}", VV, None, None, f"Entidad {i}") for i in range(seats)]
    result = quorum_for_case(voting, {}, CASE, None, Settings(quorum_fraction=fraction))
    assert result.required == required


def test_no_voting_seat_means_no_quorum():
    invitees = [s for s in SEATS if s.rights is SV]
    result = quorum_for_case(invitees, EVERYONE, CASE, None, DEFAULT)
    assert not result.has_quorum
    assert result.message == (
        "No hay quórum: ningún miembro con voz y voto tiene asiento en este caso."
    )


@pytest.mark.parametrize("fraction", [1.0, 1.5, -0.1, float("nan")])
def test_invalid_quorum_fraction_is_refused(fraction):
    with pytest.raises(ValidationError, match="fracción de quórum"):
        quorum_for_case(SEATS, EVERYONE, CASE, None, Settings(quorum_fraction=fraction))


def quorum(present, has_quorum=True):
    keys = tuple(f"s{i}" for i in range(present))
    return QuorumResult(present, keys, present // 2 + 1, has_quorum, "")


def votes(*choices):
    return [VoteView(f"s{i}", c) for i, c in enumerate(choices)]


PRESENT, CAST = (Settings(), Settings(majority_basis=MajorityBasis.VOTES_CAST))


@pytest.mark.parametrize(
    "present, choices, settings, counts, required, majority, complete",
    [
        (5, (F, F, F, N, AB), PRESENT, (3, 1, 1), 3, True, True),
        (5, (F, F, N, N, AB), PRESENT, (2, 2, 1), 3, False, True),
        (5, (F, F, N, N, AB), CAST, (2, 2, 1), 3, False, True),  # tie of votes cast
        (5, (F, F, N, AB, AB), PRESENT, (2, 1, 2), 3, False, True),
        (5, (F, F, N, AB, AB), CAST, (2, 1, 2), 2, True, True),  # abstentions don't count
        (4, (F, F, N, N), PRESENT, (2, 2, 0), 3, False, True),
        (4, (F, F, F), PRESENT, (3, 0, 0), 3, True, False),  # one missing
        (3, (AB, AB, AB), CAST, (0, 0, 3), 1, False, True),
        (3, (), PRESENT, (0, 0, 0), 2, False, False),
    ],
)
def test_tally(present, choices, settings, counts, required, majority, complete):
    result = tally(votes(*choices), quorum(present), settings)
    assert (result.a_favor, result.en_contra, result.abstencion) == counts
    assert result.required_in_favor == required
    assert result.majority is majority
    assert result.complete is complete
    assert result.adopted is (majority and complete)
    assert result.missing == tuple(f"s{i}" for i in range(len(choices), present))


def test_tally_messages():
    adopted = tally(votes(F, F, F, N, AB), quorum(5), PRESENT)
    assert adopted.message == (
        "Votación: 3 a favor, 1 en contra y 1 abstención. "
        "Decisión adoptada (se requieren al menos 3 votos a favor)."
    )
    rejected = tally(votes(F, N, N, AB, AB), quorum(5), PRESENT)
    assert rejected.message.endswith(
        "2 abstenciones. Decisión no adoptada (se requieren al menos 3 votos a favor)."
    )
    incomplete = tally(votes(F, F, F), quorum(4), PRESENT)
    assert incomplete.message.endswith("Votación incompleta: falta 1 voto.")


def test_without_quorum_nothing_is_adopted():
    result = tally(votes(F, F), quorum(2, has_quorum=False), PRESENT)
    assert result.majority and result.complete and not result.adopted
    assert result.message.endswith("No hay quórum: la decisión no puede adoptarse.")


@pytest.mark.parametrize(
    "vote, kind",
    [
        (VoteView("s", N, "No comparto el nivel."), DissentKind.SALVAMENTO),
        (VoteView("s", AB, "Me abstengo por conflicto."), DissentKind.SALVAMENTO),
        (VoteView("s", F, "Aclaro que..."), DissentKind.ACLARACION),
        (VoteView("s", N, None), None),
        (VoteView("s", N, "   "), None),
    ],
)
def test_dissent_kind(vote, kind):
    assert vote.dissent_kind is kind


FULL_VOTE = [
    VoteView("unp", F),
    VoteView("mindefensa", F),
    VoteView("policia", N, "Salvamento: el nivel debería ser extremo."),
    VoteView("consejeria", F, "Aclaración sobre la temporalidad."),
]


def test_valid_votes_with_dissent_and_clarification_are_accepted():
    result = validate_adoption(FULL_VOTE, SEATS, MORNING, CASE, T(9, 45), DEFAULT)
    assert (result.a_favor, result.en_contra, result.abstencion) == (3, 1, 0)
    assert result.adopted


@pytest.mark.parametrize(
    "cast, moment, case, message",
    [
        (FULL_VOTE[:2], T(12), CASE, "No se puede votar este caso. No hay quórum: 2 de 5 "
         "miembros con voto presentes (se requieren 3)."),
        ([VoteView("ejercito", F)], T(9, 45), CASE,
         "El puesto «ejercito» no hace parte de la composición del comité: no puede votar."),
        ([VoteView("defensoria", F)], T(9, 45), CASE,
         "La Defensoría del Pueblo tiene solo voz: no puede votar."),
        ([VoteView("acnur", AB)], T(9, 45), CaseView(displaced=True),
         "El ACNUR tiene solo voz: no puede votar."),
        ([VoteView("minminas", F)], T(9, 45), CASE,
         "El Ministerio de Minas no tiene asiento en este caso (cuando el caso toca sus "
         "competencias): no puede votar."),
        ([VoteView("policia", F)], T(9), CASE,
         "La Policía Nacional no está presente a las 09:00: no puede votar."),
        ([VoteView("uariv", F)], None, CASE,
         "La Unidad para las Víctimas no está presente: no puede votar."),
        ([VoteView("policia", F), VoteView("policia", N)], T(9, 45), CASE,
         "La Policía Nacional votó más de una vez en este caso."),
        # More votes than voting members present: the vote in excess is named.
        ([*FULL_VOTE, VoteView("unp", F)], T(9, 45), CASE,
         "La Unidad Nacional de Protección votó más de una vez en este caso."),
        ([*FULL_VOTE, VoteView("uariv", F)], T(9, 45), CASE,
         "La Unidad para las Víctimas no está presente a las 09:45: no puede votar."),
    ],
)  # fmt: skip
def test_each_refusal_explains_itself(cast, moment, case, message):
    with pytest.raises(RuleViolation) as err:
        validate_votes(cast, SEATS, MORNING, case, moment, DEFAULT)
    assert str(err.value) == message


def test_partial_votes_are_valid_but_not_adoptable():
    partial = FULL_VOTE[:2]
    result = validate_votes(partial, SEATS, MORNING, CASE, T(9, 45), DEFAULT)
    assert result.missing == ("policia", "consejeria") and not result.complete
    with pytest.raises(RuleViolation) as err:
        validate_adoption(partial, SEATS, MORNING, CASE, T(9, 45), DEFAULT)
    assert str(err.value) == (
        "Faltan los votos de: Policía Nacional y Consejería Presidencial para los Derechos Humanos."
    )


def test_one_missing_vote_is_named():
    cast = [FULL_VOTE[0], FULL_VOTE[1], FULL_VOTE[3]]
    with pytest.raises(RuleViolation) as err:
        validate_adoption(cast, SEATS, MORNING, CASE, T(9, 45), DEFAULT)
    assert str(err.value) == "Faltan los votos de: Policía Nacional."


def test_who_must_vote_depends_on_the_moment():
    # At 10:00 the Consejería has left: the three members still present decide.
    result = validate_adoption(FULL_VOTE[:3], SEATS, MORNING, CASE, T(10), DEFAULT)
    assert result.complete and result.adopted
    with pytest.raises(RuleViolation, match="Consejería .* no está presente a las 10:00"):
        validate_votes(FULL_VOTE, SEATS, MORNING, CASE, T(10), DEFAULT)


@pytest.mark.parametrize(
    "settings, choices, message",
    [
        (PRESENT, (F, F, N, AB),
         "La decisión no se adopta: tiene 2 votos a favor y, con 4 miembros con voto "
         "presentes, se requieren al menos 3."),
        (CAST, (F, N, N, AB),
         "La decisión no se adopta: tiene 1 voto a favor y, con 3 votos emitidos sin contar "
         "abstenciones, se requieren al menos 3."),
    ],
)  # fmt: skip
def test_without_majority_the_decision_is_not_adopted(settings, choices, message):
    keys = ("unp", "mindefensa", "policia", "consejeria")
    cast = [VoteView(k, c) for k, c in zip(keys, choices, strict=True)]
    with pytest.raises(RuleViolation) as err:
        validate_adoption(cast, SEATS, MORNING, CASE, T(9, 45), settings)
    assert str(err.value) == message


def test_abstentions_do_not_block_a_majority_of_votes_cast():
    cast = [VoteView("unp", F), VoteView("mindefensa", F), VoteView("policia", N),
            VoteView("consejeria", AB)]  # fmt: skip
    with pytest.raises(RuleViolation):
        validate_adoption(cast, SEATS, MORNING, CASE, T(9, 45), PRESENT)
    assert validate_adoption(cast, SEATS, MORNING, CASE, T(9, 45), CAST).adopted
