"""The log never holds an ID number, a phone number or a password: a filter on every handler.

The first line of defence is not to put them there (SQLAlchemy engines hide bound parameters,
messages name people, not their numbers). This is the second: every record, its traceback
included, passes `redact` before any handler writes it. Names may appear; numbers may not.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import threading
from pathlib import Path

MASK = "***"

# an 18-character ID number (or the old 15-digit one), not part of a longer run of digits
_ID_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])")
# an ID number Excel turned into a number: 1.10105194912310E+17 still shows place and birth date
_ID_AS_FLOAT = re.compile(r"(?<![0-9])[0-9]\.[0-9]{5,}[Ee]\+?1[47](?![0-9])")
# a mobile number, also written +86 138 1234 5678 or 138-1234-5678
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])")
# a landline with its area code: 010-12345678, 0571 8888 8888, 057188888888
_LANDLINE = re.compile(r"(?<![0-9])0[1-9][0-9]{1,2}[- ]?[0-9]{3,4}[- ]?[0-9]{4}(?![0-9])")
# a password in a connection URL (postgresql+psycopg://user:secret@host) or a libpq string
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.\-]*://[^:/@\s]*:)[^@\s]*@", re.I)
_KEYWORD_PASSWORD = re.compile(r"""(\b(?:password|passwd|pwd)\s*[=:]\s*)(?:'[^']*'|"[^"]*"|[^\s,;)&]+)""", re.I)

_secrets: list[str] = []
_secrets_lock = threading.Lock()
_MAX_SECRETS = 20


def remember_secret(text: str | None) -> None:
    """A password the program was given (typed, or from DANGJIAN_PASSWORD): never written to the log.
    Wrong tries are remembered too: they are usually the right password with a typo."""
    if not text or len(text) < 4:
        return
    with _secrets_lock:
        if text in _secrets:
            return
        _secrets.append(text)
        del _secrets[:-_MAX_SECRETS]


def redact(text: str) -> str:
    """`text` with ID numbers, phone numbers and passwords replaced by ***."""
    if not text:
        return text
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, MASK)
    text = _URL_PASSWORD.sub(rf"\1{MASK}@", text)
    text = _KEYWORD_PASSWORD.sub(rf"\1{MASK}", text)
    for pattern in (_ID_NUMBER, _ID_AS_FLOAT, _MOBILE, _LANDLINE):
        text = pattern.sub(MASK, text)
    return text


def _redact_record(record: logging.LogRecord) -> logging.LogRecord:
    if getattr(record, "_dangjian_redacted", False):
        return record
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a malformed record: keep what can be shown safely
        message = f"{record.msg!r} {record.args!r}"
    record.msg, record.args = redact(message), None
    if record.exc_info and not record.exc_text:
        try:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        except Exception:  # noqa: BLE001
            record.exc_text = f"{record.exc_info[0]!r}"
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    record._dangjian_redacted = True
    return record


class RedactingFilter(logging.Filter):
    """Rewrites each record before a handler formats it: message, arguments, traceback, stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        _redact_record(record)
        return True


_installed = False


def install() -> None:
    """From now on every log record is redacted as it is made, whichever handler writes it
    (ours, Python's last-resort stderr, or one a library adds)."""
    global _installed
    if _installed:
        return
    make = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        return _redact_record(make(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    _installed = True


def protect(handler: logging.Handler) -> logging.Handler:
    """Put the redacting filter on `handler` (once): a record made before `install` is redacted too."""
    if not any(isinstance(f, RedactingFilter) for f in handler.filters):
        handler.addFilter(RedactingFilter())
    return handler


LOG_NAME = "dangjian.log"
LOG_BYTES, LOG_KEEP = 2 * 2**20, 2  # dangjian.log, .1 and .2: at most about 6 MB
# the first line of every log file this version writes; a file without it is from an older
# version, whose tracebacks could hold ID numbers: it is redacted once, at the next start
HEADER = "# 党支部工作台日志：身份证号、电话号码和密码已隐去（***）"


class _OwnerOnlyLog(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file is created owner-only and starts with HEADER."""

    def _open(self):
        from dangjian_desktop import private

        path = Path(self.baseFilename)
        fresh = not path.exists() or path.stat().st_size == 0
        private.create_file(path)
        stream = super()._open()
        if fresh:
            stream.write(HEADER + "\n")
            stream.flush()
        return stream


def scrub_old_log(path: Path) -> bool:
    """Redact a log an older version wrote (it has no HEADER), in place and atomically; True if it did."""
    from dangjian_desktop import private

    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            if fh.readline().rstrip("\n") == HEADER:
                return False
            fh.seek(0)
            tmp = private.create_file(path.with_name(path.name + ".redacting"))
            with open(tmp, "w", encoding="utf-8") as out:
                out.write(HEADER + "\n")
                for line in fh:
                    out.write(redact(line))
    except FileNotFoundError:
        return False
    os.replace(tmp, path)
    return True


def setup_file_log(folder: Path) -> logging.Handler:
    """The GUI's log: `dangjian.log` in the data folder (owner-only, redacted, rotated at 2 MB);
    stderr if it cannot be written."""
    install()
    try:
        handler: logging.Handler = _open_file_log(folder)
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _add(protect(handler), logging.INFO)
    return handler


def _open_file_log(folder: Path) -> logging.Handler:
    from dangjian_desktop import private

    private.own_dir(folder)
    for old in (folder / LOG_NAME, *(folder / f"{LOG_NAME}.{n}" for n in range(1, LOG_KEEP + 1))):
        if old.exists():
            private.restrict(old)
            scrub_old_log(old)
    return _OwnerOnlyLog(folder / LOG_NAME, maxBytes=LOG_BYTES, backupCount=LOG_KEEP, encoding="utf-8")


def log_file() -> Path | None:
    """The log file records go to (for a message saying where the details are); None if there is none."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _OwnerOnlyLog):
            return Path(handler.baseFilename)
    return None


def fault_log(folder: Path) -> Path | None:
    """The command line's log for faults of the program: `dangjian.log` in the data folder, opened
    only when a traceback has to be kept (the terminal gets one Chinese line, never the traceback).
    None if the folder cannot be written."""
    found = log_file()
    if found is not None:
        return found
    install()
    try:
        handler = _open_file_log(folder)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _add(protect(handler), logging.INFO)
    return Path(handler.baseFilename)


def setup_cli_log() -> None:
    """The command line logs nothing of its own; what reaches Python's last-resort handler (warnings
    and errors on stderr) is redacted like the GUI's log."""
    install()
    if logging.lastResort is not None:
        protect(logging.lastResort)


def _add(handler: logging.Handler, level: int) -> None:
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
