"""Which committee receives a case after the GVP (DOMAIN.md, "The committees").

Committee codes: ``CERREM_POBLACIONAL``, ``CERREM_COLECTIVO``, ``CERREM_MUJERES``,
``CERREM_UP_PCC``, ``COMITE_ESPECIAL`` (the comité especial of art. 2.4.1.2.40 par. 4,
since Decreto 1139 de 2021 the CERREM de servidores y exservidores públicos of art.
2.4.1.2.36A). Target populations use the catalogue codes (``populations.toml``, e.g.
``victimas``); a population whose cases another committee hears says which
(``committee``: populations 14 and 15 go to ``COMITE_ESPECIAL``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from comite.domain import CaseKind, CommitteeKind
from comite.errors import RuleViolation

CERREM_POBLACIONAL = "CERREM_POBLACIONAL"
CERREM_COLECTIVO = "CERREM_COLECTIVO"
CERREM_MUJERES = "CERREM_MUJERES"
CERREM_UP_PCC = "CERREM_UP_PCC"
COMITE_ESPECIAL = "COMITE_ESPECIAL"


@dataclass(frozen=True, slots=True)
class CaseProfile:
    """What routing needs to know about a case.

    ``chose_women_committee`` is the woman's recorded, free and informed choice:
    ``True`` (CERREM de mujeres), ``False`` (the CERREM of her population) or
    ``None`` (not expressed). ``population_committee``: the committee the
    catalogue gives the case's population, when it is not the CERREM
    (``Catalog.population_committees()``; populations 14 and 15, servidores and
    exservidores públicos in charge of the human-rights or peace policy).
    """

    kind: CaseKind
    population: str | None = None
    is_woman: bool = False
    chose_women_committee: bool | None = None
    up_pcc_member: bool = False
    population_committee: str | None = None


def target_committee(profile: CaseProfile) -> str:
    """The committee the GVP hands the case to.

    Precedence, first match wins:

    1. A collective case goes to the CERREM colectivo (Res. 1085/2015), whatever
       its members' profiles: the colectivo route is the only one that evaluates
       groups and verifies their social recognition.
    2. A member or survivor of the UP-PCC goes to the CERREM UP-PCC: it is a
       separate programme (art. 2.4.1.3.8) with its own committee.
    3. A case whose population has its own committee goes there: populations 14
       and 15 (servidores and exservidores públicos in charge of human-rights or
       peace policy) to the comité especial (art. 2.4.1.2.40 par. 4), since Decreto
       1139 de 2021 the CERREM de servidores (art. 2.4.1.2.36A). Population 13
       (other public servants) is a population of the CERREM poblacional. It comes
       before the women's choice: the special rule names the committee of these
       cases.
    4. A woman goes to the CERREM de mujeres only if her recorded choice is
       ``True`` (Res. 805/2012: "decisión libre e informada"); with ``False`` or
       no expressed wish she goes to the CERREM of her population.
    5. Everyone else goes to the CERREM poblacional.
    """
    if profile.kind == CaseKind.COLECTIVO:
        return CERREM_COLECTIVO
    if profile.up_pcc_member:
        return CERREM_UP_PCC
    if profile.population_committee:
        return profile.population_committee
    if profile.is_woman and profile.chose_women_committee is True:
        return CERREM_MUJERES
    return CERREM_POBLACIONAL


def require_women_choice(profile: CaseProfile, committee: str) -> None:
    """Refuse to schedule a case in the CERREM de mujeres without her recorded choice.

    Raises:
        RuleViolation: ``committee`` is ``CERREM_MUJERES`` and the case is not a
            woman's individual case whose recorded choice is that committee.
    """
    if committee != CERREM_MUJERES:
        return
    if profile.kind != CaseKind.INDIVIDUAL or not profile.is_woman:
        raise RuleViolation("El CERREM de mujeres solo estudia casos individuales de mujeres.")
    if profile.chose_women_committee is None:
        raise RuleViolation(
            "No se puede llevar el caso al CERREM de mujeres: no está registrada la "
            "decisión libre e informada de la solicitante. Sin su deseo expreso, el caso "
            "va al CERREM de su población."
        )
    if profile.chose_women_committee is False:
        raise RuleViolation(
            "No se puede llevar el caso al CERREM de mujeres: la solicitante eligió que su "
            "caso lo estudie el CERREM de su población."
        )


def decision_chronology(day: date, committee_kind: str, discussed_at: time | None, session_start: time | None,
                        session_id: int, decision_id: int = 0) -> tuple:
    """Sort key placing a case's decisions in the order they were taken (the largest is the
    latest, whose outcome the case's status follows).

    By session day; on one day the GVP's valuation comes before the CERREM that receives
    it (the route runs that way whatever the hour each session was called); within one
    kind of committee, by the time the case was discussed, else the session's start; last,
    the session and decision recorded later.
    """
    moment = discussed_at or session_start or time.min
    return (day, 0 if committee_kind == CommitteeKind.GVP.value else 1, moment, session_id, decision_id)
