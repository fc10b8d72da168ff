"""政治生日短信 (.csv): 姓名, 手机号, 短信内容, one row per person, as SMS platforms import it.

UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese as Chinese (without it they guess
GBK); fields with commas, quotes or line breaks are quoted as RFC 4180 says, rows end in CRLF. A
person without a phone keeps the row, phone empty: the list is whole, and the secretary sees whom to
tell another way.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable

from dangjian_desktop.core import idcard
from dangjian_desktop.files import atomic_target

HEADER = ("姓名", "手机号", "短信内容")
_FORMULA_START = ("=", "+", "-", "@")


def _plain(text: str) -> str:
    """A name that Excel would read as a formula (=…, @…) is written with a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_birthday_messages(out: Path, rows: Iterable[tuple[str, str, str]], *, mask: bool = False) -> Path:
    """Write (name, phone, message) rows, people with a phone first, those without after them."""
    rows = list(rows)
    ordered = [r for r in rows if r[1]] + [r for r in rows if not r[1]]
    with atomic_target(Path(out)) as tmp:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, dialect="excel")  # quotes what needs quoting, \r\n between rows
            writer.writerow(HEADER)
            for name, phone, text in ordered:
                phone = idcard.mask_phone(phone) if mask else phone
                writer.writerow((_plain(name), phone, _plain(text)))
    return Path(out)
