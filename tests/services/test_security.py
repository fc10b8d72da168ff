"""The program password: hashed with salt, changed only with the old one, retries slowed down."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from dangjian_desktop.errors import DomainError, ValidationError
from dangjian_desktop.services import security, settings


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


def test_a_million_wrong_tries_still_leave_the_right_password_working(db):
    """The counter lives in the database: after 10^6 wrong tries the arithmetic must not overflow
    (2.0 ** 1023 is the last power a float holds), and the right password still opens it."""
    clock = Clock()
    security.set_password(db, "right-one")
    settings.put(db, security.FAILURES_KEY, {"count": 10**6, "at": clock.now})
    assert security.delay_after(10**6) == security.MAX_DELAY
    assert security.delay_after(1025) == security.MAX_DELAY
    assert security.wait_seconds(db, clock=clock) == security.MAX_DELAY
    with pytest.raises(DomainError, match="300 秒后再试"):
        security.check_password(db, "right-one", clock=clock)
    clock.now += security.MAX_DELAY
    wrong = security.check_password(db, "wrong", clock=clock)
    assert (wrong.ok, wrong.failures, wrong.wait_seconds) == (False, 10**6 + 1, security.MAX_DELAY)
    clock.now += security.MAX_DELAY
    assert security.check_password(db, "right-one", clock=clock).ok
    assert security.wait_seconds(db, clock=clock) == 0


def test_a_stored_wait_is_never_longer_than_the_longest_delay(db):
    """A clock set back, or a record saying a future time, must not turn into a lockout."""
    clock = Clock()
    security.set_password(db, "right-one")
    settings.put(db, security.FAILURES_KEY, {"count": 5, "at": clock.now + 10 * 365 * 86400})
    assert security.wait_seconds(db, clock=clock) == security.MAX_DELAY
    settings.put(db, security.FAILURES_KEY, {"count": "many", "at": "yesterday"})  # damaged
    assert 0 < security.wait_seconds(db) <= security.MAX_DELAY


def _stored(db):
    return settings.get(db, security.PASSWORD_KEY)


def test_new_hashes_use_n_2_17_and_old_ones_are_remade_at_the_next_right_entry(db):
    security.set_password(db, "党支部2026")
    assert (_stored(db)["n"], _stored(db)["r"], _stored(db)["p"]) == (2**17, 8, 1)
    # a hash as version one stored it: n = 2^14, its parameters beside it
    salt = bytes(range(16))
    old = {"scheme": "scrypt", "n": 2**14, "r": 8, "p": 1, "salt": salt.hex(),
           "hash": hashlib.scrypt("党支部2026".encode(), salt=salt, n=2**14, r=8, p=1, dklen=32).hex(),
           "set_at": "2025-01-02T03:04:05"}
    settings.put(db, security.PASSWORD_KEY, old)
    assert not security.check_password(db, "党支部2025").ok
    assert _stored(db) == old  # a wrong password changes nothing
    assert security.check_password(db, "党支部2026").ok
    new = _stored(db)
    assert (new["n"], new["r"], new["p"]) == (2**17, 8, 1) and new["salt"] != old["salt"]
    assert new["set_at"] == old["set_at"]
    assert security.check_password(db, "党支部2026").ok and not security.check_password(db, "党支部2025").ok


def test_a_stored_record_asking_for_absurd_work_is_not_tried(db):
    security.set_password(db, "right-one")
    forged = dict(_stored(db), n=2**40)
    settings.put(db, security.PASSWORD_KEY, forged)
    assert not security.check_password(db, "right-one").ok


def test_without_a_password_no_hash_is_computed(db, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("scrypt ran although no password is set")

    monkeypatch.setattr(security.hashlib, "scrypt", refuse)
    assert not security.has_password(db)
    assert security.check_password(db, "anything").ok
    assert security.wait_seconds(db) == 0
