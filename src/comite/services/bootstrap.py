"""Opening a database for use: schema, then the shipped catalogue."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from sqlalchemy.engine import URL

from comite.catalog.loader import load_catalog
from comite.errors import ServerPasswordRequired, StorageError
from comite.services.catalog_admin import sync_catalog
from comite.storage.database import Database, remember_db_password, url_with_keyring_password
from comite.storage.schema import ensure_schema
from comite.storage.secrets import SecretStore

log = logging.getLogger(__name__)


def open_database(target: str | os.PathLike[str] | URL | None = None, **engine_kw: object) -> Database:
    """Open (creating or upgrading if needed) the database and load the catalogue.

    Raises:
        StorageError: the database cannot be reached, or is newer than this program.
    """
    db = Database(target, **engine_kw)
    try:
        ensure_schema(db)
        with db.Session() as s, s.begin():
            sync_catalog(s, load_catalog())  # the shipped files; an administrator's come through import_compositions
    except BaseException:
        db.engine.dispose()
        raise
    return db


def open_with_server_password(
    target: str | os.PathLike[str] | URL | None,
    store: SecretStore,
    ask: Callable[[str], str | None],
) -> tuple[Database, str]:
    """Open ``target``, filling a server's password from ``store`` and asking when needed.

    The password of a PostgreSQL server is never written in a URL, a file or a
    setting: it comes from the OS keyring; when none is remembered, or the server
    refuses it, ``ask(reason)`` is called (the GUI shows a password box, the
    command line a prompt) until the server accepts one or ``ask`` returns
    ``None``. An accepted password is remembered for the next start.

    Returns:
        The open database and a note for the user ("" when there is nothing to say,
        e.g. that the password could not be remembered on this machine).

    Raises:
        ServerPasswordRequired: the user gave up (``ask`` returned ``None``).
        StorageError: any other reason the database cannot be opened.
    """
    url = url_with_keyring_password(target, store)
    typed: str | None = None
    while True:
        try:
            db = open_database(url)
            break
        except ServerPasswordRequired as exc:
            typed = ask(str(exc))
            if typed is None:
                raise
            url = url.set(password=typed)
    note = ""
    if typed is not None:
        try:
            remember_db_password(url, typed, store)
        except StorageError as exc:
            log.info("contraseña del servidor no recordada (%s)", type(exc).__name__)
            note = (f"{exc} La contraseña del servidor no quedó guardada: se pedirá de nuevo en el "
                    "próximo inicio.")
    return db, note
