"""Reading the spreadsheets secretaries really have: title rows, merged headers, messy dates.

Every import goes through here so that all of them recognise the same things and refuse
the same things (with the file, sheet, row and column in the message), never guessing.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Iterable

from dangjian_desktop.core import idcard
from dangjian_desktop.errors import ValidationError

HEADER_SEARCH_ROWS = 15
MAX_ROWS = 200_000
EXCEL_EPOCH = datetime(1899, 12, 30)
MIN_YEAR, MAX_YEAR = 1900, 2100
# a workbook is a zip of XML: what a real 台账 never comes near is refused before it is unpacked (issue 17)
MAX_SHARED_STRINGS = 1_000_000
MAX_CELLS = 5_000_000
MAX_UNPACKED_XML = 500 * 2**20
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".et", ".ods")
FORMATS = "Excel（.xlsx、.xls）、WPS 表格（.et）、OpenDocument（.ods）"


class CellError(ValueError):
    """A cell whose value cannot be read; `str()` is the Chinese reason."""


class SheetChoice(ValidationError):
    """Several visible sheets hold a table: the person chooses one (`--sheet`, or in the dialog)."""

    def __init__(self, message: str, sheets: list[str]) -> None:
        super().__init__(message)
        self.sheets = sheets


@dataclass
class Row:
    number: int  # the row number as Excel shows it
    values: dict[str, Any]  # canonical key → raw cell value (None for empty)
    extra: dict[str, Any] = field(default_factory=dict)  # unrecognised columns' values, by column letter


@dataclass
class ColumnUse:
    """One column of the file and what became of it: read into a field, or not imported and why."""

    letter: str  # “C”
    header: str  # as written in the file ("" when it has none)
    key: str | None  # the canonical key it was read as; None when not imported
    label: str = ""  # the field as people name it (“入党日期”)
    reason: str = ""  # why it is not imported ("" when it is)

    @property
    def imported(self) -> bool:
        return self.key is not None and not self.reason

    def line(self) -> str:
        """“C列“身份证号” → 公民身份号码” or “J列“爱好”：未导入（没有对应的项目）”."""
        head = f"{self.letter}列“{self.header}”" if self.header else f"{self.letter}列（无表头）"
        return f"{head} → {self.label}" if self.imported else f"{head}：未导入（{self.reason}）"


@dataclass
class Table:
    file: str
    sheet: str
    header_row: int
    columns: dict[str, int]  # canonical key → 1-based column
    headers: dict[str, str]  # canonical key → header text as written in the file
    rows: list[Row]
    ignored_headers: list[str]
    accounting: list[ColumnUse] = field(default_factory=list)  # every column with a header or a value

    def where(self, row: Row | int, key: str | None = None) -> str:
        """“文件 名册.xlsx，工作表“花名册”，第5行，C列（身份证号）”."""
        number = row.number if isinstance(row, Row) else row
        text = f"文件 {self.file}，工作表“{self.sheet}”，第{number}行"
        if key is not None and key in self.columns:
            text += f"，{column_letter(self.columns[key])}列（{self.headers[key]}）"
        return text

    def ignore(self, key: str, reason: str) -> None:
        """A column that was recognised but is not stored (e.g. 序号): say so in the accounting."""
        for use in self.accounting:
            if use.key == key:
                use.reason = reason

    def not_imported(self) -> list[ColumnUse]:
        return [u for u in self.accounting if not u.imported]


def column_letter(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


_QUALIFIER = re.compile(r"[（(【\[](转正|接收|预备)[）)】\]]")


def normalise_header(text: Any) -> str:
    """Header text without spaces, line breaks, stars or brackets: “公民身份\n号码（必填）*” → “公民身份号码”.

    A bracket that says which of two like-named steps the column is (“（转正）”) is kept as a
    word: it is read before the rest of the brackets go (issue 17, defect 1)."""
    s = _ZERO_WIDTH.sub("", str(text or ""))
    s = _QUALIFIER.sub(lambda m: f"@{m.group(1)}@", s)
    s = re.sub(r"[（(【\[].*?[）)】\]]", "", s)
    s = re.sub(r"[\s\u3000*＊:：]", "", s)
    return s.replace("@", "").strip()


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refuse_oversize(path: Path, z: zipfile.ZipFile) -> None:
    """Refuse, from the zip's directory and the first bytes of two parts, a workbook that would
    unpack past what any 台账 needs (a zip bomb): within a second, never by unpacking it."""
    name = path.name
    unpacked = sum(i.file_size for i in z.infolist() if i.filename.lower().endswith(".xml"))
    if unpacked > MAX_UNPACKED_XML:
        raise ValidationError(f"文件 {name} 解压后超过 {MAX_UNPACKED_XML // 2**20} MB，远超任何台账的大小，"
                              "可能已损坏或不是正常的表格文件，未读取。")
    names = {i.filename.lower(): i.filename for i in z.infolist()}
    part = names.get("xl/sharedstrings.xml")
    if part:
        with z.open(part) as f:
            head = f.read(4096).decode("utf-8", "replace")
        counts = [int(c) for c in re.findall(r"\b(?:uniqueCount|count)\s*=\s*[\"'](\d+)", head)]
        if counts and max(counts) > MAX_SHARED_STRINGS:
            raise ValidationError(f"文件 {name} 含有 {max(counts):,} 个不同的文字，超过 {MAX_SHARED_STRINGS:,} 个，"
                                  "不像是一份台账（可能已损坏），未读取。")
    for lower, part in names.items():
        if lower.startswith("xl/worksheets/") and lower.endswith(".xml"):
            with z.open(part) as f:
                head = f.read(4096).decode("utf-8", "replace")
            m = re.search(r"<(?:\w+:)?dimension\b[^>]*\bref\s*=\s*[\"']([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?", head)
            if m and m.group(3):
                cols = _col_number(m.group(3)) - _col_number(m.group(1)) + 1
                rows = int(m.group(4)) - int(m.group(2)) + 1
                if rows * cols > MAX_CELLS:
                    raise ValidationError(f"文件 {name} 的一个工作表有 {rows:,} 行 × {cols:,} 列，超过 "
                                          f"{MAX_CELLS:,} 个单元格，请只保留台账所在的区域后再导入。")


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def open_book(path: str | Path):
    """The workbook, read by python-calamine (xlsx, xls, xlsb, ods; WPS .et by its content), or
    ValidationError with one Chinese sentence: missing, encrypted, oversize, not a table, damaged."""
    import python_calamine as pc

    path = Path(path)
    name = path.name
    if not path.exists():
        raise ValidationError(f"找不到文件“{path}”。")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(f"文件 {name} 不是可以导入的表格文件；可以导入 {FORMATS}。")
    try:
        with path.open("rb") as f:
            head = f.read(8)
            is_ole = head == _OLE
            if is_ole and suffix in (".xlsx", ".xlsm", ".xlsb", ".et", ".ods"):
                f.seek(0)
                if "EncryptedPackage".encode("utf-16-le") in f.read(1 << 20):
                    raise ValidationError(f"文件 {name} 设有密码，请先在 Excel/WPS 中取消密码后再导入。")
        if head[:2] == b"PK":
            with zipfile.ZipFile(path) as z:
                _refuse_oversize(path, z)
        if suffix == ".et" or (suffix in (".xlsx", ".xlsm") and is_ole):
            # WPS writes .et either as the old binary format or as a zip like .xlsx: let calamine look
            with path.open("rb") as f:
                return pc.CalamineWorkbook.from_filelike(io.BytesIO(f.read()))
        return pc.CalamineWorkbook.from_path(str(path))
    except ValidationError:
        raise
    except pc.PasswordError as exc:
        raise ValidationError(f"文件 {name} 设有密码，请先在 Excel/WPS 中取消密码后再导入。") from exc
    except OSError as exc:
        raise ValidationError(f"文件 {name} 无法打开（可能正被其他程序占用，或没有读取权限）。") from exc
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # calamine's own kinds, and a Rust panic (pyo3 PanicException) on damaged files
        raise ValidationError(f"文件 {name} 不是有效的表格文件（可能已损坏，或扩展名与内容不符），无法读取；"
                              "请用 Excel 或 WPS 打开后另存为 .xlsx 再试。") from exc


def visible_sheets(book) -> list[str]:
    """The worksheets a person sees: hidden and very hidden sheets are never read (issue 17)."""
    import python_calamine as pc

    return [m.name for m in book.sheets_metadata
            if m.visible == pc.SheetVisibleEnum.Visible and m.typ == pc.SheetTypeEnum.WorkSheet]


_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _ods_merges(path: Path, sheet: str) -> list:
    """Merged cells of an .ods sheet (0-based, as calamine gives them for .xlsx/.xls; it gives none for
    .ods): cells with number-rows-spanned / number-columns-spanned in content.xml."""
    from xml.etree.ElementTree import iterparse

    t = f"{{{_ODS_TABLE}}}"
    out = []
    try:
        with zipfile.ZipFile(path) as z, z.open("content.xml") as f:
            inside, row, col = False, -1, 0
            for event, el in iterparse(f, events=("start", "end")):
                tag = el.tag
                if tag == f"{t}table":
                    if event == "start":
                        inside, row = el.get(f"{t}name") == sheet, -1
                    elif inside:
                        break
                    continue
                if not inside:
                    if event == "end":
                        el.clear()
                    continue
                if tag == f"{t}table-row" and event == "start":
                    row, col = row + 1, 0
                elif tag == f"{t}table-row" and event == "end":
                    row += int(el.get(f"{t}number-rows-repeated", "1")) - 1
                    el.clear()
                elif tag in (f"{t}table-cell", f"{t}covered-table-cell") and event == "start":
                    rows = int(el.get(f"{t}number-rows-spanned", "1"))
                    cols = int(el.get(f"{t}number-columns-spanned", "1"))
                    if rows > 1 or cols > 1:
                        out.append(((row, col), (row + rows - 1, col + cols - 1)))
                    col += int(el.get(f"{t}number-columns-repeated", "1"))
                if row > MAX_ROWS:
                    break
    except Exception:  # the cells were read; a merge that cannot be found leaves cells as they are
        return []
    return out


def _grid(book, file: str, sheet: str, path: Path | None = None) -> tuple[list[list[Any]], list]:
    """The sheet's cells from A1 (row i is Excel row i + 1) and its merged ranges (0-based)."""
    try:
        ws = book.get_sheet_by_name(sheet)
        if ws.height * max(ws.width, 1) > MAX_CELLS:
            raise ValidationError(f"文件 {file} 的工作表“{sheet}”超过 {MAX_CELLS:,} 个单元格，"
                                  "请只保留台账所在的区域后再导入。")
        grid = ws.to_python(skip_empty_area=False)
        merged = list(ws.merged_cell_ranges or [])
        if not merged and path is not None and path.suffix.lower() == ".ods":
            merged = _ods_merges(path, sheet)
    except (ValidationError, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # a Rust panic on a damaged sheet is a BaseException (pyo3)
        raise ValidationError(f"文件 {file} 的工作表“{sheet}”无法读取（文件可能已损坏），"
                              "请用 Excel 或 WPS 打开后重新保存再试。") from exc
    if len(grid) > MAX_ROWS + HEADER_SEARCH_ROWS:
        raise ValidationError(f"文件 {file} 的行数超过 {MAX_ROWS} 行，请分批导入。")
    return grid, merged


def _match(variants: dict[str, tuple[str, ...]], text: str) -> str | None:
    if not text:
        return None
    return _lookup(variants).get(text)


_LOOKUPS: dict[int, tuple[dict, dict]] = {}


def _lookup(variants: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """normalised header → key (the first key that lists it), cached per column table."""
    cached = _LOOKUPS.get(id(variants))
    if cached is None or cached[0] is not variants:
        table: dict[str, str] = {}
        for key, names in variants.items():
            for n in names:
                table.setdefault(normalise_header(n), key)
        cached = _LOOKUPS[id(variants)] = (variants, table)
    return cached[1]


def _cell(row: list, c: int) -> Any:
    return row[c - 1] if c - 1 < len(row) else None


def _merged_down(merged: list) -> dict[int, dict[int, tuple[int, int]]]:
    """Header-area cells covered by a merge that starts in a row above: row index → column index →
    the merge's top-left cell (WPS: “姓名” merged over the two header rows, the lower row's cell empty)."""
    out: dict[int, dict[int, tuple[int, int]]] = {}
    for (r0, c0), (r1, c1) in merged:
        if r1 > r0 and r0 <= HEADER_SEARCH_ROWS:
            for r in range(r0 + 1, min(r1, HEADER_SEARCH_ROWS) + 1):
                for c in range(c0, c1 + 1):
                    out.setdefault(r, {})[c] = (r0, c0)
    return out


def _find_header(grid: list[list[Any]], columns, required, repeats=(),
                 merged: list = ()) -> tuple[int, int, dict[str, int]] | None:
    """(score, header row index, key → column; negative column: the header ends one row lower).
    A header cell merged down from the row above (“姓名” over rows 2–3) heads its column in the lower row too."""
    best = None
    top = grid[:HEADER_SEARCH_ROWS + 1]
    down = _merged_down(list(merged))
    for i, row in enumerate(top):
        if i in down:
            row = list(row)
            for c, (r0, c0) in down[i].items():
                if c < len(row) and row[c] in (None, "") and c0 < len(grid[r0]):
                    row[c] = grid[r0][c0]
        found: dict[str, int] = {}
        for c, value in enumerate(row, start=1):
            key = _match(columns, normalise_header(value))
            if key and key in found and key in repeats:  # a header two columns share: both are kept
                n = 2
                while f"{key}#{n}" in found:
                    n += 1
                key = f"{key}#{n}"
            if key and key not in found:
                found[key] = c
        # a two-row header: the row below may complete it ("入党" over "日期"),
        # but only for a row that is itself a header
        if found and i + 1 < len(top):
            below = top[i + 1]
            for c, value in enumerate(below, start=1):
                if value in (None, ""):
                    continue
                above = _cell(row, c)
                for combo in (normalise_header(f"{above or ''}{value or ''}"), normalise_header(value)):
                    key = _match(columns, combo)
                    if key and key not in found:
                        found[key] = -c  # marks a header that ends one row lower
                        break
            # “支部大会讨论” merged over “接收” and “转正”: the two-row names say more than the upper one
            lower = {-c for c in found.values() if c < 0}
            found = {k: c for k, c in found.items() if c < 0 or c not in lower}
        direct = [k for k, c in found.items() if c > 0]
        score = (sum(1 for k in found if k in required) * 100 + len(direct) * 10 + len(found) - len(direct))
        if score and (best is None or score > best[0]):
            best = (score, i, found)
    return best


def _spread_header_merges(grid: list[list[Any]], merged: list) -> None:
    """A header cell merged across columns (“支部大会讨论” over “接收” and “转正”) heads each of them."""
    for (r0, c0), (r1, c1) in merged:
        if r0 == r1 and c1 > c0 and r0 <= HEADER_SEARCH_ROWS and r0 < len(grid):
            row = grid[r0]
            top = row[c0] if c0 < len(row) else None
            for c in range(c0 + 1, min(c1, len(row) - 1) + 1):
                if row[c] in (None, ""):
                    row[c] = top


def sheets_with_tables(path: str | Path, columns, required=()) -> list[str]:
    """The visible sheets in which a header row of this kind of 台账 is found (for a sheet chooser)."""
    book = open_book(path)
    try:
        out = []
        for name in visible_sheets(book):
            grid, merged = _grid(book, Path(path).name, name, Path(path))
            _spread_header_merges(grid, merged)
            found = _find_header(grid, columns, list(required), merged=merged)
            if found and all(k in found[2] for k in required) and len(grid) > found[1] + 1:
                out.append(name)
        return out
    finally:
        book.close()


def read_table(
    path: str | Path,
    columns: dict[str, tuple[str, ...]],
    required: Iterable[str] = (),
    sheet: str | None = None,
    labels: dict[str, str] | None = None,
    repeats: Iterable[str] = (),
) -> Table:
    """Find the header row (under any title rows) in the visible sheet that has one, and read the rows.

    `columns` maps a canonical key to the header variants it may be written as; `labels` names a
    key's field for people (default: its first variant). Header cells merged across two rows (e.g.
    “入党” above “日期”) are read as one header. Hidden sheets are never read; when several visible
    sheets hold such a table, SheetChoice names them. Every column with a header or a value is in
    `accounting`. A key in `repeats` may head several columns: the second is read as “key#2”.
    Raises ValidationError when the file cannot be read or a required column is missing.
    """
    path = Path(path)
    file = path.name
    required = list(required)
    labels = labels or {}
    book = open_book(path)
    try:
        visible = visible_sheets(book)
        if sheet is not None:
            if sheet not in book.sheet_names:
                raise ValidationError(f"文件 {file} 中没有名为“{sheet}”的工作表（有：{'、'.join(visible)}）。")
            if sheet not in visible:
                raise ValidationError(f"文件 {file} 的工作表“{sheet}”是隐藏的，不会读取；请在 Excel/WPS 中"
                                      "取消隐藏后再导入。")
            candidates = [sheet]
        else:
            candidates = visible
        found_in = []
        for name in candidates:
            grid, merged = _grid(book, file, name, path)
            _spread_header_merges(grid, merged)
            best = _find_header(grid, columns, required, set(repeats), merged)
            if best is not None:
                found_in.append((name, grid, merged, best))
    finally:
        book.close()
    if not found_in:
        names = "、".join(columns[k][0] for k in required) if required else "姓名"
        hidden = [n for n in book.sheet_names if n not in visible]
        tail = f"（隐藏的工作表{'、'.join(f'“{n}”' for n in hidden)}不会读取）" if hidden and sheet is None else ""
        raise ValidationError(f"文件 {file} 中找不到表头行（前{HEADER_SEARCH_ROWS}行中应有 {names} 等列名）{tail}，"
                              "请检查是否选错了文件。")
    complete = [f for f in found_in if all(k in f[3][2] for k in required)]
    with_rows = [f for f in complete if any(any(v not in (None, "") for v in r)
                                             for r in f[1][f[3][1] + 1:])]
    if len(with_rows) > 1:
        names = [f[0] for f in with_rows]
        raise SheetChoice(f"文件 {file} 中有 {len(names)} 个工作表都有台账数据：{'、'.join(f'“{n}”' for n in names)}；"
                          "请选择要导入的一个工作表（命令行加 --sheet 工作表名），其余的分别导入。", names)
    sheet_title, grid, merged, (_, header_index, found) = max(
        with_rows or complete or found_in, key=lambda f: f[3][0])
    header_row = header_index + 1
    two_row = any(c < 0 for c in found.values())
    column_of = {k: abs(c) for k, c in found.items()}
    missing = [k for k in required if k not in column_of]
    if missing:
        names = "、".join(f"“{columns[k][0]}”" for k in missing)
        raise ValidationError(f"文件 {file}，工作表“{sheet_title}”：第{header_row}行的表头中缺少 {names} 列"
                              f"（可写作：{'；'.join('/'.join(columns[k]) for k in missing)}）。")
    first_data = header_row + (2 if two_row else 1)
    header_values = grid[header_index] if header_index < len(grid) else []
    below_values = grid[header_index + 1] if two_row and header_index + 1 < len(grid) else []

    # a header cell merged down from a row above the header row (“所在单位” over two header rows) heads its column
    from_above = {c: grid[r0][c0] for (r0, c0), (r1, c1) in merged if r0 < header_index <= r1 and r0 < len(grid)
                  for c in range(c0 + 1, c1 + 2) if c0 < len(grid[r0])}

    def header_text(c: int) -> str:
        parts = [_ZERO_WIDTH.sub("", str(v)).strip() for v in (_cell(header_values, c), _cell(below_values, c))
                 if v not in (None, "")]
        if not parts and from_above.get(c) not in (None, ""):
            parts = [_ZERO_WIDTH.sub("", str(from_above[c])).strip()]
        return "".join(parts)

    headers = {k: header_text(c) or columns[k.split("#")[0]][0] for k, c in column_of.items()}
    used = {c: k for k, c in column_of.items()}
    data = grid[first_data - 1:]
    width = max([len(header_values), len(below_values)] + [len(r) for r in data]) if data or header_values else 0
    accounting: list[ColumnUse] = []
    ignored: list[str] = []
    for c in range(1, width + 1):
        text = header_text(c)
        if c in used:
            key = used[c]
            base = key.split("#")[0]
            accounting.append(ColumnUse(column_letter(c), text, key, labels.get(key, columns[base][0])))
            continue
        has_data = any(_clean(_cell(r, c)) is not None for r in data)
        if not text and not has_data:
            continue
        if text:
            ignored.append(text)
        reason = "没有表头" if not text else ("没有对应的项目" if has_data else "没有对应的项目，且整列为空")
        accounting.append(ColumnUse(column_letter(c), text, None, "", reason))
    rows: list[Row] = []
    extra_columns = [(c, column_letter(c)) for c in range(1, width + 1) if c not in used]
    picks = list(column_of.items())
    for offset, values in enumerate(data):
        number = first_data + offset
        picked = {k: _clean(values[c - 1]) if c - 1 < len(values) else None for k, c in picks}
        if all(v is None for v in picked.values()):
            continue  # blank line, or a merged block's lower cells
        extra = {}
        for c, text in extra_columns:
            v = _clean(_cell(values, c))
            if v is not None:
                extra[text] = v
        rows.append(Row(number, picked, extra))
    # vertically merged data cells (e.g. one 党小组 merged over several people): fill down
    if rows and merged:
        by_number = {row.number: row for row in rows}
        for (r0, c0), (r1, c1) in merged:
            min_row, min_col, max_row, max_col = r0 + 1, c0 + 1, r1 + 1, c1 + 1
            if min_row < first_data or max_row <= min_row:
                continue
            for k, c in column_of.items():
                if min_col <= c <= max_col and min_row in by_number:
                    top_value = by_number[min_row].values.get(k)
                    for n in range(min_row + 1, max_row + 1):
                        if n in by_number and by_number[n].values.get(k) is None:
                            by_number[n].values[k] = top_value
    return Table(file, sheet_title, header_row, column_of, headers, rows, ignored, accounting)


class _BadNumber:
    """A number cell that holds no number (1E999, NaN): refused by every parse_* with a message."""

    def __init__(self, value: float) -> None:
        self.value = value

    def __str__(self) -> str:
        return "无法读取的数字"


_CLEAN_TEXT = str.maketrans({"\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
                             "\u3000": " "})


def _clean(value: Any) -> Any:
    if type(value) is str:  # noqa: E721 - the common case first, in one C call (a 10,000-row roster)
        return value.translate(_CLEAN_TEXT).strip() or None
    if isinstance(value, float) and not math.isfinite(value):
        return _BadNumber(value)
    return value


def check_cell(value: Any) -> None:
    if isinstance(value, _BadNumber):
        raise CellError("单元格里的数字无法读取（超出范围或不是数字），请重新输入")
    if isinstance(value, (time, timedelta)):
        raise CellError(f"“{value}”是时间，不是这里需要的内容")


# ---------------------------------------------------------------- cell values

_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*[日号]?$"), "ymd"),
    (re.compile(r"^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?$"), "ym"),
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), "ymd"),
    (re.compile(r"^(\d{4})(\d{2})$"), "ym"),
)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９ＸｘＸ．／－：", "0123456789XxX./-:")


def parse_date(value: Any) -> date | None:
    """A date from a cell: Excel dates and serial numbers, “2001.07.01”, “2001.7”, “2001年7月1日”,
    “2001-7-1”, “20010701”, “2009-07-01 00:00:00”. A month without a day means the 1st of that
    month. What reads two ways (the number 2021.1: January or October?) or is only a year (2001)
    is refused, never guessed. Raises CellError."""
    check_cell(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    elif isinstance(value, bool):
        raise CellError(f"“{value}”不是日期")
    elif isinstance(value, (int, float)):
        number = float(value)
        if number == int(number):
            whole = int(number)
            if 19000101 <= whole <= 21001231 or 190001 <= whole <= 210012:
                return parse_date(str(whole))
            if MIN_YEAR <= whole <= MAX_YEAR:
                raise CellError(f"“{whole}”只有年份，没有月份和日期")
        elif 1900 < number < 2101:  # 2001.07 typed as a number: Excel keeps no trailing zero
            text = repr(number)
            if len(text.split(".")[1]) == 1 and text.endswith(".1"):
                raise CellError(f"数字 {text} 既可能是{text[:4]}年1月，也可能是{text[:4]}年10月，"
                                "请写成 2021.01 或 2021.10 并把单元格设为“文本”")
            return parse_date(f"{number:.2f}")
        if not 1 <= number <= 73051:  # 1900-01-01 .. 2099-12-31
            raise CellError(f"数字 {value} 不是有效的日期")
        d = (EXCEL_EPOCH + timedelta(days=int(number))).date()
    else:
        text = str(value).strip().translate(_FULL_WIDTH)
        m = re.fullmatch(r"(\d{4}-\d{1,2}-\d{1,2})[T\s]+0{1,2}:0{2}(:0{2}(\.0+)?)?", text)
        if m:  # a date Excel or a database wrote with its midnight
            text = m.group(1)
        text = re.sub(r"\s+", "", text)
        for pattern, kind in _DATE_PATTERNS:
            m = pattern.match(text)
            if m:
                y, mo = int(m.group(1)), int(m.group(2))
                day = int(m.group(3)) if kind == "ymd" else 1
                try:
                    d = date(y, mo, day)
                except ValueError:
                    raise CellError(f"“{value}”不是存在的日期") from None
                break
        else:
            raise CellError(f"“{value}”无法识别为日期（可写作 2001-07-01、2001.7.1、2001年7月1日）")
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise CellError(f"日期 {d.isoformat()} 超出合理范围（{MIN_YEAR}–{MAX_YEAR}年）")
    return d


def parse_past_date(value: Any, today: date) -> date | None:
    """parse_date, refusing a day after today: a step, a vote or a held meeting has happened (domain.md)."""
    d = parse_date(value)
    if d is not None and d > today:
        raise CellError(f"日期 {d.isoformat()} 在今天之后，已经发生的事不能记在将来")
    return d


def parse_id_number(value: Any) -> str | None:
    """An 18-character ID number. A number Excel has turned into 4.10102E+17 (or any number) has
    lost digits or may have: refused with a message saying so, never guessed. Full-width digits
    and X become ASCII, so one person never imports twice. Raises CellError."""
    check_cell(value)
    if value is None:
        return None
    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
        raise CellError(f"身份证号被 Excel 存成了数字（{value:.6g}），后几位可能已丢失，"
                        "请把该列设置为“文本”格式后重新输入完整号码")
    text = idcard.normalise(str(value))
    if not text:
        return None
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", text):
        raise CellError(f"身份证号显示为科学计数法（{text}），后几位已丢失，请把该列设置为“文本”格式后重新输入完整号码")
    text = text.lstrip("'")
    why = idcard.problem(text)
    if why:
        raise CellError(why)
    return idcard.normalise(text)


def parse_int(value: Any, *, minimum: int = 0, maximum: int = 100_000) -> int | None:
    check_cell(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        text = str(value).strip().translate(_FULL_WIDTH)
        number = float(text) if not isinstance(value, (int, float)) else float(value)
    except ValueError:
        raise CellError(f"“{value}”不是整数") from None
    if not math.isfinite(number) or number != int(number):
        raise CellError(f"“{value}”不是整数")
    if not minimum <= number <= maximum:
        raise CellError(f"{int(number)} 不在 {minimum}–{maximum} 之间")
    return int(number)


def parse_text(value: Any, *, max_len: int = 200) -> str:
    check_cell(value)
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    text = _ZERO_WIDTH.sub("", str(value)).strip()
    if len(text) > max_len:
        raise CellError(f"内容太长（{len(text)}个字，最多{max_len}个字）")
    return text


def parse_name(value: Any) -> str:
    """A person's name: stray spaces and zero-width characters inside it removed (“张 三” → “张三”)."""
    return re.sub(r"\s+", "", parse_text(value, max_len=50))
