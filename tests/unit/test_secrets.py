"""Secret stores: in memory, and the OS keyring with and without a usable backend."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from comite.errors import StorageError
from comite.storage.crypto import Vault
from comite.storage.secrets import (
    KeyringSecretStore,
    MemorySecretStore,
    SecretStore,
    database_key_name,
    db_password_name,
    default_secret_store,
    strip_url_password,
)


class InMemoryKeyring(KeyringBackend):
    """A keyring backend that keeps passwords in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.items[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


class BrokenKeyring(InMemoryKeyring):
    """A backend that exists but fails on every call (locked, D-Bus gone...)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("refused")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("D-Bus went away")


@pytest.fixture
def use_keyring() -> Iterator:
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    try:
        yield install
    finally:
        keyring.set_keyring(previous)


# -- memory store ------------------------------------------------------------------


def test_memory_store() -> None:
    store = MemorySecretStore()
    assert isinstance(store, SecretStore)
    assert store.available
    assert store.get("a") is None
    store.set("a", "uno")
    assert store.get("a") == "uno"
    store.set("a", "dos")
    assert store.get("a") == "dos"
    store.delete("a")
    assert store.get("a") is None
    store.delete("a")  # idempotent
    store.set("b", "valor-confidencial")
    assert "valor-confidencial" not in repr(store)


def test_memory_stores_are_independent() -> None:
    one, two = MemorySecretStore(), MemorySecretStore()
    one.set("k", "v")
    assert two.get("k") is None


def test_remember_a_vault_in_a_store() -> None:
    store = MemorySecretStore()
    vault = Vault.generate()
    name = database_key_name("db-123", "ana")
    store.set(name, vault.to_secret())
    assert Vault.from_secret(store.get(name) or "").data_key == vault.data_key


# -- keyring store -------------------------------------------------------------------


def test_keyring_store_with_fail_backend(use_keyring) -> None:
    use_keyring(fail.Keyring())
    store = KeyringSecretStore()
    assert isinstance(store, SecretStore)
    assert store.available is False
    assert store.get("database-key:x:y") is None
    with pytest.raises(StorageError) as info:
        store.set("database-key:x:y", "valor")
    assert "almacén de credenciales" in str(info.value)
    assert str(info.value).endswith(".")
    store.delete("database-key:x:y")  # nothing to forget, no error


def test_keyring_store_with_null_backend_is_unavailable(use_keyring) -> None:
    use_keyring(null.Keyring())
    store = KeyringSecretStore()
    assert not store.available
    with pytest.raises(StorageError):
        store.set("n", "v")


def test_keyring_store_with_memory_backend(use_keyring) -> None:
    backend = use_keyring(InMemoryKeyring())
    store = KeyringSecretStore()
    assert store.available
    assert store.get("n") is None
    store.set("n", "valor ñ")
    assert backend.items == {("comite", "n"): "valor ñ"}
    assert store.get("n") == "valor ñ"
    store.delete("n")
    assert store.get("n") is None
    store.delete("n")  # already forgotten: no error


def test_keyring_store_with_chainer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    store = KeyringSecretStore(backend=chainer.ChainerBackend())
    assert not store.available
    with pytest.raises(StorageError):
        store.set("n", "v")
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [fail.Keyring(), InMemoryKeyring()])
    assert store.available


def test_keyring_store_custom_service_and_injected_backend() -> None:
    backend = InMemoryKeyring()
    store = KeyringSecretStore(service="comite-pruebas", backend=backend)
    store.set("n", "v")
    assert backend.items == {("comite-pruebas", "n"): "v"}


def test_keyring_store_follows_set_keyring(use_keyring) -> None:
    store = KeyringSecretStore()
    use_keyring(fail.Keyring())
    assert not store.available
    use_keyring(InMemoryKeyring())
    assert store.available


def test_keyring_store_backend_errors_degrade() -> None:
    store = KeyringSecretStore(backend=BrokenKeyring())
    assert store.available  # it looks usable until it is used
    assert store.get("n") is None
    with pytest.raises(StorageError, match="no permitió guardar"):
        store.set("n", "v")
    with pytest.raises(StorageError, match="no permitió borrar"):
        store.delete("n")


def test_default_secret_store() -> None:
    store = default_secret_store()
    assert isinstance(store, KeyringSecretStore)
    assert store.service == "comite"


# -- names ----------------------------------------------------------------------------


def test_database_key_name() -> None:
    assert database_key_name("3f2a", "ana") == "database-key:3f2a:ana"
    name = database_key_name("3f2a")
    assert name.startswith("database-key:3f2a:") and len(name) > len("database-key:3f2a:")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "postgresql+psycopg://ana:s3cr3t@DB.Local:5432/comite?sslmode=require",
            "db-password:postgresql+psycopg://ana@db.local:5432/comite",
        ),
        (
            "postgresql://ana:p%40ss:w@db/comite",
            "db-password:postgresql://ana@db/comite",
        ),
        ("postgresql://ana@db/comite", "db-password:postgresql://ana@db/comite"),
        ("postgresql://ana:***@db/comite", "db-password:postgresql://ana@db/comite"),
        ("postgresql://db/comite?password=x", "db-password:postgresql://db/comite"),
        ("sqlite:////home/ana/comite.db", "db-password:sqlite:////home/ana/comite.db"),
    ],
)
def test_db_password_name_hides_password(url: str, expected: str) -> None:
    name = db_password_name(url)
    assert name == expected
    assert "s3cr3t" not in name and "p%40ss" not in name


def test_strip_url_password_with_at_in_password() -> None:
    assert strip_url_password("postgresql://ana:a@b@host/db") == "postgresql://ana@host/db"
