"""SecretsStore: memory backend round trip, explicit backend choice, no plaintext fallback, redaction."""

from __future__ import annotations

import json
import uuid

import pytest
from keyring.backends import fail

from videowall.config.secrets import SERVICE, MemoryKeyring, SecretsStore, open_secrets
from videowall.model.camera import Credentials
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact


def _password() -> str:
    return f"pw-{uuid.uuid4().hex}"  # unique, so the process-wide redaction registry cannot mask it early


def test_memory_backend_round_trip_and_delete():
    store = SecretsStore(MemoryKeyring())
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
    SecretsStore(backend).set(12, Credentials("admin", password))
    assert json.loads(backend.get_password(SERVICE, "camera:12")) == {"username": "admin", "password": password}


def test_written_password_is_registered_for_redaction():
    password = _password()
    assert password in redact(f"connect failed: {password}")
    SecretsStore(MemoryKeyring()).set(1, Credentials("admin", password))
    assert password not in redact(f"connect failed: {password}")


def test_read_password_is_registered_for_redaction():
    backend = MemoryKeyring()
    password = _password()
    backend.set_password(SERVICE, "camera:3", json.dumps({"username": "u", "password": password}))
    assert password in redact(password)
    assert SecretsStore(backend).get(3).password == password
    assert password not in redact(f"rtsp error: {password}")


def test_unreadable_stored_value_is_reported_as_corrupt():
    backend = MemoryKeyring()
    garbage = f"legacy-format-{uuid.uuid4().hex}"   # may be an old password: it is masked from now on
    backend.set_password(SERVICE, "camera:4", garbage)
    with pytest.raises(VideowallError) as err:
        SecretsStore(backend).get(4)
    assert err.value.kind is ErrorKind.STORAGE_CORRUPT and "camera 4" in err.value.user_message
    assert garbage not in redact(f"value {garbage}")


def test_named_secrets_round_trip_and_are_masked():
    store = SecretsStore(MemoryKeyring())
    assert store.get_secret("evidence-key") is None
    value = f"passphrase-{uuid.uuid4().hex}"
    store.set_secret("evidence-key", value)
    assert store.get_secret("evidence-key") == value
    assert value not in redact(f"key {value}")
    with pytest.raises(ValueError):
        store.set_secret("camera:1", "x")


def test_memory_kind_is_one_shared_in_process_store(monkeypatch):
    monkeypatch.setenv("VIDEOWALL_KEYRING", "memory")
    creds = Credentials("shared", _password())
    open_secrets().set(99, creds)
    try:
        assert open_secrets("memory").get(99) == creds
        assert not open_secrets().persistent
    finally:
        open_secrets("memory").delete(99)


def test_os_kind_with_the_fail_backend_raises_no_keyring(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("VIDEOWALL_KEYRING", "os")
    with pytest.raises(VideowallError) as err:
        open_secrets()
    assert err.value.kind is ErrorKind.NO_KEYRING
    assert "gnome-keyring" in err.value.user_message and "plain file" in err.value.user_message
    assert "fail" in err.value.detail


def test_os_kind_refuses_backends_that_are_not_an_os_store(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    with pytest.raises(VideowallError) as err:
        open_secrets("os")
    assert err.value.kind is ErrorKind.NO_KEYRING


def test_os_kind_with_an_unloadable_configured_backend_raises_no_keyring(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no_such_package.Keyring")
    with pytest.raises(VideowallError) as err:
        open_secrets("os")
    assert err.value.kind is ErrorKind.NO_KEYRING


def test_backend_failing_at_use_time_becomes_no_keyring():
    store = SecretsStore(fail.Keyring())
    password = _password()
    with pytest.raises(VideowallError) as err:
        store.set(5, Credentials("admin", password))
    assert err.value.kind is ErrorKind.NO_KEYRING
    assert password not in err.value.user_message + err.value.detail
    with pytest.raises(VideowallError):
        store.get(5)


def test_unknown_kind_is_an_input_error():
    with pytest.raises(VideowallError) as err:
        open_secrets("plaintext")
    assert err.value.kind is ErrorKind.INVALID_INPUT and "'os' or 'memory'" in err.value.user_message
