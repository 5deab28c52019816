"""Opening a database for use: schema, then the shipped catalogue."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from sqlalchemy.engine import URL

from comite.catalog.loader import load_catalog
from comite.errors import ServerPasswordRequired, StorageError
from comite.services.catalog_admin import recompose_scheduled_sessions, sync_catalog
from comite.storage.database import Database, remember_db_password, url_with_keyring_password
from comite.storage.leftovers import clean_leftovers
from comite.storage.schema import ensure_schema
from comite.storage.secrets import SecretStore

log = logging.getLogger(__name__)


def open_database(target: str | os.PathLike[str] | URL | None = None, **engine_kw: object) -> Database:
    """Open (creating or upgrading if needed) the database and load the catalogue.

    Raises:
        StorageError: the database cannot be reached, or is newer than this program.
    """
    db = Database(target, **engine_kw)
    clean_leftovers(db.sqlite_path)  # what a killed restore or demo left beside it (logged)
    try:
        ensure_schema(db)
        with db.Session() as s, s.begin():
            # the shipped files; an administrator's come through import_compositions. When they
            # bring a composition the database lacked (a program that ships a new decree),
            # scheduled sessions with nothing recorded move to it, as after an import.
            if sync_catalog(s, load_catalog()):
                recompose_scheduled_sessions(s)
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


def warm_up(db: Database) -> bool:
    """Pay, ahead of time, what the first login would otherwise wait for: the mappers of every
    model class configured and the login's queries compiled and run once (the application calls
    this on a background thread while the login dialog waits for the password, #18).

    Returns whether the database has its first administrator (:func:`accounts.is_initialized`).
    """
    from sqlalchemy import select
    from sqlalchemy.orm import configure_mappers

    from comite.model import KeyWrap, User
    from comite.services import accounts

    configure_mappers()
    initialized = accounts.is_initialized(db)
    with db.Session() as s:  # the same statements accounts.login sends, so their compiled forms are cached
        s.scalar(select(User).where(User.username == ""))
        s.scalar(select(KeyWrap).where(KeyWrap.user_id == 0))
    return initialized
