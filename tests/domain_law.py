"""The seats DOMAIN.md lists for each committee, before and after Decreto 1139 de 2021:
the oracle ``comite catalog --json --date D`` is compared with.

Transcribed from DOMAIN.md (the project's domain brief, kept with the coordinator at
``shared/DOMAIN.md``, outside this repository), sections "The committees" (the 2015
text the seeds quote: in force before 24/09/2021) and "The law in force: Decreto 1139
de 2021" (after). Transcribed rather than parsed: DOMAIN.md is not in the repository
CI checks out, and its lists are prose ("Composition of 2 plus...", "each «o su
delegado»") that a parser would have to interpret, which is exactly what this oracle
must not do. Each seat is identified by a phrase DOMAIN.md uses for it, looked up in
the seat's entity or holder; its role, rights and condition must be the ones DOMAIN.md
gives. Seats match regardless of order; a seat the catalogue has and DOMAIN.md does not
list (or the reverse) is a difference.

Wording kept from the catalogue's vocabulary: the GVP's UNP seat has the role
``preside`` (DOMAIN.md: "UNP (coordinates)"; the acta prints «Coordina»).
"""

from __future__ import annotations

from datetime import date
from typing import Any

BEFORE = date(2021, 9, 23)  # the last day of the 2015 compositions
AFTER = date(2021, 9, 24)  # Decreto 1139 de 2021
VV, SV = "voz_y_voto", "solo_voz"
P, M, ST = "preside", "miembro", "secretaria_tecnica"
IP, IE, IO = "invitado_permanente", "invitado_especial", "invitado_ocasional"

Seat = tuple[str, str, str, str | None]  # (phrase, role, rights, condition)

GVP: list[Seat] = [
    ("Unidad Nacional de Protección", P, VV, None),
    ("Ministerio de Defensa", M, VV, None),
    ("Policía Nacional", M, VV, None),
    ("Consejería Presidencial para los Derechos Humanos", M, VV, None),
    ("Víctimas", M, VV, None),
    ("Fiscalía", IP, SV, None),
    ("Procuraduría", IP, SV, None),
    ("Defensoría", IP, SV, None),
    ("Alertas Tempranas", IP, SV, None),
]
# Art. 2.4.1.2.37: the invitees of the CERREM, unchanged by the decree. The four delegates
# of each target population are counted apart (DELEGATES).
CERREM_INVITEES: list[Seat] = [
    ("Procuraduría", IP, SV, None),
    ("Defensor", IP, SV, None),
    ("Fiscal", IP, SV, None),
    ("Naciones Unidas para los Derechos Humanos", IP, SV, None),
    ("Refugiados", IP, SV, "displaced_cases"),
    ("carácter público", IO, SV, "when_competent"),
    ("privado", IO, SV, "when_pertinent"),
]
CERREM_2015: list[Seat] = [
    ("Dirección de Derechos Humanos del Ministerio del Interior", P, VV, None),
    ("Programa Presidencial de Derechos Humanos y DIH", M, VV, None),
    ("Víctimas", M, VV, None),
    ("Protección y Servicios Especiales", M, VV, None),
    ("Oficina de Derechos Humanos de la Inspección General", M, VV, None),
]
CERREM_2021: list[Seat] = [
    ("Ministro del Interior", P, VV, None),
    ("Viceministro para las Políticas y Asuntos Internacionales", M, VV, None),
    ("Consejero Presidencial para los Derechos Humanos", M, VV, None),
    ("Víctimas", M, VV, None),
    ("Protección y Servicios Especiales", M, VV, None),
]
COLECTIVO_EXTRA: list[Seat] = [("no enunciadas", IO, SV, "when_competent")]  # Res. 1085, art. 8
MUJERES_EXTRA: list[Seat] = [  # Res. 805 de 2012; ACNUR attends always, OACNUDH is already there
    ("Equidad de la Mujer", IE, SV, None),
    ("Infancia, la Adolescencia y la Familia", IE, SV, None),
    ("Niñez, la Juventud y la Mujer", IE, SV, None),
    ("Bienestar Familiar", IE, SV, None),
    ("Ministerio de Salud", IE, SV, None),
    ("Ministerio de Trabajo", IE, SV, None),
    ("Ministerio de Educación", IE, SV, None),
    ("ONU Mujeres", IE, SV, None),
]
UP_PCC: list[Seat] = [
    ("Director de la Unidad Nacional de Protección", P, VV, None),
    ("Dirección de Derechos Humanos del Ministerio del Interior", ST, VV, None),
    ("Consejero Presidencial para los Derechos Humanos", M, VV, None),
    ("Víctimas", M, VV, None),
    ("Grupo de Derechos Humanos de la Inspección General", M, VV, None),
    ("Unión Patriótica", M, VV, None),
    ("Partido Comunista Colombiano", M, VV, None),
    ("Corporación Reiniciar", M, VV, None),
    ("Comisión Colombiana de Juristas", M, VV, None),
    ("Procurador", IE, SV, None),
    ("Defensor", IE, SV, None),
    ("competente", IO, SV, "restoration_measures"),
]
ESPECIAL_2015: list[Seat] = [
    ("Director de la Unidad Nacional de Protección", P, VV, None),
    ("Director de Protección y Servicios Especiales de la Policía Nacional", M, VV, None),
    ("Subdirector de Evaluación del Riesgo", M, VV, None),
]
SERVIDORES_2021: list[Seat] = [
    ("Ministro del Interior", P, VV, None),
    ("Ministro de Defensa", M, VV, None),
    ("Director de la Unidad Nacional de Protección", M, VV, None),
    ("Director de la Policía Nacional", M, VV, None),
    ("Subdirector de Evaluación del Riesgo", M, VV, None),
    ("entidad pública", IO, SV, "when_competent"),
]


def _acnur_always(seats: list[Seat]) -> list[Seat]:
    return [(ph, r, rt, None if ph == "Refugiados" else c) for ph, r, rt, c in seats]


EXPECTED: dict[date, dict[str, list[Seat]]] = {
    BEFORE: {
        "GVP": GVP,
        "CERREM_POBLACIONAL": CERREM_2015 + CERREM_INVITEES,
        "CERREM_COLECTIVO": CERREM_2015 + CERREM_INVITEES + COLECTIVO_EXTRA,
        "CERREM_MUJERES": CERREM_2015 + _acnur_always(CERREM_INVITEES) + MUJERES_EXTRA,
        "CERREM_UP_PCC": UP_PCC,
        "COMITE_ESPECIAL": ESPECIAL_2015,
    },
    AFTER: {
        "GVP": GVP,  # no known change
        "CERREM_POBLACIONAL": CERREM_2021 + CERREM_INVITEES,
        "CERREM_COLECTIVO": CERREM_2021 + CERREM_INVITEES + COLECTIVO_EXTRA,
        "CERREM_MUJERES": CERREM_2021 + _acnur_always(CERREM_INVITEES) + MUJERES_EXTRA,
        "CERREM_UP_PCC": UP_PCC,  # no known change
        "COMITE_ESPECIAL": SERVIDORES_2021,
    },
}
#: "Four delegates of each target population ... only for the cases of the population they
#: represent": populations 1 to 13 (14 and 15 are heard by the servidores committee).
DELEGATES = {"CERREM_POBLACIONAL": 4 * 13, "CERREM_COLECTIVO": 4 * 13, "CERREM_MUJERES": 4 * 13}
#: The committee's name in force (DOMAIN.md: the comité especial replaced "under its own name").
NAMES = {
    BEFORE: {"COMITE_ESPECIAL": "Comité especial de servidores y ex servidores públicos"},
    AFTER: {"COMITE_ESPECIAL": "Comité de Evaluación del Riesgo y Recomendación de Medidas de Servidores y "
                               "Exservidores Públicos"},
}


def differences(committees: list[dict[str, Any]], day: date) -> list[str]:
    """Where ``catalog --json --date day`` departs from DOMAIN.md (empty: it agrees)."""
    out: list[str] = []
    by_code = {c["code"]: c for c in committees}
    expected = EXPECTED[day]
    if sorted(by_code) != sorted(expected):
        out.append(f"comités: {sorted(by_code)} != {sorted(expected)}")
    for code, wanted in expected.items():
        if code not in by_code:
            continue
        committee = by_code[code]
        if code in NAMES[day] and committee["name"] != NAMES[day][code]:
            out.append(f"{code}: nombre {committee['name']!r}")
        seats = [s for s in committee["seats"] if s["condition"] != "own_population"]
        delegates = [s for s in committee["seats"] if s["condition"] == "own_population"]
        if len(delegates) != DELEGATES.get(code, 0):
            out.append(f"{code}: {len(delegates)} delegados de población, se esperaban {DELEGATES.get(code, 0)}")
        left = list(seats)
        for phrase, role, rights, condition in wanted:
            hits = [s for s in left if phrase in f"{s['entity']} {s['holder']}"
                    and (s["role"], s["rights"], s["condition"]) == (role, rights, condition)]
            if len(hits) != 1:
                out.append(f"{code}: {len(hits)} puestos «{phrase}» ({role}, {rights}, {condition})")
            else:
                left.remove(hits[0])
        out += [f"{code}: puesto que DOMAIN.md no lista: {s['entity']} ({s['role']})" for s in left]
    return out
