"""Reading a 党费收缴表: one row per member (or 应缴/实缴 row pairs, as our own 台账 has them), one column
per month with the amount paid; the year from a 年度 column, the title above the header, the sheet's name
or the month headers (“2026年1月”). Every value of every column lands or is named: a 项目 the program
does not know, a month header it cannot read, a 合计 that disagrees, a dash, a footnote."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from dangjian_desktop.io.table_reader import (
    CellError,
    Row,
    Table,
    column_letter,
    parse_id_number,
    parse_int,
    parse_name,
    parse_text,
    read_table,
)

_CN_MONTHS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "党员姓名"),
    "id_number": ("公民身份号码", "身份证号", "身份证号码"),
    "item": ("项目", "类别"),
    "year": ("年度", "年份"),
    "standard": ("月缴纳标准", "应缴标准", "缴纳标准", "月应缴", "每月应缴", "月应缴党费", "每月应缴党费",
                 "月缴纳金额", "缴纳标准（元/月）"),
    "total": ("全年合计", "合计", "年度合计", "小计", "总计"),
    "note": ("备注", "说明", "免缴批准情况"),
    **{f"m{i}": (f"{i}月", f"{i:02d}月", f"{i}月份", f"{_CN_MONTHS[i - 1]}月", f"{i}月实缴", f"{i}月实交")
       for i in range(1, 13)},
    # a month as two columns (WPS: “1月” merged over 应缴 | 实缴): the 应缴 one
    **{f"d{i}": (f"{i}月应缴", f"{i}月应交") for i in range(1, 13)},
}
LABELS = {"standard": "月缴纳标准（应缴）", "total": "合计（与各月核对）",
          **{f"m{i}": f"{i}月" for i in range(1, 13)}, **{f"d{i}": f"{i}月应缴" for i in range(1, 13)}}
REQUIRED = ("name",)
UNPAID = {"未交", "未缴", "欠交", "欠缴", "0", "0.00", "无"}
DASHES = {"-", "—", "/", "－", "／", "——", "–", "\\"}
EXEMPT = {"免缴", "免交", "免"}
SKIP_NAMES = {"合计", "总计", "小计"}
DUE_ITEMS = {"应缴", "应交", "应收", "应缴党费", "应交党费", "应缴金额", "应交金额", "应缴标准"}
PAID_ITEMS = {"实缴", "实交", "已交", "已收", "已缴", "实收", "实缴党费", "实交党费", "实缴金额", "实交金额"}
_YEAR = re.compile(r"(19[2-9]\d|2[01]\d\d)\s*年")
_NOTE_ROW = re.compile(r"^(注|说明|备注|填表说明)\s*\d*\s*[:：]")
# a month header with its year: 2026年1月, 2026.2, 2026-04, 2026/6, 2026年1月份
_ITEM_SUFFIX = r"(应缴|应交|应收|实缴|实交|已交|已收|已缴|实收)?"
_MONTH_HEADER = re.compile(r"^(\d{4})\s*(?:年|\.|-|/|／|－)\s*(\d{1,2})\s*(?:月份?)?" + _ITEM_SUFFIX + "$")
_LOOKS_LIKE_MONTH = re.compile(r"^(?:\d{4}\s*(?:年|\.|-|/)\s*)?\d{1,2}\s*(?:月份?)?" + _ITEM_SUFFIX + "$"
                               r"|^\d{4}\s*年.*月")
# 备注 “5月补缴” or “5月补缴：外出务工”: that month's amount is 补缴 (as our own 台账 writes it)
_MAKEUP_NOTE = re.compile(r"(\d{1,2})\s*月\s*补[缴交](?:\s*[:：]\s*([^；;]*))?(?=$|[；;，,。\s:：])")
_MAKEUP_WORD = re.compile(r"补[缴交]")


@dataclass
class ParsedMonth:
    month: int  # 1–12
    paid: Decimal | None  # None: 免缴
    column: str  # the key, for `where`
    makeup: bool = False  # the 备注 says this month's amount is 补缴
    makeup_note: str = ""


@dataclass
class ParsedDuesRow:
    row: Row
    table: Table
    year: int
    name: str
    id_number: str | None
    note: str
    months: list[ParsedMonth] = field(default_factory=list)
    due: dict[int, Decimal] = field(default_factory=dict)  # the file's own 应缴 by month (a 应缴 row, a 标准 column)
    blank: set[int] = field(default_factory=set)  # month columns left blank (or 未交) on this row
    makeup_missing: list[int] = field(default_factory=list)  # “N月补缴” in the 备注, but no amount in that month
    id_row: int | None = None  # where the 身份证号 (or 姓名) was written, when carried down from a 应缴 row

    def where(self, key: str | None = None) -> str:
        if key in ("name", "id_number") and self.id_row:
            return self.table.where(self.id_row, key)
        return self.table.where(self.row, key)


@dataclass
class ParsedDues:
    file: str
    sheet: str
    rows: list[ParsedDuesRow]
    refused: list[str]
    table: Table
    notices: list[str] = field(default_factory=list)  # rows read and deliberately not imported, named


def shown(value) -> str:
    """A cell as the person wrote it: 62, not 62.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _title_year(path: Path, sheet: str, header_row: int) -> int | None:
    """A year written in the title rows above the header (“2025年党费收缴台账”), in any format we read."""
    from dangjian_desktop.io.table_reader import _grid, open_book

    book = open_book(path)
    try:
        grid, _ = _grid(book, Path(path).name, sheet)
    finally:
        book.close()
    for values in grid[:max(0, header_row - 1)]:
        for v in values:
            found = _YEAR.search(str(v or ""))
            if found:
                return int(found.group(1))
    return None


def _amount(value) -> Decimal | None | str:
    """A month's cell: an amount, "unpaid" (blank, 未交, 0), "dash" (—, /, -) or None for 免缴. Raises CellError."""
    if value is None:
        return "unpaid"
    if isinstance(value, bool):
        raise CellError(f"“{value}”不是金额")
    text = str(value).strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    if text in UNPAID or not text:
        return "unpaid"
    if text in DASHES:
        return "dash"
    if text in EXEMPT:
        return None
    try:
        amount = Decimal(text) if not isinstance(value, float) else Decimal(str(round(value, 2)))
    except InvalidOperation:
        if _MAKEUP_WORD.search(text):
            raise CellError(f"“{shown(value)}”不是金额：补缴请在所补的那个月写补缴的金额，并在同一行“备注”写明"
                            "“N月补缴”（如“5月补缴”），这一格只写这个月自己的金额") from None
        if "预交" in text or "预缴" in text:
            raise CellError(f"“{shown(value)}”不是金额：预交请在以后的各月分别写金额（未到的月份记为预交）") from None
        raise CellError(f"“{shown(value)}”不是金额（可写数字、未交或免缴）") from None
    if not amount.is_finite() or amount < 0:
        raise CellError(f"“{shown(value)}”不是有效金额")
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError(f"“{shown(value)}”最多到分（两位小数）")
    if amount == 0:
        return "unpaid"
    return amount.quantize(Decimal("0.01"))


def _more_months(table: Table, known_year: int | None, refused: list[str], rows_give_year: bool = False) -> int | None:
    """Month columns written as “2026年1月”, “2026.2”, “2026-04” or a plain 1…12 (under a title giving the year):
    read as months (their cells moved from the row's extras). A header that looks like a month but cannot be
    read is a problem. Returns the year the headers give (None if none)."""
    where = f"文件 {table.file}，工作表“{table.sheet}”，第{table.header_row}行"

    def refuse(use, text: str) -> None:
        refused.append(text)
        use.reason = "像是月份，但未能读出（见问题）"

    header_years: set[int] = set()
    found: list[tuple[object, int, int | None]] = []
    for use in table.accounting:
        if use.imported or not use.header:
            continue
        text = use.header.strip().translate(_FULL_WIDTH)
        if not _LOOKS_LIKE_MONTH.match(text):
            continue
        head = _MONTH_HEADER.match(text)
        digits = re.match(r"^(\d{1,2})\s*(?:月份?)?" + _ITEM_SUFFIX + "$", text)
        if head:
            year, month, item = int(head.group(1)), int(head.group(2)), head.group(3) or ""
        else:
            year, month, item = None, int(digits.group(1)) if digits else 0, (digits.group(2) or "") if digits else ""
        if not 1 <= month <= 12 or (year is not None and not 1921 <= year <= 2200):
            refuse(use, f"{where}，{use.letter}列“{use.header}”：像是月份，但读不出是几月"
                           "（请写作“1月”…“12月”或“2026年1月”）。")
            continue
        if year is not None:
            header_years.add(year)
        found.append((use, month, year, "d" if _item_kind(item) == "due" else "m"))
    year_of_headers = next(iter(header_years)) if len(header_years) == 1 else None
    if len(header_years) > 1:
        refused.append(f"{where}：月份表头写了几个年份（{'、'.join(str(y) for y in sorted(header_years))}），"
                       "一张表只能导入一年的党费，请分开导入。")
        return None
    year = known_year or year_of_headers
    for use, month, y, prefix in found:
        key = f"{prefix}{month}"
        if y is not None and year is not None and y != year:
            refuse(use, f"{where}，{use.letter}列“{use.header}”：是{y}年的月份，但这张表是{year}年的"
                           "（见标题或“年度”列），一张表只能导入一年的党费。")
            continue
        if y is None and year is None and not rows_give_year:
            refuse(use, f"{where}，{use.letter}列“{use.header}”：像是月份（{month}月），但不知道是哪一年：请在表格标题中"
                           "写明年份（如“2026年党费收缴表”），或把表头写作“2026年{month}月”。".replace("{month}",
                                                                                                str(month)))
            continue
        if key in table.columns:
            other = column_letter(table.columns[key])
            what = "应缴" if prefix == "d" else "实缴"
            refuse(use, f"{where}，{use.letter}列“{use.header}”：与{other}列都是{month}月的{what}，同一个月只能有一列"
                        "（每月分“应缴”“实缴”两列的，请在表头写明“1月应缴”“1月实缴”，或在月份下面一行写“应缴”“实缴”）。")
            continue
        column = _column_number(use.letter)
        table.columns[key] = column
        table.headers[key] = use.header
        use.key, use.label, use.reason = key, f"{month}月" + ("应缴" if prefix == "d" else ""), ""
        for row in table.rows:
            row.values[key] = row.extra.pop(use.letter, None)
    return year_of_headers


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－／", "0123456789.-/")


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _item_kind(item: str) -> str | None:
    """“due”, “paid”, "" (no 项目) or None (a value the program does not know)."""
    text = re.sub(r"\s+", "", item)
    if not text:
        return ""
    if text in DUE_ITEMS:
        return "due"
    if text in PAID_ITEMS:
        return "paid"
    return None


@dataclass
class _DueRow:
    name: str
    number: str | None
    year: int | None
    row: int
    due: dict[int, Decimal]
    used: bool = False


def read_dues_sheet(path: Path, sheet: str | None = None) -> ParsedDues:
    """Every row of the sheet as months paid, or a refusal saying where and why (nothing guessed)."""
    from dangjian_desktop.errors import ValidationError

    table = read_table(path, COLUMNS, REQUIRED, sheet, labels=LABELS)
    refused: list[str] = []
    notices: list[str] = []
    sheet_where = f"文件 {table.file}，工作表“{table.sheet}”"
    title_year = None
    if "year" not in table.columns:
        title_year = _title_year(path, table.sheet, table.header_row)
        if title_year is None and (found := _YEAR.search(table.sheet)):
            title_year = int(found.group(1))  # a sheet named “2026年党费”
    header_year = _more_months(table, title_year, refused, rows_give_year="year" in table.columns)
    month_keys = [(i, f"m{i}") for i in range(1, 13) if f"m{i}" in table.columns]
    if not month_keys:
        if refused:
            return ParsedDues(table.file, table.sheet, [], refused, table, notices)
        raise ValidationError(f"{sheet_where}：表头中没有月份列（1月、2月……12月）。")
    default_year = title_year or header_year or None
    due_keys = [(i, f"d{i}") for i in range(1, 13) if f"d{i}" in table.columns]
    _pairs_without_header(table, refused)
    rows: list[ParsedDuesRow] = []
    last: tuple[str, str | None, int, int | None] = ("", None, 0, None)  # name, number, row, year
    pending: _DueRow | None = None
    broken = False
    totals: list[str] = []
    footnotes: list[int] = []
    lonely_due: list[int] = []
    due_rows: list[int] = []
    dashes: list[str] = []
    for row in table.rows:
        v = row.values
        where = lambda key=None, row=row: table.where(row, key)  # noqa: E731
        try:
            raw_name = parse_text(v.get("name"), max_len=200)
            item = parse_text(v.get("item"))
            number = parse_id_number(v.get("id_number"))
        except CellError as exc:
            refused.append(f"{where('id_number' if 'id_number' in table.columns else 'name')}：{exc}。")
            last, broken = ("", None, row.number, None), True  # its 实缴 row below is not someone else's
            continue
        if _NOTE_ROW.match(raw_name):
            footnotes.append(row.number)
            continue
        name = parse_name(raw_name) if len(raw_name) <= 50 else raw_name
        if len(name) > 50:
            refused.append(f"{where('name')}：姓名太长（{len(name)}个字）。")
            continue
        if name in SKIP_NAMES:
            written = [f"{table.headers[k]} {shown(v[k])}" for k in table.columns if k not in ("name",)
                       and v.get(k) is not None]
            if written:
                totals.append(f"第{row.number}行（{'，'.join(written[:4])}{'……' if len(written) > 4 else ''}）")
            continue
        kind = _item_kind(item)
        carried = not name and not number and (bool(item) or (pending is not None and not pending.used))
        id_row = None
        if carried:  # the 实缴 row under its 应缴 row (姓名, 身份证号 and 年度 written once, or merged)
            if broken:
                continue  # the row it belongs to was refused: named there
            name, number, id_row = last[0], last[1], last[2]
        else:
            last, broken = (name, number, row.number, None), False
        if kind is None:
            refused.append(f"{where('item')}：{table.headers['item']}“{item}”不知道是应缴还是实缴"
                           "（可写“应缴”（应交、应收）或“实缴”（实交、已交、已收、已缴）），这一行未导入。")
            continue
        if not name and not number:
            if any(v.get(k) is not None for _, k in month_keys):
                refused.append(f"{where('name')}：没有姓名。")
            elif written := [f"{table.headers[k]}“{shown(x)}”" for k, x in v.items() if x is not None]:
                notices.append(f"{where()}：没有姓名，未导入（这一行写有{'、'.join(written[:3])}）。")
            continue
        if "year" in table.columns:
            try:
                year = parse_int(v.get("year"), minimum=1921, maximum=2200)
            except CellError as exc:
                refused.append(f"{where('year')}：{exc}。")
                continue
            if year is None and carried:
                year = last[3]
            if not carried:
                last = (name, number, row.number, year)
        else:
            year = default_year
        if year is None:
            refused.append(f"{where()}：不知道是哪一年的党费：请在表格标题中写明年份"
                           "（如“2025年党费收缴台账”），或加一列“年度”。")
            continue
        cells: dict[int, Decimal | None] = {}
        blank: set[int] = set()
        dash_here: list[str] = []
        bad = False
        for i, key in month_keys:
            try:
                amount = _amount(v.get(key))
            except CellError as exc:
                refused.append(f"{where(key)}：{exc}。")
                bad = True
                continue
            if amount == "dash":
                dash_here.append(f"{table.headers[key]}“{v.get(key)}”")
            if amount in ("unpaid", "dash"):
                blank.add(i)
                continue
            cells[i] = amount
        column_due: dict[int, Decimal] = {}
        for i, key in due_keys:
            try:
                amount = _amount(v.get(key))
            except CellError as exc:
                refused.append(f"{where(key)}：{exc}。")
                bad = True
                continue
            if isinstance(amount, Decimal):
                column_due[i] = amount
        if dash_here:
            dashes.append(f"第{row.number}行{'、'.join(dash_here)}")
        _check_total(table, row, [a for a in cells.values() if a is not None], notices)
        if kind == "due":
            if pending is not None and not pending.used:
                lonely_due.append(pending.row)
            pending = _DueRow(name, number, year, row.number, {i: a for i, a in cells.items() if a is not None})
            due_rows.append(row.number)
            continue
        parsed = ParsedDuesRow(row, table, year, name, number, parse_text(v.get("note"), max_len=500),
                               blank=blank, id_row=id_row)
        if pending is not None and not pending.used and (pending.name, pending.number) == (name, number) \
                and pending.year == year:
            parsed.due, pending.used = dict(pending.due), True
        elif pending is not None and not pending.used:
            lonely_due.append(pending.row)
            pending = None
        if column_due and not parsed.due:
            parsed.due = column_due
        if "standard" in table.columns and not parsed.due:
            try:
                standard = _amount(v.get("standard"))
            except CellError as exc:
                refused.append(f"{where('standard')}：{exc}。")
                continue
            if isinstance(standard, Decimal):
                parsed.due = {i: standard for i in range(1, 13)}
        if bad:
            continue
        makeup = {int(m.group(1)): (m.group(2) or "").strip() for m in _MAKEUP_NOTE.finditer(parsed.note)
                  if 1 <= int(m.group(1)) <= 12}
        for i, key in month_keys:
            if i not in cells:
                continue
            amount = cells[i]
            if amount is None and not parsed.note:
                refused.append(f"{where(key)}：免缴须写明批准情况，请在同一行的“备注”列写明（谁、何时批准）。")
                continue
            pm = ParsedMonth(i, amount, key)
            if i in makeup and amount is not None:
                pm.makeup, pm.makeup_note = True, makeup[i]
            parsed.months.append(pm)
        parsed.makeup_missing = [i for i in makeup if cells.get(i) is None]
        rows.append(parsed)
    if pending is not None and not pending.used:
        lonely_due.append(pending.row)
    due_rows = [n for n in due_rows if n not in lonely_due]
    if due_rows:
        notices.append(f"{sheet_where}：{_rows(due_rows)}是“应缴”行：金额用作应缴（有党费基数的党员按基数计算，"
                       "与文件不同的会提示），这些行的备注未导入。")
    if lonely_due:
        notices.append(f"{sheet_where}：{_rows(lonely_due)}是“应缴”行，下面没有这个人的“实缴”行，未导入"
                       "（应缴行的金额不是实缴）。")
    if totals:
        notices.append(f"{sheet_where}：{'、'.join(totals)}是合计行，未导入（合计由程序计算）。")
    if footnotes:
        notices.append(f"{sheet_where}：{_rows(footnotes)}是注释（“注：……”），不是党员，未导入。")
    if dashes:
        notices.append(f"{sheet_where}：{'；'.join(dashes)}，按未交（空白）处理，不登记。")
    return ParsedDues(table.file, table.sheet, rows, refused, table, notices)


def _pairs_without_header(table: Table, refused: list[str]) -> None:
    """A column with values but no header right of a month column: a month's “应缴”“实缴” pair whose lower header
    row was deleted (“1月” once over two columns). Which of the two is 实缴 cannot be known: a problem."""
    month_at = {c: k for k, c in table.columns.items() if re.fullmatch(r"[md]\d+", k)}
    found = []
    for use in table.accounting:
        if use.imported or use.header:
            continue
        left = month_at.get(_column_number(use.letter) - 1)
        if left is not None:
            found.append((use, table.headers[left]))
            use.reason = "没有表头（见问题）"
    if found:
        first = found[0][1]
        refused.append(f"文件 {table.file}，工作表“{table.sheet}”，第{table.header_row}行，"
                       f"{'、'.join(u.letter for u, _ in found)}列：没有表头，但有金额，各在一个月份列（“{first}”等）的右边："
                       f"如果每月分“应缴”“实缴”两列，请在表头写明“{first}应缴”“{first}实缴”（或在月份下面一行写"
                       "“应缴”“实缴”）；否则请删去这些列。")


def _check_total(table: Table, row: Row, amounts: list[Decimal], notices: list[str]) -> None:
    """A 合计 column the secretary wrote: compared with the months of its row, named when it disagrees."""
    if "total" not in table.columns or row.values.get("total") is None:
        return
    where = table.where(row, "total")
    try:
        total = _amount(row.values["total"])
    except CellError:
        notices.append(f"{where}：合计“{shown(row.values['total'])}”不是金额，未与各月核对。")
        return
    written = total if isinstance(total, Decimal) else Decimal(0)
    if written != sum(amounts, Decimal(0)):
        notices.append(f"{where}：合计 {shown(row.values['total'])} 与各月金额之和 {_money(sum(amounts, Decimal(0)))} "
                       "不同（导入的是各月的金额），请核对。")


def _money(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}"


def _rows(numbers: list[int]) -> str:
    shown_ = "、".join(str(n) for n in numbers[:10])
    return f"第{shown_}行" + (f"等 {len(numbers)} 行" if len(numbers) > 10 else "")
