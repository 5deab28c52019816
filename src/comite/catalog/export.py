"""The catalogue as plain JSON-ready values (for reports, the GUI and checks).

The leading keys of each committee and seat dict are a fixed contract:
``{"code", "name", "seats": [{"entity", "role", "rights", "condition",
"legal_basis"}]}``; further keys may be added after them, never changed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from comite.catalog.schema import Catalog, CommitteeDef, CompositionDef, SeatDef
from comite.errors import NotFound


def seat_as_dict(seat: SeatDef) -> dict[str, Any]:
    return {
        "entity": seat.entity,
        "role": seat.role.value,
        "rights": seat.rights.value,
        "condition": seat.condition.value if seat.condition else None,
        "legal_basis": seat.legal_basis,
        # extras
        "key": seat.key,
        "entity_code": seat.entity_code,
        "holder": seat.holder,
        "population": seat.population,
    }


def composition_as_dict(committee: CommitteeDef, composition: CompositionDef) -> dict[str, Any]:
    """``name`` and ``short_name`` are those the committee bore under ``composition``."""
    voting = composition.voting
    name, short_name = committee.names_under(composition)
    return {
        "code": committee.code,
        "name": name,
        "seats": [seat_as_dict(seat) for seat in composition.seats],
        # extras
        "short_name": short_name,
        "kind": committee.kind.value,
        "version": composition.version,
        "valid_from": composition.valid_from.isoformat(),
        "valid_to": composition.valid_to.isoformat() if composition.valid_to else None,
        "legal_basis": composition.legal_basis,
        "notes": composition.notes,
        "voting": {
            "quorum_fraction": voting.quorum_fraction,
            "quorum_basis": voting.quorum_basis.value,
            "majority_fraction": voting.majority_fraction,
            "majority_basis": voting.majority_basis.value,
        },
    }


def catalog_as_json(catalog: Catalog, day: date) -> list[dict[str, Any]]:
    """For each committee with a composition in force on ``day``, that composition.

    Committees without a composition on ``day`` are left out.
    """
    out = []
    for committee in catalog.committees:
        try:
            composition = committee.composition_on(day)
        except NotFound:
            continue
        out.append(composition_as_dict(committee, composition))
    return out
