"""The system keyring's stand-in for tests (keyring is a third party's boundary): a dict, set as
keyring's backend for one test by the `memory_keyring` fixture. Never the desktop's keyring,
never a password in a file."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self, fail: bool = False):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.fail = fail

    def get_password(self, service, username):
        if self.fail:
            from keyring.errors import KeyringError

            raise KeyringError("locked")
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        if self.fail:
            from keyring.errors import KeyringError

            raise KeyringError("locked")
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)
