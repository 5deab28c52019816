"""``comite catalog --json --date D`` against the seats DOMAIN.md lists, the day before
Decreto 1139 de 2021 took effect and the day it did (tests/domain_law.py), on a
database of each engine: what the command prints is what the database holds."""

from __future__ import annotations

import json

import pytest

from comite import cli
from tests.domain_law import AFTER, BEFORE, differences


def _catalog(capsys, db_url: str, day) -> list[dict]:
    code = cli.main(["--db", db_url, "catalog", "--json", "--date", day.isoformat()])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize("day", [BEFORE, AFTER], ids=["2021-09-23", "2021-09-24"])
def test_catalog_json_lists_the_seats_of_the_law_in_force(db_url, capsys, day):
    data = _catalog(capsys, db_url, day)
    assert differences(data, day) == []
    other = AFTER if day == BEFORE else BEFORE
    assert differences(data, other) != []  # the oracle tells the two apart


def test_each_seat_cites_its_decree_and_article(db_url, capsys):
    for committee in _catalog(capsys, db_url, AFTER):
        for seat in committee["seats"]:
            if committee["code"] != "GVP":  # seed 001 gives the GVP's members, not their article
                assert " art. " in seat["legal_basis"] and " de 20" in seat["legal_basis"], seat
        if committee["code"] in ("CERREM_POBLACIONAL", "COMITE_ESPECIAL"):
            voting = [s for s in committee["seats"] if s["rights"] == "voz_y_voto"]
            assert all("Decreto 1139 de 2021" in s["legal_basis"] for s in voting)
            assert committee["valid_from"] == "2021-09-24"
