"""Remembering secrets (the unlocked database key, a server password) per OS user.

:class:`KeyringSecretStore` puts them in the operating system's credential
store through :mod:`keyring`. When there is none (a server without a session
bus, a locked-down workstation) the store reports ``available = False``, reads
nothing and refuses to write with a Spanish :class:`StorageError`: the
application keeps working, it only cannot remember and asks again.

Nothing here logs secret values or the names they are stored under.
:mod:`keyring` (with its backend discovery, ~0.1 s) is imported when a store
is first used, not when the application starts.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Protocol, runtime_checkable
from urllib.parse import urlsplit, urlunsplit

from comite.errors import StorageError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

__all__ = [
    "KeyringSecretStore",
    "MemorySecretStore",
    "SecretStore",
    "current_os_user",
    "database_key_name",
    "db_password_name",
    "strip_url_password",
    "default_secret_store",
]

log = logging.getLogger(__name__)

_UNAVAILABLE = (
    "No hay un almacén de credenciales del sistema disponible; la llave no se puede recordar."
)
_SET_FAILED = (
    "El almacén de credenciales del sistema no permitió guardar la llave; no quedará recordada."
)
_DELETE_FAILED = (
    "El almacén de credenciales del sistema no permitió borrar la llave recordada; "
    "bórrela desde el administrador de credenciales del sistema."
)


@runtime_checkable
class SecretStore(Protocol):
    """Where remembered secrets live. Names are plain strings (see the helpers below)."""

    @property
    def available(self) -> bool: ...

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class MemorySecretStore:
    """A store in a dict, for tests and for sessions that must not persist anything."""

    def __init__(self, initial: dict[str, str] | None = None) -> None:
        self._items: dict[str, str] = dict(initial or {})

    @property
    def available(self) -> bool:
        return True

    def get(self, name: str) -> str | None:
        return self._items.get(name)

    def set(self, name: str, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("value must be str")
        self._items[name] = value

    def delete(self, name: str) -> None:
        self._items.pop(name, None)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<MemorySecretStore ({len(self._items)} secretos)>"


def _usable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        try:
            return any(_usable(b) for b in backend.backends)
        except Exception:  # backend discovery can fail in many ways
            return False
    return True


class KeyringSecretStore:
    """The OS credential store (through :mod:`keyring`), degrading to "cannot remember".

    ``backend`` defaults to whatever :func:`keyring.get_keyring` returns at each
    call, so ``keyring.set_keyring`` (or the user's keyring configuration) is
    honoured.
    """

    def __init__(self, service: str = "comite", backend: KeyringBackend | None = None) -> None:
        self.service = service
        self._backend = backend

    def _current(self) -> KeyringBackend | None:
        if self._backend is not None:
            return self._backend
        try:
            import keyring

            return keyring.get_keyring()
        except Exception as exc:
            log.warning("No se pudo iniciar el almacén de credenciales: %s", type(exc).__name__)
            return None

    @property
    def available(self) -> bool:
        backend = self._current()
        return backend is not None and _usable(backend)

    def get(self, name: str) -> str | None:
        backend = self._current()
        if backend is None or not _usable(backend):
            return None
        try:
            return backend.get_password(self.service, name)
        except Exception as exc:  # any backend failure means "not remembered"
            log.warning("El almacén de credenciales no respondió: %s", type(exc).__name__)
            return None

    def set(self, name: str, value: str) -> None:
        import keyring.errors

        if not isinstance(value, str):
            raise TypeError("value must be str")
        backend = self._current()
        if backend is None or not _usable(backend):
            raise StorageError(_UNAVAILABLE)
        try:
            backend.set_password(self.service, name, value)
        except keyring.errors.NoKeyringError:
            raise StorageError(_UNAVAILABLE) from None
        except Exception as exc:
            log.warning("El almacén de credenciales rechazó la escritura: %s", type(exc).__name__)
            raise StorageError(_SET_FAILED) from None

    def delete(self, name: str) -> None:
        """Forget ``name``; nothing happens if it was not remembered."""
        import keyring.errors

        backend = self._current()
        if backend is None or not _usable(backend):
            return
        try:
            backend.delete_password(self.service, name)
        except (keyring.errors.PasswordDeleteError, keyring.errors.NoKeyringError):
            return  # not there (or nowhere to be): already forgotten
        except Exception as exc:
            log.warning("El almacén de credenciales rechazó el borrado: %s", type(exc).__name__)
            raise StorageError(_DELETE_FAILED) from None

    def __repr__(self) -> str:
        return f"<KeyringSecretStore service={self.service!r}>"


def default_secret_store() -> KeyringSecretStore:
    """The store the application uses: the OS keyring under service ``"comite"``."""
    return KeyringSecretStore()


def current_os_user() -> str:
    """The operating-system account name (the key is remembered per OS user)."""
    try:
        import getpass  # where asked: not on the way to the login dialog (#18)

        return getpass.getuser()
    except Exception:  # getuser raises OSError/KeyError without a passwd entry
        return os.environ.get("USERNAME") or os.environ.get("USER") or "desconocido"


def database_key_name(database_id: str, os_user: str | None = None) -> str:
    """Name under which a database's unlocked data key is remembered."""
    if os_user is None:
        os_user = current_os_user()
    return f"database-key:{database_id}:{os_user}"


def strip_url_password(url: object) -> str:
    """``url`` without its password, query or fragment; the host is lower-cased.

    ``"postgresql+psycopg://ana:s3cr3t@DB.local:5432/comite?sslmode=require"``
    -> ``"postgresql+psycopg://ana@db.local:5432/comite"``. Accepts a string or
    anything whose ``str()`` is a URL (a SQLAlchemy ``URL`` masks the password
    as ``***``, which is dropped the same way).
    """
    text = str(url)
    parts = urlsplit(text)
    if not parts.netloc:  # e.g. sqlite:///path: no credentials, keep the path as written
        return text.split("?", 1)[0].split("#", 1)[0]
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        user = userinfo.partition(":")[0]
        netloc = f"{user}@{hostport.lower()}" if user else hostport.lower()
    else:
        netloc = netloc.lower()
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def db_password_name(url: object) -> str:
    """Name under which the password of a database server URL is remembered."""
    return f"db-password:{strip_url_password(url)}"
