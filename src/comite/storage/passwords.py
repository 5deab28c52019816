"""Account password hashing (Argon2id) and the password policy.

The cost parameters travel as a :class:`PasswordHasherConfig` value passed to
each call, never as module state: production code uses the default, tests pass
:meth:`PasswordHasherConfig.fast`. A stored hash records its own parameters,
so :func:`verify_password` accepts hashes made with any configuration and
:func:`needs_rehash` says when one should be upgraded after a successful login.

Passwords are NFC-normalised before hashing, like :func:`comite.storage.crypto.derive_kek`,
so the same password typed on different systems always matches.
"""

from __future__ import annotations

import contextlib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from comite.errors import ValidationError

__all__ = [
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "PasswordHasherConfig",
    "check_password_policy",
    "hash_password",
    "needs_rehash",
    "verify_password",
]

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256


@dataclass(frozen=True, slots=True)
class PasswordHasherConfig:
    """Argon2id cost parameters for account password hashes."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 2
    hash_len: int = 32
    salt_len: int = 16

    @classmethod
    def fast(cls) -> PasswordHasherConfig:
        """Tiny parameters for tests only."""
        return cls(time_cost=1, memory_cost=8, parallelism=1, hash_len=16, salt_len=16)


DEFAULT_CONFIG = PasswordHasherConfig()


@lru_cache(maxsize=8)
def _hasher(config: PasswordHasherConfig) -> PasswordHasher:
    return PasswordHasher(
        time_cost=config.time_cost,
        memory_cost=config.memory_cost,
        parallelism=config.parallelism,
        hash_len=config.hash_len,
        salt_len=config.salt_len,
        type=Type.ID,
    )


@lru_cache(maxsize=8)
def _dummy_hash(config: PasswordHasherConfig) -> str:
    return _hasher(config).hash("comite: usuario inexistente")


def _prepare(password: str) -> str:
    return unicodedata.normalize("NFC", password)


def hash_password(password: str, config: PasswordHasherConfig = DEFAULT_CONFIG) -> str:
    """An ``$argon2id$...`` string to store in ``app_user.password_hash``."""
    if not isinstance(password, str):
        raise TypeError("password must be str")
    return _hasher(config).hash(_prepare(password))


def verify_password(
    stored: str | None, password: str, config: PasswordHasherConfig = DEFAULT_CONFIG
) -> bool:
    """Whether ``password`` matches ``stored``.

    A damaged or foreign hash is simply a mismatch. With ``stored=None`` (no such
    user) a dummy hash is still verified, so the answer takes as long as for a
    real account and does not reveal which user names exist.
    """
    if not isinstance(password, str):
        return False
    if stored is None:
        with contextlib.suppress(VerificationError, InvalidHashError):
            _hasher(config).verify(_dummy_hash(config), _prepare(password))
        return False
    try:
        return _hasher(config).verify(stored, _prepare(password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str, config: PasswordHasherConfig = DEFAULT_CONFIG) -> bool:
    """Whether ``stored`` was made with other parameters than ``config``."""
    try:
        return _hasher(config).check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


def _classes(password: str) -> int:
    lower = upper = digit = other = False
    for ch in password:
        if ch.isdigit():
            digit = True
        elif ch.islower():
            lower = True
        elif ch.isupper():
            upper = True
        else:
            other = True
    return lower + upper + digit + other


def check_password_policy(password: str, *, username: str | None = None) -> None:
    """Refuse weak passwords with a :class:`ValidationError` (Spanish, one reason).

    Rules: at least 10 characters (and at most 256); at least two kinds of
    characters among lower case, upper case, digits and symbols/spaces; not a
    single repeated character; not containing the user name.
    """
    password = _prepare(password)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"La contraseña debe tener al menos {MIN_PASSWORD_LENGTH} caracteres."
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            f"La contraseña no puede tener más de {MAX_PASSWORD_LENGTH} caracteres."
        )
    if len(set(password)) == 1:
        raise ValidationError("La contraseña no puede ser un mismo carácter repetido.")
    if _classes(password) < 2:
        raise ValidationError(
            "La contraseña debe combinar al menos dos tipos de caracteres: "
            "minúsculas, mayúsculas, números o símbolos."
        )
    if username:
        name = username.strip().casefold()
        if len(name) >= 3 and name in password.casefold():
            raise ValidationError("La contraseña no puede contener el nombre de usuario.")
