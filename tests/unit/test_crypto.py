"""Encryption, blind indexes, key wrapping, recovery keys and account passwords."""

from __future__ import annotations

import pickle
import unicodedata

import pytest

from comite.errors import AuthenticationError, ComiteError, StorageError, ValidationError
from comite.storage.crypto import (
    BLIND_INDEX_SIZE,
    KEY_SIZE,
    KdfParams,
    Vault,
    derive_kek,
    generate_recovery_key,
    new_salt,
    normalize_recovery_key,
    recovery_kek,
    unwrap_key,
    wrap_key,
)
from comite.storage.passwords import (
    PasswordHasherConfig,
    check_password_policy,
    hash_password,
    needs_rehash,
    verify_password,
)

FAST = KdfParams.fast()
FAST_PW = PasswordHasherConfig.fast()
PURPOSE = "case.beneficiary_name"


@pytest.fixture
def vault() -> Vault:
    return Vault.generate()


# -- encryption ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["María José Peñaloza Ñáñez", "", "línea 1\nlínea 2 — «citas» 😀", "a" * 10_000],
)
def test_encrypt_round_trip(vault: Vault, text: str) -> None:
    blob = vault.encrypt(text, PURPOSE)
    assert isinstance(blob, bytes)
    assert vault.decrypt(blob, PURPOSE) == text


def test_ciphertext_does_not_contain_plaintext_and_is_randomised(vault: Vault) -> None:
    text = "Peñaloza Peñaloza Peñaloza"
    one, two = vault.encrypt(text, PURPOSE), vault.encrypt(text, PURPOSE)
    assert one != two  # fresh nonce each time
    assert text.encode("utf-8") not in one
    assert b"Pe" not in one[13:]
    assert one[0] == 1  # version byte
    assert len(one) == 1 + 12 + len(text.encode("utf-8")) + 16


def test_wrong_purpose_fails(vault: Vault) -> None:
    blob = vault.encrypt("Ana", PURPOSE)
    with pytest.raises(ComiteError) as info:
        vault.decrypt(blob, "case.requester_name")
    assert "dañada" in str(info.value)


def test_other_key_fails(vault: Vault) -> None:
    blob = vault.encrypt("Ana", PURPOSE)
    with pytest.raises(ComiteError):
        Vault.generate().decrypt(blob, PURPOSE)


@pytest.mark.parametrize("position", [0, 1, 12, 13, -1])
def test_tampered_byte_fails(vault: Vault, position: int) -> None:
    blob = bytearray(vault.encrypt("Ana Peñaloza", PURPOSE))
    blob[position] ^= 0x01
    with pytest.raises(ComiteError):
        vault.decrypt(bytes(blob), PURPOSE)


@pytest.mark.parametrize("blob", [b"", b"\x01", b"\x01" + b"\x00" * 27, b"\x02" + b"\x00" * 40])
def test_short_or_unknown_version_fails(vault: Vault, blob: bytes) -> None:
    with pytest.raises(ComiteError):
        vault.decrypt(blob, PURPOSE)


def test_decrypt_accepts_memoryview(vault: Vault) -> None:
    blob = vault.encrypt("Ñandú", PURPOSE)
    assert vault.decrypt(memoryview(blob), PURPOSE) == "Ñandú"


def test_bytes_round_trip_and_tamper(vault: Vault) -> None:
    payload = bytes(range(256)) * 100
    blob = vault.encrypt_bytes(payload, "backup")
    assert vault.decrypt_bytes(blob, "backup") == payload
    with pytest.raises(ComiteError):
        vault.decrypt_bytes(blob, "backup.other")
    broken = blob[:-1] + bytes([blob[-1] ^ 0x80])
    with pytest.raises(ComiteError):
        vault.decrypt_bytes(broken, "backup")


def test_empty_purpose_is_a_programming_error(vault: Vault) -> None:
    with pytest.raises(ValueError):
        vault.encrypt("x", "")


def test_vault_key_validation_and_no_leak() -> None:
    with pytest.raises(ValueError):
        Vault(b"short")
    key = bytes(range(32))
    vault = Vault(key)
    assert vault.data_key == key
    assert key.hex() not in repr(vault) and str(key) not in repr(vault)
    with pytest.raises(TypeError):
        pickle.dumps(vault)


def test_same_key_same_vault_behaviour() -> None:
    key = bytes(range(32))
    blob = Vault(key).encrypt("Ana", PURPOSE)
    assert Vault(key).decrypt(blob, PURPOSE) == "Ana"


def test_subkeys_are_distinct_and_not_the_data_key(vault: Vault) -> None:
    assert len(vault.mac_key) == KEY_SIZE
    assert vault.mac_key != vault.data_key
    assert vault.mac(b"abc") == vault.mac(b"abc")
    assert vault.mac(b"abc") != vault.mac(b"abd")
    assert vault.verify_mac(b"abc", vault.mac(b"abc"))
    assert not vault.verify_mac(b"abc", Vault.generate().mac(b"abc"))


def test_key_check(vault: Vault) -> None:
    check = vault.key_check()
    assert Vault(vault.data_key).matches_key_check(check)
    assert not Vault.generate().matches_key_check(check)
    assert vault.data_key not in check


def test_secret_round_trip(vault: Vault) -> None:
    text = vault.to_secret()
    assert Vault.from_secret(text).data_key == vault.data_key
    for bad in ["", "comite-key-v1:", "comite-key-v1:!!!", "otro:" + text, text[:-8]]:
        with pytest.raises(StorageError):
            Vault.from_secret(bad)


# -- blind index ---------------------------------------------------------------


def test_blind_index_deterministic_and_normalised(vault: Vault) -> None:
    a = vault.blind_index("1.023.456-7", "document")
    assert a == vault.blind_index("10234567", "document")
    assert a == vault.blind_index(" 10 234 567 ", "document")
    assert len(a) == BLIND_INDEX_SIZE
    assert a != vault.blind_index("10234568", "document")


def test_blind_index_radicado_and_generic(vault: Vault) -> None:
    assert vault.blind_index("ext20-123 45", "radicado") == vault.blind_index(
        "EXT20-12345", "radicado"
    )
    # radicados keep dashes: a different value
    assert vault.blind_index("EXT20-12345", "radicado") != vault.blind_index(
        "EXT2012345", "radicado"
    )
    composed = "Peñaloza"
    decomposed = unicodedata.normalize("NFD", " PEÑALOZA ")
    assert vault.blind_index(composed, "name") == vault.blind_index(decomposed, "name")


def test_blind_index_kinds_do_not_collide(vault: Vault) -> None:
    assert vault.blind_index("12345", "document") != vault.blind_index("12345", "radicado")
    assert vault.blind_index("12345", "document") != vault.blind_index("12345", "phone")


def test_blind_index_depends_on_key(vault: Vault) -> None:
    other = Vault.generate()
    assert vault.blind_index("10234567", "document") != other.blind_index("10234567", "document")


def test_blind_index_is_not_a_plain_hash(vault: Vault) -> None:
    import hashlib

    token = vault.blind_index("10234567", "document")
    assert token != hashlib.sha256(b"document\x0010234567").digest()[:16]


def test_blind_index_rejects_bad_kind(vault: Vault) -> None:
    with pytest.raises(ValueError):
        vault.blind_index("1", "")
    with pytest.raises(ValueError):
        vault.blind_index("1", "doc\x00ument")


# -- key wrapping ----------------------------------------------------------------


def test_wrap_unwrap_with_password() -> None:
    vault = Vault.generate()
    salt = new_salt()
    wrapped = wrap_key(vault.data_key, derive_kek("Contraseña segura 1", salt, FAST))
    assert vault.data_key not in wrapped
    kek = derive_kek("Contraseña segura 1", salt, FAST)
    assert unwrap_key(wrapped, kek) == vault.data_key


def test_unwrap_with_wrong_password_fails() -> None:
    vault = Vault.generate()
    salt = new_salt()
    wrapped = wrap_key(vault.data_key, derive_kek("Contraseña segura 1", salt, FAST))
    with pytest.raises(AuthenticationError) as info:
        unwrap_key(wrapped, derive_kek("Contraseña segura 2", salt, FAST))
    assert "contraseña" in str(info.value).lower()
    with pytest.raises(AuthenticationError):  # same password, other salt
        unwrap_key(wrapped, derive_kek("Contraseña segura 1", new_salt(), FAST))


def test_unwrap_tampered_fails() -> None:
    kek = derive_kek("x", new_salt(), FAST)
    wrapped = bytearray(wrap_key(Vault.generate().data_key, kek))
    wrapped[20] ^= 0xFF
    with pytest.raises(AuthenticationError):
        unwrap_key(bytes(wrapped), kek)
    with pytest.raises(AuthenticationError):
        unwrap_key(b"", kek)


def test_wrapped_key_is_not_a_field_ciphertext() -> None:
    """A wrap and a field blob use different associated data and keys."""
    kek = bytes(range(32))
    wrapped = wrap_key(Vault.generate().data_key, kek)
    with pytest.raises(ComiteError):
        Vault(kek).decrypt_bytes(wrapped, "comite-key-wrap")


def test_derive_kek_properties() -> None:
    salt = new_salt()
    k1 = derive_kek("Peñaloza 2024!", salt, FAST)
    assert len(k1) == KEY_SIZE
    assert k1 == derive_kek("Peñaloza 2024!", salt, FAST)
    # NFC normalisation: decomposed ñ gives the same key
    assert k1 == derive_kek(unicodedata.normalize("NFD", "Peñaloza 2024!"), salt, FAST)
    assert k1 != derive_kek(
        "Peñaloza 2024!", salt, KdfParams(time_cost=2, memory_cost=8, parallelism=1)
    )


def test_kdf_params_defaults_and_serialisation() -> None:
    default = KdfParams()
    assert default.memory_cost >= 64 * 1024 and default.time_cost >= 2
    assert KdfParams.from_dict(default.to_dict()) == default
    assert KdfParams.from_json(FAST.to_json()) == FAST
    assert FAST.to_dict()["algorithm"] == "argon2id"


@pytest.mark.parametrize(
    "data",
    [
        "{}",
        "no es json",
        "[]",
        '{"time_cost": 1, "memory_cost": 8}',
        '{"time_cost": "1", "memory_cost": 8, "parallelism": 1}',
        '{"time_cost": 1, "memory_cost": 99999999999, "parallelism": 1}',
        '{"algorithm": "scrypt", "time_cost": 1, "memory_cost": 8, "parallelism": 1}',
    ],
)
def test_kdf_params_bad_stored_data(data: str) -> None:
    with pytest.raises(StorageError):
        KdfParams.from_json(data)


# -- recovery key ------------------------------------------------------------------


def test_recovery_key_format() -> None:
    key = generate_recovery_key()
    groups = key.split("-")
    assert len(groups) == 13 and all(len(g) == 4 for g in groups)
    assert set(key.replace("-", "")) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert key != generate_recovery_key()


def test_recovery_key_round_trip_tolerates_case_and_dashes() -> None:
    vault = Vault.generate()
    key = generate_recovery_key()
    salt = new_salt()
    wrapped = wrap_key(vault.data_key, recovery_kek(key, salt))
    typed = " " + key.lower().replace("-", " ") + "\n"
    assert normalize_recovery_key(typed) == key
    assert unwrap_key(wrapped, recovery_kek(typed, salt)) == vault.data_key
    assert unwrap_key(wrapped, recovery_kek(key.replace("-", ""), salt)) == vault.data_key


def test_recovery_key_wrong_key_fails() -> None:
    vault = Vault.generate()
    salt = new_salt()
    wrapped = wrap_key(vault.data_key, recovery_kek(generate_recovery_key(), salt))
    with pytest.raises(AuthenticationError):
        unwrap_key(wrapped, recovery_kek(generate_recovery_key(), salt))


@pytest.mark.parametrize("bad", ["", "ABCD-EFGH", "0" * 52, generate_recovery_key() + "A"])
def test_recovery_key_malformed(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        recovery_kek(bad, new_salt())
    assert "clave de recuperación" in str(info.value)


# -- account passwords ---------------------------------------------------------------


def test_hash_and_verify_password() -> None:
    stored = hash_password("Peñaloza-2024", FAST_PW)
    assert stored.startswith("$argon2id$")
    assert "Peñaloza" not in stored
    assert verify_password(stored, "Peñaloza-2024", FAST_PW)
    assert verify_password(stored, unicodedata.normalize("NFD", "Peñaloza-2024"), FAST_PW)
    assert not verify_password(stored, "peñaloza-2024", FAST_PW)
    assert not verify_password(stored, "", FAST_PW)
    assert hash_password("Peñaloza-2024", FAST_PW) != stored  # salted


def test_verify_password_bad_inputs() -> None:
    assert not verify_password("no es un hash", "x", FAST_PW)
    assert not verify_password("", "x", FAST_PW)
    assert not verify_password(None, "cualquiera", FAST_PW)


def test_verify_accepts_other_parameters_and_needs_rehash() -> None:
    stored = hash_password("Peñaloza-2024", FAST_PW)
    # verification reads the parameters from the hash itself
    assert verify_password(stored, "Peñaloza-2024")
    assert not needs_rehash(stored, FAST_PW)
    assert needs_rehash(stored)  # default (production) parameters are stronger
    assert needs_rehash("basura", FAST_PW)


@pytest.mark.parametrize(
    "password",
    ["Ab1", "aaaaaaaaaaaa", "solominusculas", "SOLOMAYUSCULAS", "1234567890123", "ñandúpeñaloza"],
)
def test_password_policy_rejects(password: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_password_policy(password)
    assert str(info.value).startswith("La contraseña")


@pytest.mark.parametrize(
    "password", ["Ñandú-de-campo", "correcto caballo batería", "clave 2024 segura", "ABCDEFGH12"]
)
def test_password_policy_accepts(password: str) -> None:
    check_password_policy(password)


def test_password_policy_username_and_length() -> None:
    with pytest.raises(ValidationError, match="usuario"):
        check_password_policy("mi-usuario-MPerez-1", username="mperez")
    check_password_policy("Otra-clave-2024", username="mperez")
    with pytest.raises(ValidationError, match="más de"):
        check_password_policy("Aa1" * 100)
