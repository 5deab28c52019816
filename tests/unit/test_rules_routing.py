"""GVP -> CERREM hand-off: precedence and the woman's free and informed choice."""

from __future__ import annotations

import pytest

from comite.domain import CaseKind
from comite.errors import RuleViolation
from comite.rules.routing import (
    CERREM_COLECTIVO,
    CERREM_MUJERES,
    CERREM_POBLACIONAL,
    CERREM_UP_PCC,
    COMITE_ESPECIAL,
    CaseProfile,
    require_women_choice,
    target_committee,
)

IND, COL = CaseKind.INDIVIDUAL, CaseKind.COLECTIVO


@pytest.mark.parametrize(
    "profile, committee",
    [
        (CaseProfile(IND, "pob2"), CERREM_POBLACIONAL),
        (CaseProfile(COL, "pob5"), CERREM_COLECTIVO),
        # A collective stays in the colectivo route whatever else is recorded.
        (CaseProfile(COL, "pob1", True, True, up_pcc_member=True), CERREM_COLECTIVO),
        (CaseProfile(IND, "pob1", up_pcc_member=True), CERREM_UP_PCC),
        (CaseProfile(IND, "pob1", True, True, up_pcc_member=True), CERREM_UP_PCC),
        # Populations 14 and 15 are heard by the servidores committee (the catalogue says so):
        # it comes before the woman's choice.
        (CaseProfile(IND, "servidor_ddhh_paz", population_committee=COMITE_ESPECIAL), COMITE_ESPECIAL),
        (CaseProfile(IND, "exservidor_ddhh_paz", True, True, population_committee=COMITE_ESPECIAL),
         COMITE_ESPECIAL),
        # Public servants without the human-rights/peace policy role (population 13): CERREM poblacional.
        (CaseProfile(IND, "servidores_publicos"), CERREM_POBLACIONAL),
        (CaseProfile(IND, "pob2", is_woman=True, chose_women_committee=True), CERREM_MUJERES),
        (CaseProfile(IND, "pob2", is_woman=True, chose_women_committee=False), CERREM_POBLACIONAL),
        (CaseProfile(IND, "pob2", is_woman=True, chose_women_committee=None), CERREM_POBLACIONAL),
        # A choice recorded on a man's case does not send it to the women's committee.
        (CaseProfile(IND, "pob2", is_woman=False, chose_women_committee=True), CERREM_POBLACIONAL),
    ],
)
def test_target_committee(profile, committee):
    assert target_committee(profile) == committee


@pytest.mark.parametrize(
    "profile",
    [
        CaseProfile(IND, "pob2"),
        CaseProfile(IND, "pob2", is_woman=True),
        CaseProfile(COL, "pob5"),
    ],
)
@pytest.mark.parametrize("committee", [CERREM_POBLACIONAL, CERREM_COLECTIVO, CERREM_UP_PCC])
def test_other_committees_need_no_choice(profile, committee):
    require_women_choice(profile, committee)


def test_a_woman_who_chose_it_can_be_scheduled_in_the_women_committee():
    require_women_choice(CaseProfile(IND, "pob8", True, True), CERREM_MUJERES)


@pytest.mark.parametrize(
    "profile, message",
    [
        (CaseProfile(IND, "pob8", True, None),
         "No se puede llevar el caso al CERREM de mujeres: no está registrada la decisión "
         "libre e informada de la solicitante. Sin su deseo expreso, el caso va al CERREM "
         "de su población."),
        (CaseProfile(IND, "pob8", True, False),
         "No se puede llevar el caso al CERREM de mujeres: la solicitante eligió que su caso "
         "lo estudie el CERREM de su población."),
        (CaseProfile(IND, "pob8", False, True),
         "El CERREM de mujeres solo estudia casos individuales de mujeres."),
        (CaseProfile(COL, "pob8", True, True),
         "El CERREM de mujeres solo estudia casos individuales de mujeres."),
    ],
)  # fmt: skip
def test_women_committee_without_her_choice_is_refused(profile, message):
    with pytest.raises(RuleViolation) as err:
        require_women_choice(profile, CERREM_MUJERES)
    assert str(err.value) == message


@pytest.mark.parametrize(
    "population, committee",
    [
        ("servidores_publicos", CERREM_POBLACIONAL),  # num. 13: the CERREM of its population
        ("servidor_ddhh_paz", COMITE_ESPECIAL),  # num. 14
        ("exservidor_ddhh_paz", COMITE_ESPECIAL),  # num. 15
        ("victimas", CERREM_POBLACIONAL),
    ],
)
def test_the_shipped_catalogue_routes_by_population(population, committee):
    """No flag on the case: the population's committee comes from populations.toml."""
    from comite.catalog import load_catalog

    catalog = load_catalog()
    profile = CaseProfile(IND, population,
                          population_committee=catalog.population_committees().get(population))
    assert target_committee(profile) == committee
    assert catalog.population(population).number == {
        "servidores_publicos": 13, "servidor_ddhh_paz": 14, "exservidor_ddhh_paz": 15, "victimas": 9,
    }[population]
