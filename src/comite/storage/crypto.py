"""Encryption primitives for reserved data (no Qt, no database).

Every database has one random 32-byte *data key*. A :class:`Vault` holds it
in memory while the database is unlocked and derives three independent
sub-keys from it with HKDF-SHA256:

* an **encryption** key: AES-256-GCM for reserved columns and backups; the
  ``purpose`` of a value (``"case.beneficiary_name"``) is bound in as
  associated data, so a ciphertext copied into another column does not open;
* a **blind index** key: HMAC-SHA256 over a normalised value, so a document
  number or radicado can be looked up exactly without being stored in clear;
* a **MAC** key: for the audit trail and backup integrity.

The data key itself is never stored in clear: it is *wrapped* (AES-GCM) under
a key-encryption key derived from each user's password with Argon2id
(:func:`derive_kek`), and once more under a high-entropy recovery key
(:func:`recovery_kek`).

Blob layout of :meth:`Vault.encrypt` and :func:`wrap_key`::

    version (1 byte) | nonce (12 bytes) | ciphertext || tag (16 bytes)

The version byte is also part of the associated data, so it cannot be
changed without the tag failing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from comite.errors import AuthenticationError, ComiteError, StorageError, ValidationError
from comite.text import normalize_document, normalize_radicado

__all__ = [
    "BLIND_INDEX_SIZE",
    "FORMAT_VERSION",
    "KEY_SIZE",
    "SALT_SIZE",
    "KdfParams",
    "Vault",
    "derive_kek",
    "generate_recovery_key",
    "new_salt",
    "normalize_recovery_key",
    "normalize_for_index",
    "recovery_kek",
    "unwrap_key",
    "wrap_key",
]

FORMAT_VERSION = 1
KEY_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16
SALT_SIZE = 16
BLIND_INDEX_SIZE = 16

_HEADER = bytes([FORMAT_VERSION])
_MIN_BLOB = 1 + NONCE_SIZE + TAG_SIZE

_INFO_ENCRYPTION = b"comite/v1/encryption"
_INFO_INDEX = b"comite/v1/blind-index"
_INFO_MAC = b"comite/v1/mac"
_INFO_CHECK = b"comite/v1/key-check"
_INFO_RECOVERY = b"comite/v1/recovery-kek"
_WRAP_AD = b"comite-key-wrap"
_SECRET_PREFIX = "comite-key-v1:"

_DAMAGED = "La información cifrada está dañada o fue cifrada con otra llave; no se puede leer."
_WRONG_KEY = (
    "La contraseña o la clave de recuperación no permite abrir la llave de la base de datos."
)


def _hkdf(key: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=salt, info=info).derive(key)


def _check_key(key: bytes, what: str) -> bytes:
    if not isinstance(key, bytes | bytearray | memoryview):
        raise TypeError(f"{what} must be bytes")
    key = bytes(key)
    if len(key) != KEY_SIZE:
        raise ValueError(f"{what} must be {KEY_SIZE} bytes long")
    return key


def _seal(key: bytes, plaintext: bytes, ad: bytes) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    return _HEADER + nonce + AESGCM(key).encrypt(nonce, plaintext, _HEADER + ad)


def _open(key: bytes, blob: bytes, ad: bytes) -> bytes | None:
    """Plaintext, or ``None`` when the blob is malformed or does not authenticate."""
    blob = bytes(blob)
    if len(blob) < _MIN_BLOB or blob[:1] != _HEADER:
        return None
    nonce = blob[1 : 1 + NONCE_SIZE]
    try:
        return AESGCM(key).decrypt(nonce, blob[1 + NONCE_SIZE :], _HEADER + ad)
    except InvalidTag:
        return None


def _purpose_ad(purpose: str) -> bytes:
    if not isinstance(purpose, str) or not purpose:
        raise ValueError("purpose must be a non-empty string")
    return purpose.encode("utf-8")


def normalize_for_index(value: str, kind: str) -> str:
    """The canonical form of ``value`` that :meth:`Vault.blind_index` hashes.

    ``"document"`` uses :func:`comite.text.normalize_document` (``"1.023.456-7"``
    -> ``"10234567"``), ``"radicado"`` uses :func:`comite.text.normalize_radicado`;
    any other kind is NFC-normalised, stripped and case-folded.
    """
    value = unicodedata.normalize("NFC", value)
    if kind == "document":
        return normalize_document(value)
    if kind == "radicado":
        return normalize_radicado(value)
    return value.strip().casefold()


class Vault:
    """The unlocked data key of one database and the operations that need it.

    ``repr()`` never shows the key. Keep a vault only as long as the database
    is unlocked; drop every reference to lock it again.
    """

    __slots__ = ("_data_key", "_aead", "_index_key", "_mac_key", "_check_key")

    def __init__(self, data_key: bytes) -> None:
        self._data_key = _check_key(data_key, "data_key")
        self._aead = AESGCM(_hkdf(self._data_key, _INFO_ENCRYPTION))
        self._index_key = _hkdf(self._data_key, _INFO_INDEX)
        self._mac_key = _hkdf(self._data_key, _INFO_MAC)
        self._check_key = _hkdf(self._data_key, _INFO_CHECK)

    @classmethod
    def generate(cls) -> Vault:
        """A vault with a fresh random data key (one per new database)."""
        return cls(os.urandom(KEY_SIZE))

    def __repr__(self) -> str:
        return "<Vault (llave oculta)>"

    def __reduce__(self) -> Any:
        # Never let the key leak through pickling (caches, crash dumps...).
        raise TypeError("Vault objects cannot be pickled")

    # -- key material ---------------------------------------------------------

    @property
    def data_key(self) -> bytes:
        """The raw data key, for :func:`wrap_key` only."""
        return self._data_key

    @property
    def mac_key(self) -> bytes:
        """Sub-key for the audit chain and backup MACs (not the data key)."""
        return self._mac_key

    def mac(self, data: bytes) -> bytes:
        """HMAC-SHA256 of ``data`` under the MAC sub-key (32 bytes)."""
        return hmac.new(self._mac_key, bytes(data), hashlib.sha256).digest()

    def verify_mac(self, data: bytes, tag: bytes) -> bool:
        return hmac.compare_digest(self.mac(data), bytes(tag))

    def key_check(self) -> bytes:
        """A value that identifies this key without revealing it (for ``db_meta``).

        Lets a key remembered in the system keyring, or unwrapped from a
        recovery wrap, be confirmed as *this* database's key before use.
        """
        return hmac.new(self._check_key, b"comite-key-check", hashlib.sha256).digest()

    def matches_key_check(self, value: bytes) -> bool:
        return hmac.compare_digest(self.key_check(), bytes(value))

    def to_secret(self) -> str:
        """The data key as text, to remember it in a :class:`SecretStore`."""
        return _SECRET_PREFIX + base64.urlsafe_b64encode(self._data_key).decode("ascii")

    @classmethod
    def from_secret(cls, text: str) -> Vault:
        """Inverse of :meth:`to_secret`; raises :class:`StorageError` if damaged."""
        try:
            if not text.startswith(_SECRET_PREFIX):
                raise ValueError("prefix")
            key = base64.urlsafe_b64decode(text[len(_SECRET_PREFIX) :].encode("ascii"))
            return cls(key)
        except (ValueError, TypeError, UnicodeError, binascii.Error, AttributeError):
            raise StorageError(
                "La llave recordada en el almacén de credenciales está dañada; "
                "inicie sesión con su contraseña."
            ) from None

    # -- encryption -----------------------------------------------------------

    def encrypt(self, plaintext: str, purpose: str) -> bytes:
        """Encrypt a text; only :meth:`decrypt` with the same ``purpose`` opens it."""
        if not isinstance(plaintext, str):
            raise TypeError("plaintext must be str")
        return self.encrypt_bytes(plaintext.encode("utf-8"), purpose)

    def decrypt(self, blob: bytes, purpose: str) -> str:
        data = self.decrypt_bytes(blob, purpose)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise ComiteError(_DAMAGED) from None

    def encrypt_bytes(self, data: bytes, purpose: str) -> bytes:
        """Encrypt a binary payload (e.g. a backup). Limit: 2 GiB per call."""
        ad = _purpose_ad(purpose)
        nonce = os.urandom(NONCE_SIZE)
        return _HEADER + nonce + self._aead.encrypt(nonce, bytes(data), _HEADER + ad)

    def decrypt_bytes(self, blob: bytes, purpose: str) -> bytes:
        ad = _purpose_ad(purpose)
        blob = bytes(blob)
        if len(blob) < _MIN_BLOB or blob[:1] != _HEADER:
            raise ComiteError(_DAMAGED)
        try:
            return self._aead.decrypt(
                blob[1 : 1 + NONCE_SIZE], blob[1 + NONCE_SIZE :], _HEADER + ad
            )
        except InvalidTag:
            raise ComiteError(_DAMAGED) from None

    # -- blind index ----------------------------------------------------------

    def blind_index(self, value: str, kind: str) -> bytes:
        """Keyed, deterministic 16-byte look-up token for ``value``.

        Equal values (after :func:`normalize_for_index`) give equal tokens; the
        ``kind`` is part of the input, so a document and a radicado with the same
        characters never collide, and another database's key gives other tokens.
        """
        if not isinstance(kind, str) or not kind or "\x00" in kind:
            raise ValueError("kind must be a non-empty string without NUL")
        message = (kind + "\x00" + normalize_for_index(value, kind)).encode("utf-8")
        return hmac.new(self._index_key, message, hashlib.sha256).digest()[:BLIND_INDEX_SIZE]


# -- password-based key wrapping ----------------------------------------------

_MAX_MEMORY_KIB = 4 * 1024 * 1024  # 4 GiB: refuse absurd stored parameters
_MAX_TIME_COST = 64
_MAX_PARALLELISM = 64


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost parameters, stored (as JSON) next to each wrapped key."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 2

    def __post_init__(self) -> None:
        for name in ("time_cost", "memory_cost", "parallelism"):
            value = getattr(self, name)
            if type(value) is not int:
                raise ValueError(f"{name} must be an int")
        if not 1 <= self.time_cost <= _MAX_TIME_COST:
            raise ValueError("time_cost out of range")
        if not 1 <= self.parallelism <= _MAX_PARALLELISM:
            raise ValueError("parallelism out of range")
        if not 8 * self.parallelism <= self.memory_cost <= _MAX_MEMORY_KIB:
            raise ValueError("memory_cost out of range")

    @classmethod
    def fast(cls) -> KdfParams:
        """Tiny parameters for tests only: no protection against guessing."""
        return cls(time_cost=1, memory_cost=8, parallelism=1)

    def to_dict(self) -> dict[str, Any]:
        return {"algorithm": "argon2id", "version": 19, **asdict(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KdfParams:
        """Inverse of :meth:`to_dict`; :class:`StorageError` if the data is unusable."""
        try:
            if data.get("algorithm", "argon2id") != "argon2id" or data.get("version", 19) != 19:
                raise ValueError("algorithm")
            return cls(
                time_cost=data["time_cost"],
                memory_cost=data["memory_cost"],
                parallelism=data["parallelism"],
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise StorageError(
                "Los parámetros guardados para derivar la llave de la base de datos "
                "están dañados o no son compatibles con esta versión."
            ) from None

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> KdfParams:
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            data = None
        if not isinstance(data, dict):
            return cls.from_dict({})  # raises StorageError
        return cls.from_dict(data)


def new_salt() -> bytes:
    """A fresh random salt for :func:`derive_kek` / :func:`recovery_kek`."""
    return os.urandom(SALT_SIZE)


def derive_kek(password: str, salt: bytes, params: KdfParams | None = None) -> bytes:
    """Key-encryption key from a password (Argon2id, 32 bytes).

    The password is NFC-normalised first, so "ñ" typed as one code point or as
    "n" + combining tilde gives the same key.
    """
    if params is None:
        params = KdfParams()
    salt = bytes(salt)
    if len(salt) < 8:
        raise ValueError("salt too short")
    return hash_secret_raw(
        secret=unicodedata.normalize("NFC", password).encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_SIZE,
        type=Type.ID,
    )


def wrap_key(data_key: bytes, kek: bytes) -> bytes:
    """Encrypt the data key under a key-encryption key (AES-256-GCM)."""
    return _seal(_check_key(kek, "kek"), _check_key(data_key, "data_key"), _WRAP_AD)


def unwrap_key(wrapped: bytes, kek: bytes) -> bytes:
    """Inverse of :func:`wrap_key`; :class:`AuthenticationError` if the kek is wrong."""
    key = _open(_check_key(kek, "kek"), wrapped, _WRAP_AD)
    if key is None or len(key) != KEY_SIZE:
        raise AuthenticationError(_WRONG_KEY)
    return key


# -- recovery key -------------------------------------------------------------

_RECOVERY_BYTES = 32
_RECOVERY_CHARS = 52  # base32 of 32 bytes without padding
_B32_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_BAD_RECOVERY = (
    "La clave de recuperación no tiene el formato esperado: son 52 letras y números "
    "en grupos de 4 separados por guiones."
)


def generate_recovery_key() -> str:
    """A new recovery key: 256 random bits as 13 groups of 4 base32 characters.

    Base32 (A-Z, 2-7) has no 0/1/8/9, so the key can be read aloud or copied by
    hand. Show it once; only a wrap of the data key under it is stored.
    """
    text = base64.b32encode(os.urandom(_RECOVERY_BYTES)).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _recovery_bytes(recovery_key: str) -> bytes:
    if not isinstance(recovery_key, str):
        raise ValidationError(_BAD_RECOVERY)
    compact = "".join(ch for ch in recovery_key.upper() if ch not in "- \t\r\n")
    if len(compact) != _RECOVERY_CHARS or not set(compact) <= _B32_ALPHABET:
        raise ValidationError(_BAD_RECOVERY)
    return base64.b32decode(compact + "====")


def normalize_recovery_key(recovery_key: str) -> str:
    """Canonical display form (upper case, groups of 4); :class:`ValidationError` if malformed."""
    text = base64.b32encode(_recovery_bytes(recovery_key)).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    """Key-encryption key from a recovery key (HKDF-SHA256; the key has 256 bits).

    Dashes, spaces and letter case are ignored; a malformed key raises
    :class:`ValidationError`.
    """
    return _hkdf(_recovery_bytes(recovery_key), _INFO_RECOVERY, salt=bytes(salt))
