"""The compositions of the law in force (Decreto 1139 de 2021) against DOMAIN.md, from
the shipped data: before and after 24/09/2021, the names in force, the articles each
seat cites, one date for the decree. (The same comparison through ``comite catalog
--json`` on a database: ``tests/db/test_catalog_law.py``.)"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from comite.catalog import DATA_DIR, catalog_as_json, load_catalog
from tests.domain_law import AFTER, BEFORE, differences

CATALOG = load_catalog()


@pytest.mark.parametrize("day", [BEFORE, AFTER, date(2019, 6, 1), date(2026, 11, 23)])
def test_the_composition_in_force_is_the_one_domain_lists(day):
    oracle_day = BEFORE if day < AFTER else AFTER
    assert differences(catalog_as_json(CATALOG, day), oracle_day) == []


def test_the_oracle_tells_the_two_laws_apart():
    """A comparison that could not fail would prove nothing."""
    assert differences(catalog_as_json(CATALOG, BEFORE), AFTER) != []
    assert differences(catalog_as_json(CATALOG, AFTER), BEFORE) != []


# Every seat of a composition the decree created cites the decree, the article and, for
# members, the numeral that creates it.
DECREE_SEATS = {
    "CERREM_POBLACIONAL": r"art\. 2\.4\.1\.2\.36, num\. [1-5] \(modificado por el Decreto 1139 de 2021, art\. 9\)",
    "CERREM_COLECTIVO": r"art\. 2\.4\.1\.2\.36, num\. [1-5] \(modificado por el Decreto 1139 de 2021, art\. 9\)",
    "CERREM_MUJERES": r"art\. 2\.4\.1\.2\.36, num\. [1-5] \(modificado por el Decreto 1139 de 2021, art\. 9\)",
    "COMITE_ESPECIAL": r"art\. 2\.4\.1\.2\.36A, num\. [1-5] \(adicionado por el Decreto 1139 de 2021, art\. 10\)",
}


@pytest.mark.parametrize("code", sorted(DECREE_SEATS))
def test_each_seat_cites_the_article_that_creates_it(code):
    comp = CATALOG.composition_on(code, AFTER)
    numbers = []
    for seat in comp.voting_seats:
        assert re.search(DECREE_SEATS[code], seat.legal_basis), (seat.key, seat.legal_basis)
        numbers.append(int(re.search(r"num\. (\d)", seat.legal_basis).group(1)))
    assert numbers == [1, 2, 3, 4, 5]  # numerals in the article's order, the first presides
    for seat in comp.invitee_seats:
        assert re.search(r"Decreto 1066 de 2015, art\. 2\.4\.1\.2\.3[67]|Resolución (805 de 2012|1085 de 2015)",
                         seat.legal_basis), (seat.key, seat.legal_basis)
    assert "Decreto 1139 de 2021" in comp.legal_basis


@pytest.mark.parametrize("code", ["CERREM_POBLACIONAL", "CERREM_UP_PCC", "COMITE_ESPECIAL",
                                  "CERREM_COLECTIVO", "CERREM_MUJERES"])
def test_every_seat_cites_a_norm_and_its_article(code):
    for comp in CATALOG.committee(code).compositions:
        for seat in comp.seats:
            assert re.search(r"(Decreto \d+ de \d{4}|Resolución \d+ de \d{4}), art\. [\d.A]+", seat.legal_basis), \
                (code, comp.version, seat.key, seat.legal_basis)


def test_the_comite_especial_is_renamed_from_the_decree_on():
    committee = CATALOG.committee("COMITE_ESPECIAL")
    old, new = CATALOG.composition_on("COMITE_ESPECIAL", BEFORE), CATALOG.composition_on("COMITE_ESPECIAL", AFTER)
    assert committee.names_under(old) == ("Comité especial de servidores y ex servidores públicos", "Comité especial")
    assert committee.names_under(new)[0].endswith("de Servidores y Exservidores Públicos")
    assert committee.names_under(new)[1] == "CERREM servidores"
    assert new.resolution_template == "resolucion_cerrem.docx" and old.resolution_template == ""


def test_the_decree_date_is_written_once(tmp_path: Path):
    """Correcting normas.toml moves every composition of the decree (and closes the older
    ones the day before), the inheriting committees included."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    assert (DATA_DIR / "CERREM_POBLACIONAL.toml").read_text(encoding="utf-8").count("2021-09-24") == 0
    norms = (data / "normas.toml").read_text(encoding="utf-8")
    (data / "normas.toml").write_text(norms.replace("date = 2021-09-24", "date = 2021-10-01"), encoding="utf-8")
    moved = load_catalog(data)
    for code in ("CERREM_POBLACIONAL", "CERREM_COLECTIVO", "CERREM_MUJERES", "COMITE_ESPECIAL"):
        versions = moved.committee(code).compositions
        assert versions[-1].valid_from == date(2021, 10, 1), code
        assert versions[-2].valid_to == date(2021, 9, 30), code
        assert "1066" in moved.composition_on(code, date(2021, 9, 28)).version


def test_the_virtual_sessions_and_dropped_seat_are_noted():
    new = CATALOG.composition_on("CERREM_POBLACIONAL", AFTER)
    assert "virtual" in new.notes and "Inspección General" in new.notes
    assert not any("Inspección General" in s.entity for s in new.seats)
