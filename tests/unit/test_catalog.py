"""The committee catalogue against DOMAIN.md / seed 001, seat by seat.

No Qt, no database: only the TOML data and the loader.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from comite.catalog import (
    DATA_DIR,
    Catalog,
    MeasureCategory,
    catalog_as_json,
    composition_as_dict,
    load_catalog,
)
from comite.domain import CommitteeKind, MajorityBasis, Rights, RiskLevel, SeatCondition, SeatRole
from comite.errors import NotFound, ValidationError

DAY = date(2024, 6, 1)
ALL_CODES = [
    "GVP",
    "CERREM_POBLACIONAL",
    "CERREM_COLECTIVO",
    "CERREM_MUJERES",
    "CERREM_UP_PCC",
    "COMITE_ESPECIAL",
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


# (key, entity_code, role, rights, condition, a phrase the entity must contain)
VV, SV = "voz_y_voto", "solo_voz"
GVP_SEATS = [
    ("unp", "UNP", "preside", VV, None, "Unidad Nacional de Protección"),
    ("mindefensa", "MINDEFENSA", "miembro", VV, None, "Ministerio de Defensa"),
    ("policia", "PONAL", "miembro", VV, None, "Policía Nacional"),
    ("consejeria_ddhh", "CONSEJERIA_DDHH", "miembro", VV, None, "Consejería Presidencial para los Derechos Humanos"),
    ("uariv", "UARIV", "miembro", VV, None, "Víctimas"),
    ("fiscalia", "FGN", "invitado_permanente", SV, None, "Fiscalía General"),
    ("procuraduria", "PGN", "invitado_permanente", SV, None, "Procuraduría General"),
    ("defensoria", "DEFENSORIA", "invitado_permanente", SV, None, "Defensoría del Pueblo"),
    ("ciat", "CIAT", "invitado_permanente", SV, None, "Alertas Tempranas"),
]
POBLACIONAL_HEAD = [
    ("mininterior_ddhh", "MININTERIOR_DDHH", "preside", VV, None, "Dirección de Derechos Humanos"),
    ("programa_presidencial_ddhh", "CONSEJERIA_DDHH", "miembro", VV, None,
     "Programa Presidencial de Derechos Humanos y DIH"),
    ("uariv", "UARIV", "miembro", VV, None, "Víctimas"),
    ("policia_dipro", "PONAL_DIPRO", "miembro", VV, None, "Protección y Servicios Especiales"),
    ("policia_inspeccion_ddhh", "PONAL_INSGE_DDHH", "miembro", VV, None,
     "Oficina de Derechos Humanos de la Inspección General"),
    ("procuraduria", "PGN", "invitado_permanente", SV, None, "Procuraduría General"),
    ("defensoria", "DEFENSORIA", "invitado_permanente", SV, None, "Defensoría del Pueblo"),
    ("fiscalia", "FGN", "invitado_permanente", SV, None, "Fiscalía General"),
    ("oacnudh", "OACNUDH", "invitado_permanente", SV, None, "Derechos Humanos"),
]
ACNUR_DISPLACED = ("acnur", "ACNUR", "invitado_permanente", SV, "displaced_cases", "Refugiados")
ACNUR_ALWAYS = ("acnur", "ACNUR", "invitado_permanente", SV, None, "Refugiados")
POBLACIONAL_TAIL = [
    ("entidades_competentes", "ENTIDAD_COMPETENTE", "invitado_ocasional", SV, "when_competent", "carácter público"),
    ("ente_privado", "ENTE_PRIVADO", "invitado_ocasional", SV, "when_pertinent", "privado"),
]
POBLACIONAL_SEATS = [*POBLACIONAL_HEAD, ACNUR_DISPLACED, *POBLACIONAL_TAIL]
COLECTIVO_SEATS = [
    *POBLACIONAL_SEATS,
    ("responsables_medidas_colectivas", "ENTIDAD_RESPONSABLE_MEDIDA", "invitado_ocasional", SV, "when_competent",
     "no enunciadas"),
]
MUJERES_SEATS = [
    *POBLACIONAL_HEAD,
    ACNUR_ALWAYS,
    *POBLACIONAL_TAIL,
    ("consejeria_mujer", "CONSEJERIA_MUJER", "invitado_especial", SV, None,
     "Alta Consejería Presidencial para la Equidad de la Mujer"),
    ("procuraduria_infancia", "PGN_INFANCIA", "invitado_especial", SV, None, "Infancia, la Adolescencia y la Familia"),
    ("defensoria_ninez_mujer", "DEFENSORIA_NINEZ_MUJER", "invitado_especial", SV, None,
     "Niñez, la Juventud y la Mujer"),
    ("icbf", "ICBF", "invitado_especial", SV, None, "Bienestar Familiar"),
    ("minsalud", "MINSALUD", "invitado_especial", SV, None, "Ministerio de Salud"),
    ("mintrabajo", "MINTRABAJO", "invitado_especial", SV, None, "Ministerio de Trabajo"),
    ("mineducacion", "MINEDUCACION", "invitado_especial", SV, None, "Ministerio de Educación"),
    ("onu_mujeres", "ONU_MUJERES", "invitado_especial", SV, None, "ONU Mujeres"),
]
UP_PCC_SEATS = [
    ("unp", "UNP", "preside", VV, None, "Unidad Nacional de Protección"),
    ("mininterior_ddhh", "MININTERIOR_DDHH", "secretaria_tecnica", VV, None, "Dirección de Derechos Humanos"),
    ("consejeria_ddhh", "CONSEJERIA_DDHH", "miembro", VV, None, "Consejería Presidencial para los Derechos Humanos"),
    ("uariv", "UARIV", "miembro", VV, None, "Víctimas"),
    ("policia_inspeccion_ddhh", "PONAL_INSGE_DDHH", "miembro", VV, None,
     "Grupo de Derechos Humanos de la Inspección General"),
    ("union_patriotica", "UP", "miembro", VV, None, "Unión Patriótica"),
    ("partido_comunista", "PCC", "miembro", VV, None, "Partido Comunista Colombiano"),
    ("reiniciar", "REINICIAR", "miembro", VV, None, "Corporación Reiniciar"),
    ("ccj", "CCJ", "miembro", VV, None, "Comisión Colombiana de Juristas"),
    ("procuraduria", "PGN", "invitado_especial", SV, None, "Procuraduría General"),
    ("defensoria", "DEFENSORIA", "invitado_especial", SV, None, "Defensoría del Pueblo"),
    ("entidades_restablecimiento", "ENTIDAD_RESTABLECIMIENTO", "invitado_ocasional", SV, "restoration_measures",
     "Ministerios, departamentos y unidades administrativas especiales"),
]
ESPECIAL_SEATS = [
    ("unp", "UNP", "preside", VV, None, "Unidad Nacional de Protección"),
    ("policia_dipro", "PONAL_DIPRO", "miembro", VV, None, "Protección y Servicios Especiales"),
    ("unp_evaluacion_riesgo", "UNP_SER", "miembro", VV, None, "Evaluación del Riesgo"),
]
EXPECTED = {
    "GVP": GVP_SEATS,
    "CERREM_POBLACIONAL": POBLACIONAL_SEATS,
    "CERREM_COLECTIVO": COLECTIVO_SEATS,
    "CERREM_MUJERES": MUJERES_SEATS,
    "CERREM_UP_PCC": UP_PCC_SEATS,
    "COMITE_ESPECIAL": ESPECIAL_SEATS,
}
WITH_DELEGATES = ["CERREM_POBLACIONAL", "CERREM_COLECTIVO", "CERREM_MUJERES"]


def _is_delegate(key: str) -> bool:
    return key.startswith("delegado_pob_")


def test_all_six_committees_in_order(catalog: Catalog) -> None:
    assert [c.code for c in catalog.committees] == ALL_CODES
    kinds = {c.code: c.kind for c in catalog.committees}
    assert kinds["GVP"] is CommitteeKind.GVP
    assert kinds["COMITE_ESPECIAL"] is CommitteeKind.ESPECIAL
    assert {kinds[c] for c in ALL_CODES[1:5]} == {CommitteeKind.CERREM}


@pytest.mark.parametrize("code", ALL_CODES)
def test_seats_match_domain(catalog: Catalog, code: str) -> None:
    comp = catalog.composition_on(code, DAY)
    actual = [
        (s.key, s.entity_code, s.role.value, s.rights.value, s.condition.value if s.condition else None)
        for s in comp.seats
        if not _is_delegate(s.key)
    ]
    assert actual == [row[:5] for row in EXPECTED[code]]
    for seat, row in zip((s for s in comp.seats if not _is_delegate(s.key)), EXPECTED[code], strict=True):
        assert row[5] in seat.entity, seat.key
        assert seat.holder and seat.legal_basis


@pytest.mark.parametrize(
    ("code", "voting_codes"),
    [
        ("GVP", ["UNP", "MINDEFENSA", "PONAL", "CONSEJERIA_DDHH", "UARIV"]),
        *[
            (c, ["MININTERIOR_DDHH", "CONSEJERIA_DDHH", "UARIV", "PONAL_DIPRO", "PONAL_INSGE_DDHH"])
            for c in WITH_DELEGATES
        ],
        ("CERREM_UP_PCC", ["UNP", "MININTERIOR_DDHH", "CONSEJERIA_DDHH", "UARIV", "PONAL_INSGE_DDHH", "UP", "PCC",
                           "REINICIAR", "CCJ"]),
        ("COMITE_ESPECIAL", ["UNP", "PONAL_DIPRO", "UNP_SER"]),
    ],
)
def test_voting_members(catalog: Catalog, code: str, voting_codes: list[str]) -> None:
    comp = catalog.composition_on(code, DAY)
    assert [s.entity_code for s in comp.voting_seats] == voting_codes
    assert all(s.condition is None for s in comp.voting_seats)
    assert all(s.rights is Rights.SOLO_VOZ for s in comp.invitee_seats)
    assert all(s.role.value.startswith("invitado") for s in comp.invitee_seats)


@pytest.mark.parametrize(
    ("code", "presiding"),
    [("GVP", "UNP"), ("CERREM_POBLACIONAL", "MININTERIOR_DDHH"), ("CERREM_MUJERES", "MININTERIOR_DDHH"),
     ("CERREM_UP_PCC", "UNP"), ("COMITE_ESPECIAL", "UNP")],
)
def test_who_presides(catalog: Catalog, code: str, presiding: str) -> None:
    assert catalog.composition_on(code, DAY).presiding_seat.entity_code == presiding


@pytest.mark.parametrize("code", WITH_DELEGATES)
def test_four_delegates_per_population(catalog: Catalog, code: str) -> None:
    comp = catalog.composition_on(code, DAY)
    populations = catalog.populations_on(DAY)
    assert len(populations) == 13
    delegates = [s for s in comp.seats if _is_delegate(s.key)]
    assert len(delegates) == 4 * 13
    for pop in populations:
        mine = [s for s in delegates if s.population == pop.code]
        assert [s.key for s in mine] == [f"delegado_pob_{pop.number:02d}_{i}" for i in (1, 2, 3, 4)]
        for seat in mine:
            assert seat.condition is SeatCondition.OWN_POPULATION
            assert seat.rights is Rights.SOLO_VOZ
            assert seat.role is SeatRole.INVITADO_PERMANENTE
            assert str(pop.number) in seat.entity
    assert comp.seat("delegado_pob_03_2").population == "sindicales"


def test_no_delegates_outside_cerrem_poblacional_family(catalog: Catalog) -> None:
    for code in ("GVP", "CERREM_UP_PCC", "COMITE_ESPECIAL"):
        comp = catalog.composition_on(code, DAY)
        assert not any(s.condition is SeatCondition.OWN_POPULATION for s in comp.seats)


def test_acnur_displaced_only_except_in_mujeres(catalog: Catalog) -> None:
    for code in ("CERREM_POBLACIONAL", "CERREM_COLECTIVO"):
        assert catalog.composition_on(code, DAY).seat("acnur").condition is SeatCondition.DISPLACED_CASES
    mujeres = catalog.composition_on("CERREM_MUJERES", DAY)
    assert mujeres.seat("acnur").condition is None
    assert [s.entity_code for s in mujeres.seats].count("ACNUR") == 1
    assert [s.entity_code for s in mujeres.seats].count("OACNUDH") == 1


def test_expected_seats_by_case(catalog: Catalog) -> None:
    pob = catalog.composition_on("CERREM_POBLACIONAL", DAY)
    plain = {s.key for s in pob.expected_seats(population="periodistas")}
    assert "acnur" not in plain and "ente_privado" not in plain
    assert {f"delegado_pob_08_{i}" for i in (1, 2, 3, 4)} <= plain
    assert not any(k.startswith("delegado_pob_01") for k in plain)
    assert "acnur" in {s.key for s in pob.expected_seats(population="victimas", displaced=True)}
    assert "ente_privado" in {s.key for s in pob.expected_seats(include={"ente_privado"})}
    up = catalog.composition_on("CERREM_UP_PCC", DAY)
    assert "entidades_restablecimiento" not in {s.key for s in up.expected_seats()}
    assert "entidades_restablecimiento" in {s.key for s in up.expected_seats(restoration=True)}


def test_up_pcc_secretaria_tecnica_votes(catalog: Catalog) -> None:
    seat = catalog.composition_on("CERREM_UP_PCC", DAY).seat("mininterior_ddhh")
    assert seat.role is SeatRole.SECRETARIA_TECNICA
    assert seat.votes


def test_validity_dates_and_defaults(catalog: Catalog) -> None:
    for code in ("GVP", "CERREM_POBLACIONAL", "CERREM_UP_PCC", "COMITE_ESPECIAL"):
        comp = catalog.composition_on(code, DAY)
        assert comp.valid_from == date(2015, 5, 26) and comp.valid_to is None
        assert comp.voting.quorum_fraction == 0.5 and comp.voting.majority_fraction == 0.5
        assert comp.voting.majority_basis is MajorityBasis.VOTING_PRESENT
    assert catalog.composition_on("CERREM_COLECTIVO", DAY).valid_from == date(2015, 8, 21)
    assert "Resolución 1085 de 2015" in catalog.composition_on("CERREM_COLECTIVO", DAY).legal_basis
    assert "Resolución 805 de 2012" in catalog.composition_on("CERREM_MUJERES", DAY).legal_basis
    with pytest.raises(NotFound, match="no tiene una composición vigente el 01/01/2010"):
        catalog.composition_on("GVP", date(2010, 1, 1))
    with pytest.raises(NotFound, match="No existe un comité"):
        catalog.committee("NOPE")


def test_populations(catalog: Catalog) -> None:
    pops = catalog.populations_on(DAY)
    assert [p.number for p in pops] == list(range(1, 14))
    assert len({p.code for p in pops}) == 13
    assert all("2.4.1.2.6" in p.legal_basis and p.valid_from == date(2015, 5, 26) for p in pops)
    by_number = {p.number: p for p in pops}
    assert "oposición" in by_number[1].name
    assert "sindicales" in by_number[3].name
    assert "misión médica" in by_number[6].name
    assert "Periodistas" in by_number[8].name
    assert "desplazada" in by_number[9].name and "tierras" in by_number[9].name
    assert "Quintín Lame" in by_number[10].name
    assert "forenses" in by_number[11].name
    assert "Docentes" in by_number[12].name
    assert "Servidores públicos" in by_number[13].name
    assert catalog.populations_on(date(2010, 1, 1)) == ()


def test_measures(catalog: Catalog) -> None:
    codes = {m.code: m for m in catalog.measure_types}
    for code in ("boton_apoyo", "chaleco_blindado", "medio_comunicacion", "apoyo_reubicacion", "apoyo_trasteo"):
        assert codes[code].category is MeasureCategory.SOFT
    for code in ("hombre_proteccion", "vehiculo_convencional", "vehiculo_blindado"):
        assert codes[code].category is MeasureCategory.HARD
    assert sum(m.category is MeasureCategory.COLLECTIVE for m in catalog.measure_types) >= 2
    escolta = catalog.measure_type("hombre_proteccion")
    assert (escolta.unit(1), escolta.unit(2)) == ("hombre de protección", "hombres de protección")
    assert any(m.restoration for m in catalog.measure_types)
    assert not escolta.restoration


@pytest.mark.parametrize(
    ("pct", "level"),
    [(0, RiskLevel.ORDINARIO), (49.99, RiskLevel.ORDINARIO), (50, RiskLevel.EXTRAORDINARIO),
     (79.99, RiskLevel.EXTRAORDINARIO), (80, RiskLevel.EXTREMO), (100, RiskLevel.EXTREMO)],
)
def test_risk_bands(catalog: Catalog, pct: float, level: RiskLevel) -> None:
    assert catalog.risk_level_for(pct) is level


@pytest.mark.parametrize("pct", [-0.01, 100.01])
def test_risk_pct_out_of_range(catalog: Catalog, pct: float) -> None:
    with pytest.raises(ValidationError, match="entre 0 y 100"):
        catalog.risk_level_for(pct)


def test_risk_bands_agree_with_rules(catalog: Catalog) -> None:
    """The shipped bands pass comite.rules.risk (both bounds inclusive) unchanged."""
    from comite.rules.risk import level_for_percentage, validate_bands

    bands = [(b.level, b.min_pct, b.max_pct) for b in catalog.risk_bands]
    validate_bands(bands)
    for pct in (0, 49.99, 50, 79.99, 80, 100):
        assert level_for_percentage(pct, bands) is catalog.risk_level_for(pct)


# --- JSON export -----------------------------------------------------------

def test_json_shape(catalog: Catalog) -> None:
    data = catalog_as_json(catalog, DAY)
    json.dumps(data)  # serialisable as is
    assert [c["code"] for c in data] == ALL_CODES
    for committee in data:
        assert list(committee)[:3] == ["code", "name", "seats"]
        assert committee["name"] == catalog.committee(committee["code"]).name
        for seat in committee["seats"]:
            assert list(seat)[:5] == ["entity", "role", "rights", "condition", "legal_basis"]
            assert seat["rights"] in ("voz_y_voto", "solo_voz")
            assert seat["condition"] in (
                None, "displaced_cases", "own_population", "restoration_measures",
                "when_competent", "when_pertinent",
            )
            assert seat["role"] in {r.value for r in SeatRole}
            assert isinstance(seat["entity"], str) and isinstance(seat["legal_basis"], str)
    gvp = data[0]
    assert [s["entity"] for s in gvp["seats"]][:2] == [
        "Unidad Nacional de Protección", "Ministerio de Defensa Nacional"]
    mujeres = next(c for c in data if c["code"] == "CERREM_MUJERES")
    assert next(s for s in mujeres["seats"] if s["key"] == "acnur")["condition"] is None
    assert catalog_as_json(catalog, date(2010, 1, 1)) == []


def test_composition_as_dict_extras(catalog: Catalog) -> None:
    committee = catalog.committee("CERREM_UP_PCC")
    d = composition_as_dict(committee, committee.composition_on(DAY))
    assert d["valid_from"] == "2015-05-26" and d["valid_to"] is None
    assert d["version"] == "Decreto 1066 de 2015"
    assert d["voting"]["quorum_fraction"] == 0.5


# --- versioning ------------------------------------------------------------

GVP_2030 = """
code = "GVP"

[[composition]]
version = "Decreto 9999 de 2029"
valid_from = 2030-01-01
legal_basis = "Decreto 9999 de 2029, art. 1"

[[composition.seat]]
key = "unp"
entity = "Unidad Nacional de Protección"
entity_code = "UNP"
holder = "Director de la Unidad Nacional de Protección"
role = "preside"
rights = "voz_y_voto"
legal_basis = "Decreto 9999 de 2029, art. 1, num. 1"

[[composition.seat]]
key = "mindefensa"
entity = "Ministerio de Defensa Nacional"
entity_code = "MINDEFENSA"
holder = "Delegado del Ministerio de Defensa Nacional"
role = "miembro"
rights = "voz_y_voto"
legal_basis = "Decreto 9999 de 2029, art. 1, num. 2"
"""


def test_later_composition_from_admin_folder(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "GVP_2030.toml").write_text(GVP_2030, encoding="utf-8")
    merged = load_catalog(extra_dirs=[tmp_path])
    old = merged.composition_on("GVP", date(2029, 12, 31))
    new = merged.composition_on("GVP", date(2030, 1, 1))
    assert old.version == "Decreto 1066 de 2015" and old.valid_to == date(2029, 12, 31)
    assert new.version == "Decreto 9999 de 2029" and new.valid_to is None
    assert len(old.voting_seats) == 5 and len(new.voting_seats) == 2
    # an old session keeps its composition, found by date or by the version it stored
    original = catalog.composition_on("GVP", DAY)
    assert merged.composition_on("GVP", DAY).seats == original.seats
    assert merged.composition("GVP", "Decreto 1066 de 2015").seats == original.seats
    # other committees are untouched; the JSON follows the date
    assert merged.composition_on("CERREM_UP_PCC", date(2031, 1, 1)) == catalog.composition_on("CERREM_UP_PCC", DAY)
    gvp_2031 = catalog_as_json(merged, date(2031, 1, 1))[0]
    assert [s["entity_code"] for s in gvp_2031["seats"]] == ["UNP", "MINDEFENSA"]
    # without the extra folder the shipped composition stays open-ended
    assert catalog.composition_on("GVP", date(2031, 1, 1)).version == "Decreto 1066 de 2015"


def test_inheriting_committees_follow_the_base(tmp_path: Path) -> None:
    text = (DATA_DIR / "CERREM_POBLACIONAL.toml").read_text(encoding="utf-8")
    text = text.replace('version = "Decreto 1066 de 2015"', 'version = "Decreto 8888 de 2029"')
    text = text.replace("valid_from = 2015-05-26", "valid_from = 2030-01-01")
    text = text.replace('key = "ente_privado"', 'key = "ente_privado_nuevo"')
    (tmp_path / "POBLACIONAL_2030.toml").write_text(text, encoding="utf-8")
    merged = load_catalog(extra_dirs=[tmp_path])
    colectivo = merged.committee("CERREM_COLECTIVO").compositions
    assert [c.version for c in colectivo] == [
        "Resolución 1085 de 2015 + Decreto 1066 de 2015",
        "Resolución 1085 de 2015 + Decreto 8888 de 2029",
    ]
    assert colectivo[0].valid_to == date(2029, 12, 31) and colectivo[1].valid_from == date(2030, 1, 1)
    keys_2031 = {s.key for s in merged.composition_on("CERREM_MUJERES", date(2031, 1, 1)).seats}
    assert "ente_privado_nuevo" in keys_2031 and "ente_privado" not in keys_2031
    assert merged.composition_on("CERREM_MUJERES", date(2031, 1, 1)).seat("acnur").condition is None


def test_population_removed_by_later_decree(tmp_path: Path) -> None:
    shutil.copytree(DATA_DIR, tmp_path / "data")
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "populations.toml").write_text(
        """
[[population]]
number = 4
code = "gremiales"
name = "Dirigentes, representantes o activistas de organizaciones gremiales"
legal_basis = "Decreto 1066 de 2015, art. 2.4.1.2.6, num. 4"
valid_from = 2015-05-26
valid_to = 2029-12-31
""",
        encoding="utf-8",
    )
    merged = load_catalog(tmp_path / "data", extra_dirs=[tmp_path / "admin"])
    assert len(merged.populations_on(date(2030, 1, 1))) == 12
    assert len(merged.populations_on(DAY)) == 13


# --- validation errors -------------------------------------------------------

PRESIDE = """
[[composition.seat]]
key = "presidencia"
entity = "Entidad A"
entity_code = "A"
holder = "Director de A"
role = "preside"
rights = "voz_y_voto"
legal_basis = "Art. 1"
"""


def seat(key: str = "b", role: str = "miembro", rights: str = "voz_y_voto", extra: str = "") -> str:
    return f"""
[[composition.seat]]
key = "{key}"
entity = "Entidad {key}"
entity_code = "{key.upper()}"
holder = "Delegado de {key}"
role = "{role}"
rights = "{rights}"
legal_basis = "Art. 2"
{extra}
"""


def committee(body: str, head: str = "", period: str = "valid_from = 2020-01-01") -> str:
    return f"""
code = "PRUEBA"
name = "Comité de prueba"
short_name = "Prueba"
kind = "cerrem"

[[composition]]
version = "v1"
{period}
legal_basis = "Resolución de prueba"
{head}
{PRESIDE}
{body}
"""


BAD_FILES = [
    ("unknown role", committee(seat(role="jefe")), ["«role»", "jefe"]),
    ("unknown rights", committee(seat(rights="voto")), ["«rights»", "voto"]),
    ("unknown condition", committee(seat(extra='condition = "a_veces"')), ["«condition»", "a_veces"]),
    ("unknown population",
     committee(seat(role="invitado_permanente", rights="solo_voz",
                    extra='condition = "own_population"\npopulation = "marcianos"')),
     ["«population»", "marcianos"]),
    ("own_population without population",
     committee(seat(role="invitado_permanente", rights="solo_voz", extra='condition = "own_population"')),
     ["«population»", "own_population"]),
    ("duplicate seat key", committee(seat("b") + seat("b")), ["«b»", "repetida"]),
    ("valid_to before valid_from",
     committee(seat(), period="valid_from = 2020-01-01\nvalid_to = 2019-12-31"), ["«valid_to»", "anterior"]),
    ("overlapping periods",
     committee(seat(), period="valid_from = 2020-01-01\nvalid_to = 2021-12-31")
     + '\n[[composition]]\nversion = "v2"\nvalid_from = 2021-06-01\nlegal_basis = "x"\n' + PRESIDE,
     ["«valid_from»", "se superpone", "v1"]),
    ("same start date",
     committee(seat()) + '\n[[composition]]\nversion = "v2"\nvalid_from = 2020-01-01\nlegal_basis = "x"\n' + PRESIDE,
     ["se superpone"]),
    ("inherits unknown committee", committee(seat(), head='inherits = "NO_EXISTE"'), ["«inherits»", "NO_EXISTE"]),
    ("malformed TOML", 'code = "PRUEBA"\nname = \n', ["TOML válido", "línea 2"]),
    ("unknown field", committee(seat(extra='rigths = "solo_voz"')), ["rigths", "desconocido"]),
    ("invitee with vote", committee(seat(role="invitado_especial", rights="voz_y_voto")), ["«rights»", "solo_voz"]),
    ("no presiding seat", committee(seat()).replace('role = "preside"', 'role = "miembro"'), ["preside"]),
    ("override without inheritance", committee(seat(extra="override = true")), ["«override»"]),
    ("bad date", committee(seat(), period='valid_from = "26/05/2015"'), ["«valid_from»", "26/05/2015"]),
    ("kind conflict", committee(seat()).replace('code = "PRUEBA"', 'code = "GVP"'), ["«kind»", "gvp"]),
]


@pytest.mark.parametrize(("content", "fragments"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_validation_errors_name_file_and_field(tmp_path: Path, content: str, fragments: list[str]) -> None:
    (tmp_path / "PRUEBA_MALO.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_catalog(extra_dirs=[tmp_path])
    message = str(info.value)
    assert "PRUEBA_MALO.toml" in message
    assert message.startswith("Catálogo, archivo")
    for fragment in fragments:
        assert fragment in message


def test_valid_test_committee_loads(tmp_path: Path) -> None:
    """The error cases above differ from this valid file only by the fault."""
    (tmp_path / "PRUEBA.toml").write_text(committee(seat()), encoding="utf-8")
    merged = load_catalog(extra_dirs=[tmp_path])
    assert [s.key for s in merged.composition_on("PRUEBA", DAY).seats] == ["presidencia", "b"]


def test_inheritance_errors(tmp_path: Path) -> None:
    body = 'inherits = "CERREM_POBLACIONAL"\nremove = ["no_existe"]'
    (tmp_path / "HEREDA.toml").write_text(committee("", head=body), encoding="utf-8")
    with pytest.raises(ValidationError, match=r"HEREDA\.toml.*«remove».*no_existe"):
        load_catalog(extra_dirs=[tmp_path])
    dup = committee(seat("acnur", role="invitado_permanente", rights="solo_voz"),
                    head='inherits = "CERREM_POBLACIONAL"')
    (tmp_path / "HEREDA.toml").write_text(dup.replace(PRESIDE, ""), encoding="utf-8")
    with pytest.raises(ValidationError, match=r"HEREDA\.toml.*«acnur».*override = true"):
        load_catalog(extra_dirs=[tmp_path])


def test_circular_inheritance(tmp_path: Path) -> None:
    for a, b in (("CIRC_A", "CIRC_B"), ("CIRC_B", "CIRC_A")):
        text = committee("", head=f'inherits = "{b}"').replace('code = "PRUEBA"', f'code = "{a}"')
        (tmp_path / f"{a}.toml").write_text(text.replace(PRESIDE, ""), encoding="utf-8")
    with pytest.raises(ValidationError, match="herencia circular"):
        load_catalog(extra_dirs=[tmp_path])


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("risk_levels.toml", '[[band]]\nlevel = "ordinario"\nmin_pct = 0.0\nmax_pct = 100.0\n', "una banda por nivel"),
        ("risk_levels.toml",
         '[[band]]\nlevel = "ordinario"\nmin_pct = 0.0\nmax_pct = 50.0\n'
         '[[band]]\nlevel = "extraordinario"\nmin_pct = 50.0\nmax_pct = 79.99\n'
         '[[band]]\nlevel = "extremo"\nmin_pct = 80.0\nmax_pct = 100.0\n', "justo después"),
        ("risk_levels.toml",
         '[[band]]\nlevel = "ordinario"\nmin_pct = 0.0\nmax_pct = 40.0\n'
         '[[band]]\nlevel = "extraordinario"\nmin_pct = 50.0\nmax_pct = 79.99\n'
         '[[band]]\nlevel = "extremo"\nmin_pct = 80.0\nmax_pct = 100.0\n', "justo después"),
        ("measures.toml",
         '[[measure]]\ncode = "x"\nname = "X"\ncategory = "liviana"\nunit_singular = "x"\nunit_plural = "xs"\n',
         "«category»"),
        ("populations.toml",
         '[[population]]\nnumber = 3\ncode = "otra"\nname = "Otra"\nlegal_basis = "x"\nvalid_from = 2020-01-01\n',
         "número 3"),
    ],
)
def test_other_file_errors(tmp_path: Path, name: str, content: str, fragment: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_catalog(extra_dirs=[tmp_path])
    assert str(tmp_path / name) in str(info.value) and fragment in str(info.value)


def test_missing_folder_and_required_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no existe la carpeta"):
        load_catalog(tmp_path / "nada")
    with pytest.raises(ValidationError, match="populations.toml"):
        load_catalog(tmp_path)
