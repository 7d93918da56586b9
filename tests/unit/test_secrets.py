"""SecretsStore: memory backend round trip, keys per station, legacy claims, explicit backend choice opened
lazily, no plaintext fallback, redaction."""

from __future__ import annotations

import json
import uuid

import pytest
from keyring.backends import fail

from videowall.config.secrets import SERVICE, MemoryKeyring, SecretsStore, open_secrets
from videowall.model.camera import Credentials
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact


STATION = "a" * 32
OTHER_STATION = "b" * 32


def _password() -> str:
    return f"pw-{uuid.uuid4().hex}"  # unique, so the process-wide redaction registry cannot mask it early


def test_memory_backend_round_trip_and_delete():
    store = SecretsStore(MemoryKeyring(), STATION)
    creds = Credentials("operator", _password())
    assert store.get(7) is None
    store.set(7, creds)
    assert store.get(7) == creds
    assert store.get(8) is None
    store.delete(7)
    assert store.get(7) is None
    store.delete(7)  # deleting what is not there is fine


def test_username_and_password_are_stored_together_under_the_camera_key():
    backend = MemoryKeyring()
    password = _password()
    SecretsStore(backend, STATION).set(12, Credentials("admin", password))
    assert json.loads(backend.get_password(SERVICE, f"station:{STATION}:camera:12")) == {
        "username": "admin", "password": password}
    assert backend.get_password(SERVICE, "camera:12") is None


def test_written_password_is_registered_for_redaction():
    password = _password()
    assert password in redact(f"connect failed: {password}")
    SecretsStore(MemoryKeyring(), STATION).set(1, Credentials("admin", password))
    assert password not in redact(f"connect failed: {password}")


def test_read_password_is_registered_for_redaction():
    backend = MemoryKeyring()
    password = _password()
    backend.set_password(SERVICE, f"station:{STATION}:camera:3", json.dumps({"username": "u", "password": password}))
    assert password in redact(password)
    assert SecretsStore(backend, STATION).get(3).password == password
    assert password not in redact(f"rtsp error: {password}")


def test_unreadable_stored_value_is_reported_as_corrupt():
    backend = MemoryKeyring()
    garbage = f"legacy-format-{uuid.uuid4().hex}"   # may be an old password: it is masked from now on
    backend.set_password(SERVICE, f"station:{STATION}:camera:4", garbage)
    with pytest.raises(VideowallError) as err:
        SecretsStore(backend, STATION).get(4)
    assert err.value.kind is ErrorKind.STORAGE_CORRUPT and "camera 4" in err.value.user_message
    assert garbage not in redact(f"value {garbage}")


def test_named_secrets_round_trip_and_are_masked():
    store = SecretsStore(MemoryKeyring(), STATION)
    assert store.get_secret("evidence-key") is None
    value = f"passphrase-{uuid.uuid4().hex}"
    store.set_secret("evidence-key", value)
    assert store.get_secret("evidence-key") == value
    assert value not in redact(f"key {value}")
    for reserved in ("camera:1", f"station:{STATION}:camera:1", "claimed:camera:1"):
        with pytest.raises(ValueError):
            store.set_secret(reserved, "x")


def test_memory_kind_is_one_shared_in_process_store(monkeypatch):
    monkeypatch.setenv("VIDEOWALL_KEYRING", "memory")
    creds = Credentials("shared", _password())
    open_secrets(station_id=STATION).set(99, creds)
    try:
        assert open_secrets("memory", STATION).get(99) == creds
        assert open_secrets("memory", OTHER_STATION).get(99) is None
        assert not open_secrets().persistent
    finally:
        open_secrets("memory", STATION).delete(99)


def test_os_kind_with_the_fail_backend_raises_no_keyring(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("VIDEOWALL_KEYRING", "os")
    store = open_secrets(station_id=STATION)   # opening asks for nothing yet: the keyring opens on first use
    assert store.persistent
    with pytest.raises(VideowallError) as err:
        store.get(3)
    assert err.value.kind is ErrorKind.NO_KEYRING
    assert err.value.user_message.startswith("Camera 3's password needs the OS keyring.")
    assert "gnome-keyring" in err.value.user_message and "plain file" in err.value.user_message
    assert "fail" in err.value.detail


def test_os_kind_refuses_backends_that_are_not_an_os_store(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    with pytest.raises(VideowallError) as err:
        open_secrets("os", STATION).require()
    assert err.value.kind is ErrorKind.NO_KEYRING


def test_os_kind_with_an_unloadable_configured_backend_raises_no_keyring(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no_such_package.Keyring")
    with pytest.raises(VideowallError) as err:
        open_secrets("os", STATION).set(2, Credentials("admin", _password()))
    assert err.value.kind is ErrorKind.NO_KEYRING


def test_backend_failing_at_use_time_becomes_no_keyring():
    store = SecretsStore(fail.Keyring(), STATION)
    password = _password()
    with pytest.raises(VideowallError) as err:
        store.set(5, Credentials("admin", password))
    assert err.value.kind is ErrorKind.NO_KEYRING and "camera 5" in err.value.user_message
    assert password not in err.value.user_message + err.value.detail
    with pytest.raises(VideowallError):
        store.get(5)


def test_unknown_kind_is_an_input_error():
    with pytest.raises(VideowallError) as err:
        open_secrets("plaintext")
    assert err.value.kind is ErrorKind.INVALID_INPUT and "'os' or 'memory'" in err.value.user_message


def test_two_stations_on_one_keyring_never_see_each_others_credentials():
    backend = MemoryKeyring()
    first, second = SecretsStore(backend, STATION), SecretsStore(backend, OTHER_STATION)
    op, op2 = Credentials("op", _password()), Credentials("op2", _password())
    first.set(1, op)
    second.set(1, op2)
    assert first.get(1) == op and second.get(1) == op2
    second.delete(1)
    assert first.get(1) == op and second.get(1) is None


def test_camera_credentials_need_a_station():
    with pytest.raises(VideowallError) as err:
        SecretsStore(MemoryKeyring()).get(1)
    assert err.value.kind is ErrorKind.INTERNAL
    with pytest.raises(ValueError):
        SecretsStore(MemoryKeyring(), "../../etc")


class _Register:
    """The cameras that had credentials when the station's database was upgraded (LegacyClaims, in memory)."""

    def __init__(self, *camera_ids: int) -> None:
        self.ids = set(camera_ids)

    def may_claim(self, camera_id: int) -> bool:
        return camera_id in self.ids

    def settled(self, camera_id: int) -> None:
        self.ids.discard(camera_id)


def _legacy_entry(backend: MemoryKeyring, camera_id: int, creds: Credentials) -> None:
    payload = json.dumps({"username": creds.username, "password": creds.password})
    backend.set_password(SERVICE, f"camera:{camera_id}", payload)


def test_a_legacy_entry_is_claimed_once_by_the_first_upgraded_station_that_reads_it():
    backend = MemoryKeyring()
    old = Credentials("op", _password())
    _legacy_entry(backend, 1, old)
    first_register, second_register = _Register(1), _Register(1)
    first = SecretsStore(backend, STATION, first_register)
    second = SecretsStore(backend, OTHER_STATION, second_register)
    assert first.get(1) == old
    assert backend.get_password(SERVICE, "camera:1") is None          # moved, not copied
    assert backend.get_password(SERVICE, "claimed:camera:1") == STATION
    assert not first_register.ids
    assert first.get(1) == old                                         # from its own entry now
    with pytest.raises(VideowallError) as err:
        second.get(1)
    assert err.value.kind is ErrorKind.NOT_FOUND
    assert "another data dir" in err.value.user_message and "camera credentials 1" in err.value.user_message
    assert not second_register.ids and second.get(1) is None           # said once; then simply not stored


def test_a_station_never_claims_for_cameras_it_did_not_have_at_the_upgrade():
    backend = MemoryKeyring()
    _legacy_entry(backend, 2, Credentials("op", _password()))
    store = SecretsStore(backend, STATION, _Register(1))
    assert store.get(2) is None
    assert backend.get_password(SERVICE, "camera:2") is not None       # left for the station it belongs to
    assert SecretsStore(backend, STATION).get(2) is None               # a station made after the upgrade: never


def test_new_credentials_settle_the_claim_so_an_old_entry_is_never_read_again():
    backend = MemoryKeyring()
    _legacy_entry(backend, 1, Credentials("old", _password()))
    register = _Register(1)
    store = SecretsStore(backend, STATION, register)
    new = Credentials("new", _password())
    store.set(1, new)
    assert not register.ids
    store.delete(1)
    assert store.get(1) is None
    assert backend.get_password(SERVICE, "camera:1") is not None


def test_a_legacy_password_is_masked_once_claimed():
    backend = MemoryKeyring()
    old = Credentials("op", _password())
    _legacy_entry(backend, 1, old)
    SecretsStore(backend, STATION, _Register(1)).get(1)
    assert old.password not in redact(f"rtsp://op:{old.password}@cam")


def test_the_keyring_is_opened_only_when_a_secret_is_needed():
    opened: list[int] = []

    def factory() -> MemoryKeyring:
        opened.append(1)
        return MemoryKeyring()

    store = SecretsStore(factory, STATION, persistent=True)
    assert store.persistent and opened == []
    assert store.get(1) is None and opened == [1]
    store.set(1, Credentials("admin", _password()))
    assert opened == [1]                                               # opened once
