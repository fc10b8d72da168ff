"""The optional program password: a salted scrypt hash, slowed-down retries, the idle lock time.

It keeps people away from the program (the window and every `dangjian` command) on a shared
PC; it does not encrypt the database file (anyone who copies the file can read it with other
tools), and the UI says so.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from dangjian_desktop import logs
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import DomainError, ValidationError
from dangjian_desktop.services import settings

PASSWORD_KEY = "security.password"
FAILURES_KEY = "security.failures"
IDLE_KEY = "security.idle_minutes"
DEFAULT_IDLE_MINUTES = 10
MIN_LENGTH = 6
# scrypt cost per attempt: 128 MiB and about half a second on an office PC (0.44 s measured on
# the build machine), paid only where a password is set. Each stored hash keeps its own n, r and
# p, so a hash made with older, cheaper parameters still checks, and is remade with these at
# the next correct entry.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
# a stored record asking for more than this is not ours (a damaged or forged row): never tried
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16
FREE_TRIES = 3
MAX_DELAY = 300.0

LIMITS_TEXT = ("密码只保护本程序（打开窗口、使用命令行 dangjian，以及离开电脑后自动锁定），不加密数据库文件："
               "拿到数据库文件或备份文件的人仍能用其他工具读取。请同时给电脑的登录账户设置密码，"
               "离开时锁定电脑（Windows 键 + L），备份文件和 U 盘妥善保管。")


@dataclass(frozen=True)
class PasswordCheck:
    ok: bool
    wait_seconds: float  # how long before the next try is allowed (0 after success)
    failures: int


def _hash(password: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    logs.remember_secret(password)  # whatever happens next, this text never reaches the log
    # scrypt needs 128·r·(n + p + 2) bytes; OpenSSL refuses unless maxmem leaves room for that
    maxmem = 128 * r * (n + p + 2) + 2**20
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=32)


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong passwords in a row: 0, 0, 0, then 2, 4, 8 ... up to 5 min.

    The power is taken only while it is below the cap: 2.0 ** 1023 is the last a float holds,
    and a counter kept in the database may be far beyond that."""
    if failures < FREE_TRIES:
        return 0.0
    exponent = failures - FREE_TRIES + 1
    if exponent >= math.log2(MAX_DELAY):
        return MAX_DELAY
    return min(MAX_DELAY, 2.0 ** exponent)


def has_password(db: Database) -> bool:
    return bool(settings.get(db, PASSWORD_KEY))


def _stored(db: Database) -> dict | None:
    value = settings.get(db, PASSWORD_KEY)
    return value if isinstance(value, dict) else None


def _params(stored: dict) -> tuple[int, int, int] | None:
    try:
        n, r, p = (int(stored[k]) for k in ("n", "r", "p"))
    except (KeyError, ValueError, TypeError):
        return None
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        return None
    return n, r, p


def _matches(stored: dict, password: str) -> bool:
    params = _params(stored)
    if params is None:
        return False
    try:
        digest = _hash(password, bytes.fromhex(stored["salt"]), *params)
        return hmac.compare_digest(digest, bytes.fromhex(stored["hash"]))
    except (KeyError, ValueError, TypeError, MemoryError):
        return False


def _record(password: str, set_at: str | None = None) -> dict:
    salt = secrets.token_bytes(16)
    return {"scheme": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(),
            "hash": _hash(password, salt).hex(),
            "set_at": set_at or datetime.now().isoformat(timespec="seconds")}


def _outdated(stored: dict) -> bool:
    """Made with cheaper scrypt parameters than today's (an older version of the program)."""
    return _params(stored) != (SCRYPT_N, SCRYPT_R, SCRYPT_P)


def set_password(db: Database, new: str, *, old: str | None = None) -> None:
    """Set or change the password; changing needs the current one."""
    stored = _stored(db)
    if stored is not None and not _matches(stored, old or ""):
        raise ValidationError("原密码不对，密码没有修改。")
    if len(new) < MIN_LENGTH:
        raise ValidationError(f"密码至少要 {MIN_LENGTH} 个字符。")
    if new.strip() != new or not new.strip():
        raise ValidationError("密码的开头和结尾不能是空格。")
    settings.put(db, PASSWORD_KEY, _record(new))
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


def _failures(db: Database) -> tuple[int, float]:
    """(wrong tries in a row, when the last one was); a damaged record counts as many wrong tries just now."""
    record = settings.get(db, FAILURES_KEY) or {}
    try:
        failures, last = int(record.get("count", 0)), float(record.get("at", 0))
    except (AttributeError, TypeError, ValueError, OverflowError):
        return FREE_TRIES + 16, time.time()
    if not math.isfinite(last):
        last = time.time()
    return max(0, failures), last


def wait_seconds(db: Database, *, clock: Callable[[], float] = time.time) -> float:
    """How long until the next password try is allowed (kept in the database, so restarting does not help).

    Never more than MAX_DELAY, even if the clock was set back or the record says a future time:
    the delay slows guessing down, it must not become a lockout stored in the database."""
    failures, last = _failures(db)
    return max(0.0, min(MAX_DELAY, last + delay_after(failures) - clock()))


GUEST_WAIT_CAP = 5.0  # seconds a read-only command waits after a wrong password


def check_password(db: Database, attempt: str, *, clock: Callable[[], float] = time.time) -> PasswordCheck:
    """Try a password. Too early after wrong ones is refused without even looking at it."""
    stored = _stored(db)
    if stored is None:
        return PasswordCheck(True, 0.0, 0)
    early = wait_seconds(db, clock=clock)
    if early > 0:
        raise DomainError(f"密码错误次数过多，请 {math.ceil(early)} 秒后再试。")
    # A command running beside the window opens the database read-only (db.engine's guests): it can
    # neither reset nor count, so the window (or the next command on its own) does that.
    writable = not getattr(db, "guest", False)
    if _matches(stored, attempt):
        if writable and _failures(db)[0]:
            settings.put(db, FAILURES_KEY, None)
        if writable and _outdated(stored):  # the one moment the password is known: remake the hash at today's cost
            settings.put(db, PASSWORD_KEY, _record(attempt, stored.get("set_at")))
        return PasswordCheck(True, 0.0, 0)
    failures = _failures(db)[0] + 1
    if writable:
        settings.put(db, FAILURES_KEY, {"count": failures, "at": clock()})
    else:  # not counted: at least each wrong try from beside the window costs the wait it would have earned
        time.sleep(min(delay_after(failures), GUEST_WAIT_CAP))
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
