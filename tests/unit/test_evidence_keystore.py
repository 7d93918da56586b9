"""The station's signing key on disk (encrypted) with its passphrase in the keyring; PKCS#12 import."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from videowall.config.secrets import MemoryKeyring, SecretsStore
from tests.fixtures.certs import city_ca_chain
from videowall.evidence.keystore import SigningKeyStore
from videowall.evidence.secret_names import NamedSecrets
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError

NOW = datetime(2026, 2, 3, 4, 5, 6, tzinfo=timezone.utc)


@pytest.fixture
def keyring_store():
    return SecretsStore(MemoryKeyring())


def _store(tmp_path, keyring_store) -> SigningKeyStore:
    return SigningKeyStore(tmp_path, NamedSecrets(keyring_store), FakeClock(start_utc=NOW))


def _ca_issued_pkcs12(password: bytes) -> tuple[bytes, x509.Certificate, x509.Certificate]:
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    ca, leaf = city_ca_chain(ca_key, key, NOW, ca_name="CA Gminy Miejskiej Kraków")
    data = pkcs12.serialize_key_and_certificates(b"sm", key, leaf, [ca],
                                                 serialization.BestAvailableEncryption(password))
    return data, leaf, ca


def test_first_use_creates_an_encrypted_key_whose_passphrase_is_only_in_the_keyring(tmp_path, keyring_store):
    identity = _store(tmp_path, keyring_store).identity("Straż Miejska", "Stanowisko 1")
    assert identity.source == "station" and identity.key.key_size == 3072
    key_pem = (tmp_path / "signing" / "station.key.pem").read_bytes()
    assert key_pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(TypeError):   # no passphrase, no key
        serialization.load_pem_private_key(key_pem, None)
    key_id = (tmp_path / "signing" / "station.keyid").read_text()
    passphrase = keyring_store.get_secret(f"evidence-signing:station:{key_id}")
    assert passphrase and len(passphrase) >= 40
    assert all(passphrase.encode() not in p.read_bytes() for p in (tmp_path / "signing").iterdir())
    again = _store(tmp_path, keyring_store).identity()
    assert again.certificate == identity.certificate


def test_two_data_dirs_keep_their_own_keys_in_one_keyring(tmp_path, keyring_store):
    first = _store(tmp_path / "a", keyring_store).identity(key_type="ecdsa-p256")
    second = _store(tmp_path / "b", keyring_store).identity(key_type="ecdsa-p256")
    assert first.certificate != second.certificate
    assert _store(tmp_path / "a", keyring_store).identity().certificate == first.certificate


def test_a_forgotten_in_memory_passphrase_sets_the_old_key_aside(tmp_path, keyring_store):
    old = _store(tmp_path, keyring_store).identity(key_type="ecdsa-p256")
    fresh_keyring = SecretsStore(MemoryKeyring())     # what a new process with the demo keyring sees
    new = _store(tmp_path, fresh_keyring).identity(key_type="ecdsa-p256")
    assert new.certificate != old.certificate
    assert any(p.name.startswith("station.key.pem.orphaned-") for p in (tmp_path / "signing").iterdir())


def test_pkcs12_import_takes_over_signing(tmp_path, keyring_store):
    store = _store(tmp_path, keyring_store)
    store.identity(key_type="ecdsa-p256")
    data, leaf, ca = _ca_issued_pkcs12(b"haslo-p12")
    imported = store.import_pkcs12(data, "haslo-p12")
    assert imported.source == "imported" and imported.chain == (ca,)
    loaded = _store(tmp_path, keyring_store).identity()
    assert loaded.certificate == leaf and loaded.chain == (ca,) and loaded.source == "imported"
    assert b"ENCRYPTED PRIVATE KEY" in (tmp_path / "signing" / "imported.key.pem").read_bytes()


def test_pkcs12_with_a_wrong_password_is_refused(tmp_path, keyring_store):
    data, _leaf, _ca = _ca_issued_pkcs12(b"right")
    with pytest.raises(VideowallError, match="wrong password") as err:
        _store(tmp_path, keyring_store).import_pkcs12(data, "wrong")
    assert err.value.kind is ErrorKind.INVALID_INPUT
    assert not (tmp_path / "signing" / "imported.key.pem").exists()


def test_lost_passphrase_of_a_persistent_keyring_is_a_clear_error(tmp_path, keyring_store):
    _store(tmp_path, keyring_store).identity(key_type="ecdsa-p256")

    class PersistentLookingStore(SecretsStore):   # stands in for an OS keyring that lost the entry
        @property
        def persistent(self) -> bool:
            return True

    forgetful = PersistentLookingStore(MemoryKeyring())
    with pytest.raises(VideowallError, match="passphrase of the evidence signing key") as err:
        _store(tmp_path, forgetful).identity()
    assert err.value.kind is ErrorKind.NO_KEYRING
