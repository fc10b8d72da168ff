"""The optional program password: a salted scrypt hash, slowed-down retries, the idle lock time.

It keeps people away from the program on a shared PC; it does not encrypt the database file
(anyone who copies the file can read it with other tools), and the UI says so.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import DomainError, ValidationError
from dangjian_desktop.services import settings

PASSWORD_KEY = "security.password"
FAILURES_KEY = "security.failures"
IDLE_KEY = "security.idle_minutes"
DEFAULT_IDLE_MINUTES = 10
MIN_LENGTH = 6
# scrypt cost: about 50 ms and 16 MB on an office PC, per attempt
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
FREE_TRIES = 3
MAX_DELAY = 300.0

LIMITS_TEXT = ("密码只保护本程序（打开程序和离开电脑后自动锁定），不加密数据库文件："
               "拿到数据库文件或备份文件的人仍能用其他工具读取。请同时给电脑的登录账户设置密码，"
               "离开时锁定电脑（Windows 键 + L），备份文件和 U 盘妥善保管。")


@dataclass(frozen=True)
class PasswordCheck:
    ok: bool
    wait_seconds: float  # how long before the next try is allowed (0 after success)
    failures: int


def _hash(password: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong passwords in a row: 0, 0, 0, then 2, 4, 8 ... up to 5 min."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY, 2.0 ** (failures - FREE_TRIES + 1))


def has_password(db: Database) -> bool:
    return bool(settings.get(db, PASSWORD_KEY))


def _stored(db: Database) -> dict | None:
    value = settings.get(db, PASSWORD_KEY)
    return value if isinstance(value, dict) else None


def _matches(stored: dict, password: str) -> bool:
    try:
        digest = _hash(password, bytes.fromhex(stored["salt"]), stored["n"], stored["r"], stored["p"])
        return hmac.compare_digest(digest, bytes.fromhex(stored["hash"]))
    except (KeyError, ValueError, TypeError):
        return False


def set_password(db: Database, new: str, *, old: str | None = None) -> None:
    """Set or change the password; changing needs the current one."""
    stored = _stored(db)
    if stored is not None and not _matches(stored, old or ""):
        raise ValidationError("原密码不对，密码没有修改。")
    if len(new) < MIN_LENGTH:
        raise ValidationError(f"密码至少要 {MIN_LENGTH} 个字符。")
    if new.strip() != new or not new.strip():
        raise ValidationError("密码的开头和结尾不能是空格。")
    salt = secrets.token_bytes(16)
    value = {"scheme": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(),
             "hash": _hash(new, salt).hex(), "set_at": datetime.now().isoformat(timespec="seconds")}
    settings.put(db, PASSWORD_KEY, value)
    settings.put(db, FAILURES_KEY, None)


def clear_password(db: Database, old: str) -> None:
    """Stop asking for a password (needs the current one)."""
    stored = _stored(db)
    if stored is None:
        return
    if not _matches(stored, old):
        raise ValidationError("密码不对，没有取消密码。")
    settings.put(db, PASSWORD_KEY, None)
    settings.put(db, FAILURES_KEY, None)


def wait_seconds(db: Database, *, clock: Callable[[], float] = time.time) -> float:
    """How long until the next password try is allowed (kept in the database, so restarting does not help)."""
    record = settings.get(db, FAILURES_KEY) or {}
    failures, last = int(record.get("count", 0)), float(record.get("at", 0))
    return max(0.0, last + delay_after(failures) - clock())


def check_password(db: Database, attempt: str, *, clock: Callable[[], float] = time.time) -> PasswordCheck:
    """Try a password. Too early after wrong ones is refused without even looking at it."""
    stored = _stored(db)
    if stored is None:
        return PasswordCheck(True, 0.0, 0)
    early = wait_seconds(db, clock=clock)
    if early > 0:
        raise DomainError(f"密码错误次数过多，请 {int(early) + 1} 秒后再试。")
    if _matches(stored, attempt):
        settings.put(db, FAILURES_KEY, None)
        return PasswordCheck(True, 0.0, 0)
    record = settings.get(db, FAILURES_KEY) or {}
    failures = int(record.get("count", 0)) + 1
    settings.put(db, FAILURES_KEY, {"count": failures, "at": clock()})
    return PasswordCheck(False, delay_after(failures), failures)


def idle_minutes(db: Database) -> int:
    """Minutes without keyboard or mouse before the window locks (0: never)."""
    value = settings.get(db, IDLE_KEY, DEFAULT_IDLE_MINUTES)
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


def set_idle_minutes(db: Database, minutes: int) -> None:
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        raise ValidationError("自动锁定时间应为整数分钟。") from None
    if not 0 <= minutes <= 240:
        raise ValidationError("自动锁定时间应在 0（不锁定）到 240 分钟之间。")
    settings.put(db, IDLE_KEY, minutes)
