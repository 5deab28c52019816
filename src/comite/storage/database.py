"""Opening a database: URL resolution, engine set-up, the session factory.

SQLite in the user data directory is the default; ``--db`` or
``COMITE_DATABASE_URL`` point elsewhere (a file path or any SQLAlchemy URL,
e.g. ``postgresql+psycopg://user@host/comite``).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from comite import paths
from comite.errors import StorageError
from comite.model.base import Cipher, attach_vault
from comite.storage.secrets import SecretStore, db_password_name

ENV_URL = "COMITE_DATABASE_URL"
UNREACHABLE = (
    "No hay conexión con la base de datos ({url}). Lo que usted escribió sigue en pantalla; "
    "revise la red o el servidor y vuelva a intentarlo."
)


def resolve_url(target: str | os.PathLike[str] | None = None) -> URL:
    """The database URL from ``target`` (path or URL), the environment, or the default."""
    raw = os.fspath(target) if target is not None else os.environ.get(ENV_URL)
    if not raw:
        return URL.create("sqlite", database=str(paths.default_database_path()))
    if "://" in raw:
        try:
            return make_url(raw)
        except Exception as exc:  # noqa: BLE001 - any parse failure is the user's URL
            raise StorageError(f"La dirección de la base de datos no es válida: {exc}") from exc
    return URL.create("sqlite", database=str(Path(raw).expanduser().resolve()))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA secure_delete=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # in-memory databases keep "memory"
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


ORIGIN_INFO = "comite.origin"
"""Key of :attr:`Database.origin` in every ORM session's ``info`` (read by the audit trail)."""


class Database:
    """One opened database: its engine, session factory and (when unlocked) key.

    ``origin`` names this client in the audit entries it writes, so the live feed
    of the same client can skip them (its window already shows its own edits) while
    another client -- another desktop, or another window with the same account --
    refreshes. A fresh random id per opened database: the application opens its
    database once, so it is one per process; two ``Database`` objects on one file
    (two windows in a test) are two clients.
    """

    def __init__(self, target: str | os.PathLike[str] | URL | None = None, **engine_kw: Any):
        self.url: URL = target if isinstance(target, URL) else resolve_url(target)
        self.engine: Engine = self._make_engine(**engine_kw)
        self.origin: str = uuid.uuid4().hex
        self.Session: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False,
                                                           info={ORIGIN_INFO: self.origin})
        self.vault: Any = None

    def _make_engine(self, **kw: Any) -> Engine:
        if self.is_sqlite:
            db = self.url.database
            if db and db != ":memory:":
                Path(db).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(self.url, **kw)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        kw.setdefault("pool_pre_ping", True)
        return create_engine(self.url, **kw)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    @property
    def display_url(self) -> str:
        """The URL without its password, safe for messages and logs."""
        return self.url.render_as_string(hide_password=True)

    def unlock(self, vault: Cipher) -> None:
        self.vault = vault
        attach_vault(self.engine, vault)

    def lock(self) -> None:
        self.vault = None
        attach_vault(self.engine, None)

    @property
    def unlocked(self) -> bool:
        return self.vault is not None

    def dispose(self) -> None:
        self.lock()
        self.engine.dispose()

    # --- connection loss (a restarted server, a dropped network) -------------------------------

    def ping(self) -> bool:
        """Whether the database answers now (a fresh or re-validated connection)."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - any failure means "not reachable now"
            return False

    def reconnect(self) -> None:
        """Drop every pooled connection and connect again; the data key stays unlocked.

        Raises:
            StorageError: the database still does not answer (Spanish, safe to show).
        """
        self.engine.dispose()
        if not self.ping():
            raise StorageError(UNREACHABLE.format(url=self.display_url))


def url_with_keyring_password(url: str | os.PathLike[str] | URL | None, store: SecretStore) -> URL:
    """``url`` with its password filled from ``store`` when it has none.

    The password of a server URL is never written in a file or a setting: the
    application asks for it once, remembers it with :func:`remember_db_password`
    (the OS keyring, under :func:`~comite.storage.secrets.db_password_name`), and
    every later start fills it in here. SQLite URLs and URLs that already carry a
    password come back unchanged; so does a URL whose password is not remembered
    (the server then refuses it and the application asks).
    """
    resolved = url if isinstance(url, URL) else resolve_url(url)
    if resolved.get_backend_name() == "sqlite" or resolved.password:
        return resolved
    remembered = store.get(db_password_name(resolved))
    return resolved.set(password=remembered) if remembered else resolved


def url_for_settings(text: str) -> tuple[str, bool]:
    """``text`` (a path or URL typed by a user) as a setting may keep it.

    Returns the checked path or URL without any password, and whether a password
    had to be removed (it belongs in the OS keyring, never in a file).

    Raises:
        StorageError: not a path or URL this program can open (Spanish).
    """
    text = text.strip()
    if not text:
        return "", False
    url = resolve_url(text)
    backend = url.get_backend_name()
    if backend == "sqlite":
        return str(url.database), False
    if backend != "postgresql":
        raise StorageError(f"comite trabaja con SQLite o PostgreSQL, no con «{backend}».")
    if not url.host or not url.database:
        raise StorageError("La URL del servidor debe indicar el servidor y la base: "
                           "postgresql+psycopg://usuario@servidor/comite")
    return url._replace(password=None).render_as_string(hide_password=False), url.password is not None


def is_password_failure(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) is the server refusing or missing the password."""
    seen: BaseException | None = exc
    while seen is not None:
        text = str(getattr(seen, "orig", None) or seen).lower()
        if "password" in text or "contraseña" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def remember_db_password(url: str | URL, password: str, store: SecretStore) -> None:
    """Keep the server password for ``url`` in ``store`` (raises StorageError if it cannot)."""
    resolved = url if isinstance(url, URL) else resolve_url(url)
    store.set(db_password_name(resolved.set(password=None)), password)
