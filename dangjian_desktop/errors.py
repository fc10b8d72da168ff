"""Errors a user can cause; each carries one clear Chinese sentence."""

from __future__ import annotations


class DomainError(Exception):
    """A refusal of the user's input or action; `str()` is the Chinese message to show."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}：{message}" if where else message)


class NotFound(DomainError):
    """A record the user named does not exist."""


class ValidationError(DomainError):
    """A value that cannot be true (bad date, bad ID number, ...)."""


class InputErrors(DomainError):
    """Several problems found in one input (e.g. rows of an imported workbook)."""

    def __init__(self, problems: list[str], *, summary: str | None = None) -> None:
        self.problems = list(problems)
        super().__init__(summary or f"发现 {len(self.problems)} 处问题，未写入任何数据。")


class DatabaseError(DomainError):
    """The database file cannot be opened or upgraded safely."""


class DatabaseDamaged(DatabaseError):
    """The file fails SQLite's integrity check (damaged or truncated); it was left untouched."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer version of the program."""


class DatabaseMissing(DatabaseError):
    """The database file named does not exist."""


class ConcurrentEdit(DomainError):
    """Someone else changed the same record since it was read."""


class DatabaseBusy(DatabaseError):
    """Someone else has the database: a 党支部工作台 window, a restore, a command, another program.
    Nothing was written; the command line exits 3 (cli.md). `holder` says who, when known."""

    def __init__(self, message: str, *, holder: str | None = None) -> None:
        self.holder = holder
        super().__init__(message)


class DatabaseFault(DatabaseError):
    """The disk or the file failed (full disk, read-only folder, file removed, I/O error); the
    message says what was and was not saved."""


class DatabaseFilesChanged(DatabaseError):
    """The database file or its WAL was removed or replaced by something outside this window; the
    change at hand was not saved and the window has reopened the file."""


class Cancelled(Exception):
    """The person pressed 取消: raised by a job's progress callback at a safe point (between rows,
    files, documents), so a transaction rolls back whole and a file being written is dropped."""

    def __init__(self, message: str = "已取消。") -> None:
        self.message = message
        super().__init__(message)
