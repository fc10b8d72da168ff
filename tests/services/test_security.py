"""The program password: hashed with salt, changed only with the old one, retries slowed down."""

from __future__ import annotations

import json
import sqlite3

import pytest

from dangjian_desktop.errors import DomainError, ValidationError
from dangjian_desktop.services import security


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_password_is_stored_as_a_salted_scrypt_hash_never_as_text(db):
    security.set_password(db, "党支部2026")
    security_row = sqlite3.connect(db.path).execute(
        "SELECT value FROM settings WHERE key = ?", (security.PASSWORD_KEY,)).fetchone()[0]
    assert "党支部2026" not in security_row
    stored = json.loads(security_row)
    assert stored["scheme"] == "scrypt" and len(bytes.fromhex(stored["salt"])) == 16
    first_hash = stored["hash"]
    security.set_password(db, "党支部2026", old="党支部2026")
    assert json.loads(sqlite3.connect(db.path).execute(
        "SELECT value FROM settings WHERE key = ?", (security.PASSWORD_KEY,)).fetchone()[0])["hash"] != first_hash
    assert security.check_password(db, "党支部2026").ok
    assert not security.check_password(db, "党支部2025").ok


def test_changing_or_clearing_needs_the_current_password(db):
    security.set_password(db, "abcdef")
    with pytest.raises(ValidationError, match="原密码不对"):
        security.set_password(db, "ghijkl", old="wrong!")
    with pytest.raises(ValidationError, match="至少"):
        security.set_password(db, "123", old="abcdef")
    with pytest.raises(ValidationError, match="密码不对"):
        security.clear_password(db, "nope")
    security.clear_password(db, "abcdef")
    assert not security.has_password(db)
    assert security.check_password(db, "anything").ok


def test_wrong_passwords_are_slowed_down_and_restarting_does_not_reset_it(db):
    clock = Clock()
    security.set_password(db, "right-one")
    waits = [security.check_password(db, "wrong", clock=clock).wait_seconds for _ in range(3)]
    assert waits == [0, 0, 2.0]
    with pytest.raises(DomainError, match="秒后再试"):
        security.check_password(db, "right-one", clock=clock)  # even the right one, too early
    clock.now += 2.0
    assert security.check_password(db, "wrong", clock=clock).wait_seconds == 4.0
    clock.now += 4.0
    assert security.wait_seconds(db, clock=clock) == 0
    assert security.check_password(db, "right-one", clock=clock).ok
    assert security.wait_seconds(db, clock=clock) == 0
    assert [security.delay_after(n) for n in (0, 2, 3, 4, 5, 30)] == [0, 0, 2, 4, 8, security.MAX_DELAY]


def test_idle_minutes_default_and_limits(db):
    assert security.idle_minutes(db) == security.DEFAULT_IDLE_MINUTES
    security.set_idle_minutes(db, 0)
    assert security.idle_minutes(db) == 0
    with pytest.raises(ValidationError, match="240"):
        security.set_idle_minutes(db, 999)
