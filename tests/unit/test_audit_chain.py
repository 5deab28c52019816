"""Hash chain of the audit trail: canonical form, links, and tamper detection."""

from __future__ import annotations

import enum
import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from comite.storage.audit_chain import (
    GENESIS,
    VerifyResult,
    canonical,
    hash_mac,
    link_hash,
    verify_chain,
    verify_macs,
)

KEY = bytes(range(32))
T0 = datetime(2024, 3, 1, 14, 30, tzinfo=UTC)


def build_chain(
    n: int, key: bytes | None = KEY, *, with_prev: bool = True
) -> list[tuple[int, dict[str, Any], str]]:
    rows: list[tuple[int, dict[str, Any], str]] = []
    prev = GENESIS
    for i in range(1, n + 1):
        fields: dict[str, Any] = {
            "at": T0 + timedelta(minutes=i),
            "username": "secretaría",
            "action": "case.update",
            "entity": "case",
            "entity_id": 100 + i,
            "details": json.dumps({"campo": "estado", "n": i}),
        }
        if with_prev:
            fields["prev_hash"] = prev
        digest = link_hash(prev, fields, key)
        rows.append((i * 10, fields, digest))  # ids with gaps, as sequences allow
        prev = digest
    return rows


# -- canonical form ---------------------------------------------------------------------


def test_canonical_is_sorted_compact_utf8() -> None:
    data = canonical({"b": 1, "a": "Peñaloza", "c": [1, {"z": None, "y": True}]})
    assert data == '{"a":"Peñaloza","b":1,"c":[1,{"y":true,"z":null}]}'.encode()


def test_canonical_independent_of_key_order() -> None:
    assert canonical({"a": 1, "b": 2}) == canonical({"b": 2, "a": 1})


def test_canonical_datetimes_in_utc() -> None:
    bogota = timezone(timedelta(hours=-5))
    local = datetime(2024, 3, 1, 9, 30, tzinfo=bogota)
    assert canonical({"at": local}) == canonical({"at": T0})
    assert canonical({"at": T0}) == b'{"at":"2024-03-01T14:30:00+00:00"}'
    assert canonical({"d": date(2024, 3, 1)}) == b'{"d":"2024-03-01"}'


def test_canonical_refuses_naive_datetime_and_unknown_types() -> None:
    with pytest.raises(ValueError):
        canonical({"at": datetime(2024, 3, 1)})
    with pytest.raises(TypeError):
        canonical({"blob": b"\x00"})
    with pytest.raises(ValueError):
        canonical({"x": float("nan")})


def test_canonical_enum_by_value() -> None:
    class Action(enum.Enum):
        VOTE = "vote"

    assert canonical({"a": Action.VOTE}) == b'{"a":"vote"}'


# -- link hash ----------------------------------------------------------------------------


def test_link_hash_shape_and_dependencies() -> None:
    entry = {"action": "login", "username": "ana"}
    plain = link_hash(GENESIS, entry)
    assert len(plain) == 64 and int(plain, 16) >= 0
    assert plain == link_hash(GENESIS, dict(reversed(list(entry.items()))))
    assert link_hash(GENESIS, entry, KEY) != plain
    assert link_hash(GENESIS, entry, KEY) != link_hash(GENESIS, entry, bytes(32))
    assert link_hash(plain, entry) != plain  # depends on the previous hash
    assert link_hash(GENESIS, {**entry, "username": "ana "}) != plain


def test_link_hash_rejects_malformed_prev() -> None:
    with pytest.raises(ValueError):
        link_hash("abc", {})
    with pytest.raises(ValueError):
        link_hash("G" * 64, {})


# -- verification --------------------------------------------------------------------------


def test_verify_ok() -> None:
    rows = build_chain(5)
    result = verify_chain(rows, KEY)
    assert result == VerifyResult(True, 5, None, result.message)
    assert "íntegra" in result.message and "5" in result.message


def test_verify_ok_unkeyed_and_without_prev_field() -> None:
    assert verify_chain(build_chain(4, None), None).ok
    assert verify_chain(build_chain(4, with_prev=False), KEY).ok


def test_verify_empty() -> None:
    result = verify_chain([], KEY)
    assert result.ok and result.checked == 0 and result.first_broken_id is None


def test_verify_wrong_key_breaks_at_first() -> None:
    result = verify_chain(build_chain(3), bytes(32))
    assert not result.ok and result.first_broken_id == 10 and result.checked == 0


def test_verify_keyed_chain_cannot_be_recomputed_without_key() -> None:
    rows = build_chain(4)
    # The attacker edits entry 30 and recomputes the whole chain, lacking the key.
    forged = []
    prev = GENESIS
    for entry_id, fields, _ in rows:
        fields = {**fields, "prev_hash": prev}
        if entry_id == 30:
            fields["username"] = "otro"
        digest = link_hash(prev, fields, None)
        forged.append((entry_id, fields, digest))
        prev = digest
    assert verify_chain(forged, None).ok  # an unkeyed chain can be forged...
    result = verify_chain(forged, KEY)  # ...a keyed one cannot
    assert not result.ok and result.first_broken_id == 10


@pytest.mark.parametrize("with_prev", [True, False])
def test_verify_modified_entry(with_prev: bool) -> None:
    rows = build_chain(5, with_prev=with_prev)
    entry_id, fields, digest = rows[2]
    rows[2] = (entry_id, {**fields, "username": "intruso"}, digest)
    result = verify_chain(rows, KEY)
    assert not result.ok
    assert result.first_broken_id == 30
    assert result.checked == 2
    assert "30" in result.message and "alterada" in result.message


def test_verify_modified_hash() -> None:
    rows = build_chain(3)
    entry_id, fields, digest = rows[1]
    rows[1] = (entry_id, fields, ("0" if digest[0] != "0" else "1") + digest[1:])
    result = verify_chain(rows, KEY)
    assert not result.ok and result.first_broken_id == 20


@pytest.mark.parametrize("with_prev", [True, False])
def test_verify_deleted_entry(with_prev: bool) -> None:
    rows = build_chain(5, with_prev=with_prev)
    del rows[2]  # id 30 removed
    result = verify_chain(rows, KEY)
    assert not result.ok
    assert result.first_broken_id == 40
    assert result.checked == 2
    if with_prev:
        assert "no enlaza" in result.message


def test_verify_deleted_first_entry() -> None:
    rows = build_chain(3)[1:]
    result = verify_chain(rows, KEY)
    assert not result.ok and result.first_broken_id == 20


def test_verify_reordered_rows_in_place() -> None:
    """Contents of ids 20 and 30 swapped, ids still ascending."""
    rows = build_chain(4)
    (id2, f2, h2), (id3, f3, h3) = rows[1], rows[2]
    rows[1], rows[2] = (id2, f3, h3), (id3, f2, h2)
    result = verify_chain(rows, KEY)
    assert not result.ok and result.first_broken_id == 20


def test_verify_reordered_ids() -> None:
    rows = build_chain(4)
    rows[1], rows[2] = rows[2], rows[1]
    result = verify_chain(rows, KEY)
    assert not result.ok
    assert result.first_broken_id == 30  # 30 appears where 20 should be
    assert result.checked == 1


def test_verify_reordered_ids_without_prev_field() -> None:
    rows = build_chain(4, with_prev=False)
    rows[1], rows[2] = rows[2], rows[1]
    result = verify_chain(rows, KEY)
    assert not result.ok and result.first_broken_id == 30


def test_verify_duplicate_id() -> None:
    rows = build_chain(3)
    rows.insert(2, rows[1])
    result = verify_chain(rows, KEY)
    assert not result.ok and result.first_broken_id == 20 and result.checked == 2
    assert "fuera de orden" in result.message


def test_verify_truncated_end_needs_head() -> None:
    rows = build_chain(5)
    head = rows[-1][2]
    assert verify_chain(rows, KEY, head=head).ok
    truncated = rows[:-2]
    assert verify_chain(truncated, KEY).ok  # undetectable without an anchor
    result = verify_chain(truncated, KEY, head=head)
    assert not result.ok and result.first_broken_id is None and result.checked == 3
    assert "al final" in result.message


def test_verify_from_checkpoint() -> None:
    rows = build_chain(5)
    start = rows[1][2]
    result = verify_chain(rows[2:], KEY, start=start)
    assert result.ok and result.checked == 3
    assert not verify_chain(rows[3:], KEY, start=start).ok


def test_verify_garbage_stored_values() -> None:
    rows = build_chain(2)
    rows[1] = (rows[1][0], {**rows[1][1], "prev_hash": "ñ" * 64}, rows[1][2])
    assert verify_chain(rows, KEY).first_broken_id == 20
    rows = build_chain(2)
    rows[0] = (rows[0][0], {**rows[0][1], "at": b"bytes"}, rows[0][2])
    assert verify_chain(rows, KEY).first_broken_id == 10


# -- seals ----------------------------------------------------------------------------------


def test_hash_mac_and_verify_macs() -> None:
    rows = build_chain(4, None)
    sealed = [(i, h, hash_mac(h, KEY)) for i, _, h in rows]
    assert len(sealed[0][2]) == 64
    result = verify_macs(sealed, KEY)
    assert result.ok and result.checked == 4 and result.unsealed == 0

    partly = [*sealed[:2], (rows[2][0], rows[2][2], None), (rows[3][0], rows[3][2], None)]
    result = verify_macs(partly, KEY)
    assert result.ok and result.checked == 2 and result.unsealed == 2
    assert "sin sellar" in result.message

    forged = list(sealed)
    forged[2] = (forged[2][0], forged[2][1], hash_mac(forged[2][1], bytes(32)))
    result = verify_macs(forged, KEY)
    assert not result.ok and result.first_broken_id == 30 and result.checked == 2

    assert not verify_macs(sealed, bytes(32)).ok


def test_head_seal_is_bound_to_id_and_hash_and_separate_from_entry_seals():
    from comite.storage.audit_chain import head_mac

    h = link_hash(GENESIS, {"a": 1})
    seal = head_mac(7, h, KEY)
    assert seal == head_mac(7, h, KEY)
    assert seal not in {head_mac(8, h, KEY), head_mac(7, h, bytes(32)), hash_mac(h, KEY)}
    for bad_id in (0, -1, True, "7"):
        with pytest.raises(ValueError):
            head_mac(bad_id, h, KEY)
    with pytest.raises(ValueError):
        head_mac(7, "no-hex", KEY)
