"""Reading the spreadsheets secretaries really have: title rows, merged headers, messy dates.

Every import goes through here so that all of them recognise the same things and refuse
the same things (with the file, sheet, row and column in the message), never guessing.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Iterable

from openpyxl import load_workbook
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG as _DATA_TAG
from openpyxl.worksheet._reader import DIMENSION_TAG as _DIMENSION_TAG
from openpyxl.worksheet._reader import INLINE_STRING as _INLINE_STRING
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

from dangjian_desktop.core import idcard
from dangjian_desktop.errors import ValidationError

HEADER_SEARCH_ROWS = 15
MAX_ROWS = 200_000
EXCEL_EPOCH = datetime(1899, 12, 30)
MIN_YEAR, MAX_YEAR = 1900, 2100


class CellError(ValueError):
    """A cell whose value cannot be read; `str()` is the Chinese reason."""


@dataclass
class Row:
    number: int  # the row number as Excel shows it
    values: dict[str, Any]  # canonical key → raw cell value (None for empty)
    extra: dict[str, Any] = field(default_factory=dict)  # unrecognised columns, by header text


@dataclass
class Table:
    file: str
    sheet: str
    header_row: int
    columns: dict[str, int]  # canonical key → 1-based column
    headers: dict[str, str]  # canonical key → header text as written in the file
    rows: list[Row]
    ignored_headers: list[str]

    def where(self, row: Row | int, key: str | None = None) -> str:
        """“文件 名册.xlsx，工作表“花名册”，第5行，C列（身份证号）”."""
        number = row.number if isinstance(row, Row) else row
        text = f"文件 {self.file}，工作表“{self.sheet}”，第{number}行"
        if key is not None and key in self.columns:
            text += f"，{get_column_letter(self.columns[key])}列（{self.headers[key]}）"
        return text


def normalise_header(text: Any) -> str:
    """Header text without spaces, line breaks, stars or brackets: “公民身份\n号码（必填）*” → “公民身份号码”."""
    s = str(text or "")
    s = re.sub(r"[（(【\[].*?[）)】\]]", "", s)
    s = re.sub(r"[\s\u3000*＊:：]", "", s)
    return s.strip()


_T_TAG = f"{{{SHEET_MAIN_NS}}}t"
_RUN_TAG = f"{{{SHEET_MAIN_NS}}}r"


class _SheetParser(WorkSheetParser):
    """openpyxl's sheet parser, reading inline strings (`<c t="inlineStr"><is><t>…`) directly.

    openpyxl builds a Text object (descriptors, validation) for every inline string to take its
    `.content`; files written by openpyxl's write-only mode, our own exports among them, hold all
    their text that way, and that was a third of reading a 10,000-row roster. The text is the
    same: the plain `<t>`, then the `<t>` of each formatted run, phonetic runs left out."""

    def parse_cell(self, element):
        if element.get("t") != "inlineStr" or not self.data_only or self.rich_text:
            return super().parse_cell(element)
        coordinate = element.get("r")
        style_id = element.get("s", 0)
        if style_id:
            style_id = int(style_id)
        if coordinate:  # the cell's place, as WorkSheetParser.parse_cell finds it
            row, column = coordinate_to_tuple(coordinate)
            self.col_counter = column
        else:
            self.col_counter += 1
            row, column = self.row_counter, self.col_counter
        data_type, value = "inlineStr", None
        child = element.find(_INLINE_STRING)
        if child is not None:
            plain, runs = None, []
            for part in child:
                if part.tag == _T_TAG:
                    plain = part.text  # openpyxl keeps the last one
                elif part.tag == _RUN_TAG:
                    text = part.findtext(_T_TAG)
                    if text is not None:
                        runs.append(text)
            data_type, value = "s", "".join(runs) if plain is None else plain + "".join(runs)
        return {"row": row, "column": column, "value": value, "data_type": data_type, "style_id": style_id}


class _ReadOnlySheet(ReadOnlyWorksheet):
    """openpyxl's read-only sheet, finding the sheet's size without reading the whole sheet, and
    reading its cells with _SheetParser.

    openpyxl looks for `<dimension ref="A1:Z99">` among the elements it has finished parsing, and
    stops at the end of `<sheetData>`: a file without it (what openpyxl's write-only mode writes,
    so our own exports) is parsed in full once more just for that. Looking at start tags finds the
    same element, and stops where the data begins (a third of reading a 10,000-row roster)."""

    def _get_size(self):
        from xml.etree.ElementTree import iterparse

        from openpyxl.utils.cell import range_boundaries

        with self._get_source() as src:
            for _event, element in iterparse(src, events=("start",)):
                if element.tag == _DIMENSION_TAG:
                    if element.get("ref"):
                        (self._min_column, self._min_row, self._max_column,
                         self._max_row) = range_boundaries(element.get("ref"))
                    return
                if element.tag == _DATA_TAG:
                    return

    def _cells_by_row(self, min_col, min_row, max_col, max_row, values_only=False):
        """ReadOnlyWorksheet._cells_by_row (openpyxl 3.1) with _SheetParser."""
        filler = None if values_only else EMPTY_CELL
        max_col = max_col or self.max_column
        max_row = max_row or self.max_row
        empty_row = []
        if max_col is not None:
            empty_row = (filler,) * (max_col + 1 - min_col)
        counter = min_row
        idx = 1
        with self._get_source() as src:
            parser = _SheetParser(src, self._shared_strings, data_only=self.parent.data_only,
                                  epoch=self.parent.epoch, date_formats=self.parent._date_formats,
                                  timedelta_formats=self.parent._timedelta_formats)
            for idx, row in parser.parse():
                if max_row is not None and idx > max_row:
                    break
                for _ in range(counter, idx):  # some rows are missing
                    counter += 1
                    yield empty_row
                if counter <= idx:
                    row = self._get_row(row, min_col, max_col, values_only)
                    counter += 1
                    yield row
        if max_row is not None and max_row < idx:
            for _ in range(counter, max_row + 1):
                yield empty_row


def _load_read_only(path: Path):
    """`load_workbook(path, read_only=True, data_only=True)` with `_ReadOnlySheet` for its sheets."""
    from openpyxl.reader import excel

    original = excel.ReadOnlyWorksheet
    excel.ReadOnlyWorksheet = _ReadOnlySheet
    try:
        return load_workbook(path, read_only=True, data_only=True)
    finally:
        excel.ReadOnlyWorksheet = original


def _open_sheet(path: Path, sheet: str | None):
    name = path.name
    if not path.exists():
        raise ValidationError(f"找不到文件“{path}”。")
    if path.suffix.lower() == ".xls":
        raise ValidationError(f"文件 {name} 是旧版 Excel（.xls）格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。")
    try:
        wb = _load_read_only(path)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ValidationError(f"文件 {name} 不是有效的 .xlsx 工作簿（可能已损坏或不是 Excel 文件），无法读取。") from exc
    except Exception as exc:  # openpyxl raises many kinds on malformed XML
        raise ValidationError(f"文件 {name} 的内容无法解析（{type(exc).__name__}），请用 Excel 或 WPS 打开后重新保存再试。") from exc
    if sheet is not None:
        if sheet not in wb.sheetnames:
            raise ValidationError(f"文件 {name} 中没有名为“{sheet}”的工作表（有：{'、'.join(wb.sheetnames)}）。")
        return wb, wb[sheet]
    return wb, None


_MERGE_CELL = re.compile(rb"""<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*(["'])([^"']+)\1""")
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheet_part(z: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding the sheet's XML, found as Excel does: workbook.xml → its rels."""
    import posixpath
    from xml.etree import ElementTree as ET

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    def rels(part: str) -> dict[str, str]:
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", f"{name}.rels")
        out = {}
        for el in ET.fromstring(z.read(rels_part)).iter():
            if local(el.tag) == "Relationship" and el.get("Id") and el.get("Target"):
                target = el.get("Target")
                out[el.get("Id")] = (target.lstrip("/") if target.startswith("/")
                                     else posixpath.normpath(posixpath.join(folder, target)))
        return out

    workbook = next((t for t in rels("").values() if t.endswith(".xml") and "workbook" in t.lower()), None)
    for el in ET.fromstring(z.read(workbook or "xl/workbook.xml")).iter():
        if local(el.tag) == "sheet" and el.get("name") == sheet_name:
            rid = el.get(_REL_ID) or next((v for k, v in el.attrib.items() if local(k) == "id"), None)
            return rels(workbook or "xl/workbook.xml").get(rid)
    return None


def _merged_ranges(path: Path, sheet_name: str) -> list[tuple[int, int, int, int]]:
    """Merged cell ranges (min_row, min_col, max_row, max_col); read-only mode does not expose them,
    so they are read from the sheet's XML (`<mergeCell ref="A5:A7"/>`) without loading the workbook again."""
    from openpyxl.utils.cell import range_boundaries

    try:
        with zipfile.ZipFile(path) as z:
            part = _sheet_part(z, sheet_name)
            if part is None:
                return []
            ranges = []
            tail = b""
            with z.open(part) as f:
                while chunk := f.read(1 << 20):
                    data = tail + chunk
                    last = 0
                    for match in _MERGE_CELL.finditer(data):
                        min_col, min_row, max_col, max_row = range_boundaries(match.group(2).decode())
                        ranges.append((min_row, min_col, max_row, max_col))
                        last = match.end()
                    tail = data[max(last, len(data) - 512):]  # a tag cut by the chunk's end is read with the next
            return ranges
    except Exception:
        return []


def _match(variants: dict[str, tuple[str, ...]], text: str) -> str | None:
    if not text:
        return None
    for key, names in variants.items():
        if text in (normalise_header(n) for n in names):
            return key
    return None


def read_table(
    path: str | Path,
    columns: dict[str, tuple[str, ...]],
    required: Iterable[str] = (),
    sheet: str | None = None,
) -> Table:
    """Find the header row (under any title rows) in the first sheet that has one, and read the rows.

    `columns` maps a canonical key to the header variants it may be written as. Header cells
    merged across two rows (e.g. “入党” above “日期”) are read as one header. Raises
    ValidationError when the file cannot be read or a required column is missing.
    """
    path = Path(path)
    required = list(required)
    wb, ws_named = _open_sheet(path, sheet)
    try:
        candidates = [ws_named] if ws_named is not None else list(wb.worksheets)
        best = None
        for ws in candidates:
            try:
                top = [list(r) for r in ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS + 1, values_only=True)]
            except Exception as exc:
                raise ValidationError(f"文件 {path.name} 的工作表“{ws.title}”无法读取（{type(exc).__name__}）。") from exc
            for i, row in enumerate(top):
                found = {}
                for c, value in enumerate(row, start=1):
                    key = _match(columns, normalise_header(value))
                    if key and key not in found:
                        found[key] = c
                # a two-row header: the row below may complete it ("入党" over "日期"),
                # but only for a row that is itself a header
                if found and i + 1 < len(top):
                    below = top[i + 1]
                    for c, value in enumerate(below, start=1):
                        above = row[c - 1] if c - 1 < len(row) else None
                        for combo in (normalise_header(f"{above or ''}{value or ''}"), normalise_header(value)):
                            key = _match(columns, combo)
                            if key and key not in found and value not in (None, ""):
                                found[key] = -c  # marks a header that ends one row lower
                                break
                direct = [k for k, c in found.items() if c > 0]
                score = (sum(1 for k in found if k in required) * 100 + len(direct) * 10
                         + len(found) - len(direct))
                if best is None or score > best[0]:
                    best = (score, ws, i + 1, found)
        if best is None or best[0] == 0:
            names = "、".join(columns[k][0] for k in required) if required else "姓名"
            raise ValidationError(f"文件 {path.name} 中找不到表头行（前{HEADER_SEARCH_ROWS}行中应有 {names} 等列名），"
                                  "请检查是否选错了文件。")
        _, ws, header_row, found = best
        two_row = any(c < 0 for c in found.values())
        column_of = {k: abs(c) for k, c in found.items()}
        missing = [k for k in required if k not in column_of]
        if missing:
            names = "、".join(f"“{columns[k][0]}”" for k in missing)
            raise ValidationError(f"文件 {path.name}，工作表“{ws.title}”：第{header_row}行的表头中缺少 {names} 列"
                                  f"（可写作：{'；'.join('/'.join(columns[k]) for k in missing)}）。")
        first_data = header_row + (2 if two_row else 1)
        header_values = next(ws.iter_rows(min_row=header_row, max_row=header_row, values_only=True), ())
        headers = {}
        for k, c in column_of.items():
            raw = header_values[c - 1] if c - 1 < len(header_values) else None
            headers[k] = str(raw).strip() if raw not in (None, "") else columns[k][0]
        used = set(column_of.values())
        ignored = [str(v).strip() for c, v in enumerate(header_values, start=1) if v not in (None, "") and c not in used]
        rows: list[Row] = []
        sheet_title = ws.title
        try:
            for number, values in enumerate(ws.iter_rows(min_row=first_data, values_only=True), start=first_data):
                if number - first_data > MAX_ROWS:
                    raise ValidationError(f"文件 {path.name} 的行数超过 {MAX_ROWS} 行，请分批导入。")
                picked = {k: _clean(values[c - 1]) if c - 1 < len(values) else None for k, c in column_of.items()}
                if all(v is None for v in picked.values()):
                    continue  # blank line, or a merged block's lower cells
                extra = {}
                for c, v in enumerate(header_values, start=1):
                    if c not in used and v not in (None, "") and c - 1 < len(values) and values[c - 1] not in (None, ""):
                        extra[str(v).strip()] = values[c - 1]
                rows.append(Row(number, picked, extra))
        except ValidationError:
            raise
        except Exception as exc:
            raise ValidationError(f"文件 {path.name} 的工作表“{sheet_title}”读取到一半出错（{type(exc).__name__}），"
                                  "请用 Excel 或 WPS 打开后重新保存再试。") from exc
    finally:
        wb.close()
    # vertically merged data cells (e.g. one 党小组 merged over several people): fill down
    merged = [r for r in _merged_ranges(path, sheet_title) if r[0] >= first_data and r[2] > r[0]] if rows else []
    if merged:
        by_number = {row.number: row for row in rows}
        for min_row, min_col, max_row, max_col in merged:
            for k, c in column_of.items():
                if min_col <= c <= max_col and min_row in by_number:
                    top_value = by_number[min_row].values.get(k)
                    for n in range(min_row + 1, max_row + 1):
                        if n in by_number and by_number[n].values.get(k) is None:
                            by_number[n].values[k] = top_value
    return Table(path.name, sheet_title, header_row, column_of, headers, rows, ignored)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.replace("\u3000", " ").strip()
        return value or None
    return value


# ---------------------------------------------------------------- cell values

_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$"), "ymd"),
    (re.compile(r"^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?$"), "ym"),
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), "ymd"),
    (re.compile(r"^(\d{4})(\d{2})$"), "ym"),
)


def parse_date(value: Any) -> date | None:
    """A date from a cell: Excel dates and serial numbers, “2001.07.01”, “2001.7”, “2001年7月1日”,
    “2001-7-1”, “20010701”. A month without a day means the 1st of that month. Raises CellError."""
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
        if 19000101 <= number <= 21001231 and number == int(number):
            return parse_date(str(int(number)))
        if 190001 <= number <= 210012 and number == int(number):
            return parse_date(str(int(number)))
        if 1900 < number < 2101 and number != int(number):  # 2001.07 typed as a number
            text = f"{number:.2f}"
            return parse_date(text)
        if not 1 <= number <= 73051:  # 1900-01-01 .. 2099-12-31
            raise CellError(f"数字 {value} 不是有效的日期")
        d = (EXCEL_EPOCH + timedelta(days=int(number))).date()
    else:
        text = str(value).strip().replace("．", ".").replace("／", "/").replace("－", "-")
        text = re.sub(r"\s+", "", text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", text):
            text = text[:10]
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


def parse_id_number(value: Any) -> str | None:
    """An 18-character ID number. A number Excel has turned into 4.10102E+17 (or any number) has
    lost digits or may have: refused with a message saying so, never guessed. Raises CellError."""
    if value is None:
        return None
    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
        raise CellError(f"身份证号被 Excel 存成了数字（{value:.6g}），后几位可能已丢失，"
                        "请把该列设置为“文本”格式后重新输入完整号码")
    text = str(value).strip().replace(" ", "").replace("\u3000", "")
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
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).strip()) if not isinstance(value, (int, float)) else float(value)
    except ValueError:
        raise CellError(f"“{value}”不是整数") from None
    if number != int(number):
        raise CellError(f"“{value}”不是整数")
    if not minimum <= number <= maximum:
        raise CellError(f"{int(number)} 不在 {minimum}–{maximum} 之间")
    return int(number)


def parse_text(value: Any, *, max_len: int = 200) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    text = str(value).strip()
    if len(text) > max_len:
        raise CellError(f"内容太长（{len(text)}个字，最多{max_len}个字）")
    return text
