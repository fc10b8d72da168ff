"""What a person is told when something goes wrong, in one Chinese sentence; the traceback goes to the log.

Shared by the GUI's error presenter (gui/presenter.py) and the command line (cli.main):

- a `DomainError` carries its own Chinese message (what and where, what to do);
- an `OSError` (a file that cannot be read or written) is said in Chinese from its errno;
- anything else is a fault of the program: the traceback is logged (redacted by logs.py) and the
  person reads a generic sentence saying what did not happen and whether anything was lost.

`effect` says what the failed work could have changed, so the sentence is truthful about it:
"read" (nothing), "write" (one transaction: rolled back whole), "file" (written atomically: not
there), None (unknown, e.g. an exception escaping a slot: what was saved before stays saved).
"""

from __future__ import annotations

import errno
import logging
import sys
import threading
from pathlib import Path
from typing import Callable, Literal

from dangjian_desktop.errors import Cancelled, DomainError, InputErrors

log = logging.getLogger(__name__)

Effect = Literal["read", "write", "file"] | None

MAX_PROBLEMS = 20  # lines of an InputErrors listed in a message; the rest are counted

_LOST = {
    "read": "数据没有任何改动。",
    "write": "这次的修改没有保存，之前保存的数据不受影响。",
    "file": "文件没有生成。",
    None: "之前保存的数据不受影响，但刚才的操作可能没有完成，请检查后再做一次。",
}

_OS_REASONS = {
    errno.EACCES: "没有权限（文件可能是只读的，或者文件夹不允许写入）",
    errno.EPERM: "没有权限（文件可能是只读的，或者文件夹不允许写入）",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘是只读的",
    errno.EEXIST: "已经有同名的文件",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EIO: "读写磁盘时出错（磁盘或 U 盘可能有问题）",
}
_WINDOWS_SHARING = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: open in Word, WPS, Excel


def is_fault(exc: BaseException) -> bool:
    """True if `exc` is a fault of the program (a bug, a broken database connection): its traceback
    belongs in the log. A refusal of the user's input, a 取消 and a file problem are not."""
    return not isinstance(exc, (DomainError, Cancelled, OSError))


def os_sentence(exc: OSError, effect: Effect = None) -> str:
    """An OSError in Chinese: which file, why, and what was not done."""
    reason = ("文件正被其他程序打开（例如 Word、WPS 或 Excel），请先关闭它"
              if getattr(exc, "winerror", None) in _WINDOWS_SHARING else _OS_REASONS.get(exc.errno or 0))
    name = exc.filename or exc.filename2
    where = f"“{name}”" if name else ""
    text = f"无法读写文件{where}：{reason}。" if reason else f"无法读写文件{where}（系统错误 {exc.errno}）。"
    return text + (_LOST[effect] if effect != "read" else "")


def _database_trouble(exc: BaseException) -> bool:
    """The database could not be reached or written (a SQLAlchemy or driver OperationalError),
    told apart by name: the GUI does not import the data layer to look at an exception."""
    for cls in type(exc).__mro__:
        if cls.__name__ == "OperationalError" and cls.__module__.split(".")[0] in ("sqlalchemy", "sqlite3",
                                                                                     "psycopg", "psycopg2"):
            return True
    return False


def explain(exc: BaseException, *, what: str | None = None, effect: Effect = None,
            log_path: Path | None = None) -> str:
    """What to tell the person about `exc`: its own message, or one sentence about a fault."""
    if isinstance(exc, Cancelled):
        return exc.message
    if isinstance(exc, InputErrors):
        shown = exc.problems[:MAX_PROBLEMS]
        more = f"\n……共 {len(exc.problems)} 处" if len(exc.problems) > MAX_PROBLEMS else ""
        return exc.message + ("\n\n" + "\n".join(shown) + more if shown else "")
    if isinstance(exc, DomainError):
        return str(exc)
    if isinstance(exc, OSError):
        return os_sentence(exc, effect)
    # the database's file failed (full disk, read-only, removed, locked): in the data layer's words
    from dangjian_desktop.db import faults as db_faults  # no SQLAlchemy: the GUI may call this at start

    found = db_faults.explain(exc, None, _LOST[effect].rstrip("。"))
    if found is not None:
        return str(found)
    details = f"详细情况已记录在日志文件 {log_path} 中。" if log_path else "详细情况已记录在日志中。"
    doing = f"，没能{what}" if what else ""
    if _database_trouble(exc):
        return (f"无法读写数据库{doing}：数据库文件可能正被其他程序占用、磁盘出了问题，或与服务器的连接断开了。"
                f"{_LOST[effect]}{details}")
    if isinstance(exc, MemoryError):
        return f"电脑的内存不够用了{doing}。{_LOST[effect]}请关闭其他程序后再试。"
    return f"程序出错了{doing}。{_LOST[effect]}{details}"


def record(exc: BaseException, *, what: str | None = None) -> None:
    """Write `exc` to the log: with its traceback if it is a fault, as one line otherwise.
    Every record passes logs.py's redaction (no ID numbers, phone numbers or passwords)."""
    if getattr(exc, "_dangjian_logged", False):
        return
    doing = f" while {what!r}" if what else ""
    if is_fault(exc):
        log.error("unexpected %s%s", type(exc).__name__, doing, exc_info=(type(exc), exc, exc.__traceback__))
    elif isinstance(exc, OSError):
        log.warning("file problem%s: %s", doing, exc)
    try:
        exc._dangjian_logged = True  # type: ignore[attr-defined]
    except AttributeError:  # an exception with __slots__: it may be logged twice, no harm
        pass


def install_hooks(show: Callable[[str], None], *, log_path: Callable[[], Path | None] = lambda: None) -> None:
    """Route every exception nobody caught (in a Qt slot, in the main thread, in another thread) to the
    log and to `show` (one Chinese sentence), instead of a traceback on stderr or nothing at all."""

    def report(value: BaseException) -> None:
        record(value)
        try:
            show(explain(value, effect=None, log_path=log_path()))
        except Exception:  # noqa: BLE001 - telling the person failed too: the log has it
            log.exception("could not show an error")

    def hook(kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        if value is None:
            value = kind()
        if value.__traceback__ is None:
            value.__traceback__ = tb
        report(value)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        report(args.exc_value)

    sys.excepthook = hook
    threading.excepthook = thread_hook
