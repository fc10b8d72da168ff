"""Reading a 党费收缴表: one row per member (or 应缴/实缴 row pairs, as our own 台账 has them), one column
per month with the amount paid; the year from a 年度 column or the title above the header."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from dangjian_desktop.io.table_reader import CellError, Row, Table, parse_id_number, parse_int, parse_text, read_table

_CN_MONTHS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "党员姓名"),
    "id_number": ("公民身份号码", "身份证号", "身份证号码"),
    "item": ("项目", "类别"),
    "year": ("年度", "年份"),
    "note": ("备注", "说明", "免缴批准情况"),
    **{f"m{i}": (f"{i}月", f"{i:02d}月", f"{i}月份", f"{_CN_MONTHS[i - 1]}月") for i in range(1, 13)},
}
REQUIRED = ("name",)
UNPAID = {"未交", "未缴", "欠交", "欠缴", "-", "—", "/", "0", "0.00", "无"}
EXEMPT = {"免缴", "免交", "免"}
SKIP_NAMES = {"合计", "总计", "小计"}
_YEAR = re.compile(r"(19[2-9]\d|2[01]\d\d)\s*年")


@dataclass
class ParsedMonth:
    month: int  # 1–12
    paid: Decimal | None  # None: 免缴
    column: str  # the key, for `where`


@dataclass
class ParsedDuesRow:
    row: Row
    table: Table
    year: int
    name: str
    id_number: str | None
    note: str
    months: list[ParsedMonth] = field(default_factory=list)

    def where(self, key: str | None = None) -> str:
        return self.table.where(self.row, key)


@dataclass
class ParsedDues:
    file: str
    sheet: str
    rows: list[ParsedDuesRow]
    refused: list[str]
    table: Table
    notices: list[str] = field(default_factory=list)  # rows read and deliberately not imported, named


def _title_year(path: Path, sheet: str, header_row: int) -> int | None:
    """A year written in the title rows above the header (“2025年党费收缴台账”)."""
    if Path(path).suffix.lower() not in (".xlsx", ".xlsm"):
        return None  # (the title of an .xls/.ods/.et sheet is not read: a 年度 column says the year)
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[sheet]
        for values in ws.iter_rows(min_row=1, max_row=max(1, header_row - 1), values_only=True):
            for v in values:
                found = _YEAR.search(str(v or ""))
                if found:
                    return int(found.group(1))
    finally:
        wb.close()
    return None


def _amount(value) -> Decimal | None | str:
    """A month's cell: an amount, "unpaid" (blank, 未交, 0) or None for 免缴. Raises CellError."""
    if value is None:
        return "unpaid"
    if isinstance(value, bool):
        raise CellError(f"“{value}”不是金额")
    text = str(value).strip().replace(",", "").replace("，", "").removesuffix("元")
    if text in UNPAID or not text:
        return "unpaid"
    if text in EXEMPT:
        return None
    try:
        amount = Decimal(text) if not isinstance(value, float) else Decimal(str(round(value, 2)))
    except InvalidOperation:
        raise CellError(f"“{value}”不是金额（可写数字、未交或免缴）") from None
    if not amount.is_finite() or amount < 0:
        raise CellError(f"“{value}”不是有效金额")
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError(f"“{value}”最多到分（两位小数）")
    if amount == 0:
        return "unpaid"
    return amount.quantize(Decimal("0.01"))


def read_dues_sheet(path: Path, sheet: str | None = None) -> ParsedDues:
    """Every row of the sheet as months paid, or a refusal saying where and why (nothing guessed)."""
    table = read_table(path, COLUMNS, REQUIRED, sheet)
    if not any(f"m{i}" in table.columns for i in range(1, 13)):
        raise_missing = f"文件 {table.file}，工作表“{table.sheet}”：表头中没有月份列（1月、2月……12月）。"
        from dangjian_desktop.errors import ValidationError

        raise ValidationError(raise_missing)
    title_year = _title_year(path, table.sheet, table.header_row) if "year" not in table.columns else None
    refused: list[str] = []
    rows: list[ParsedDuesRow] = []
    last_name = ""
    last_number = None
    skipped: dict[str, list[int]] = {"应缴": [], "合计": []}
    for row in table.rows:
        v = row.values
        item = parse_text(v.get("item"))
        try:
            name = parse_text(v.get("name"), max_len=50)
            number = parse_id_number(v.get("id_number"))
        except CellError as exc:
            refused.append(f"{table.where(row, 'id_number')}：{exc}。")
            continue
        if not name and item:
            name, number = last_name, number or last_number  # the 实缴 row under its 应缴 row
        last_name, last_number = name, number
        if name in SKIP_NAMES or item == "应缴":
            # totals, and 应缴 (the program computes it from the base): named in the preview, not imported
            if any(v.get(f"m{i}") is not None for i in range(1, 13)):
                skipped["应缴" if item == "应缴" else "合计"].append(row.number)
            continue
        if not name:
            if any(v.get(f"m{i}") is not None for i in range(1, 13)):
                refused.append(f"{table.where(row, 'name')}：没有姓名。")
            continue
        if "year" in table.columns:
            try:
                year = parse_int(v.get("year"), minimum=1921, maximum=2200)
            except CellError as exc:
                refused.append(f"{table.where(row, 'year')}：{exc}。")
                continue
        else:
            year = title_year
        if year is None:
            refused.append(f"{table.where(row)}：不知道是哪一年的党费：请在表格标题中写明年份"
                           "（如“2025年党费收缴台账”），或加一列“年度”。")
            continue
        parsed = ParsedDuesRow(row, table, year, name, number, parse_text(v.get("note"), max_len=500))
        for i in range(1, 13):
            key = f"m{i}"
            if key not in table.columns:
                continue
            try:
                amount = _amount(v.get(key))
            except CellError as exc:
                refused.append(f"{table.where(row, key)}：{exc}。")
                continue
            if amount == "unpaid":
                continue
            if amount is None and not parsed.note:
                refused.append(f"{table.where(row, key)}：免缴须写明批准情况，请在同一行的“备注”列写明（谁、何时批准）。")
                continue
            parsed.months.append(ParsedMonth(i, amount, key))
        rows.append(parsed)
    notices = []
    where = f"文件 {table.file}，工作表“{table.sheet}”"
    if skipped["应缴"]:
        notices.append(f"{where}：{_rows(skipped['应缴'])}是“应缴”行，未导入（应缴由程序按各人的党费基数计算，"
                       "可在党费页核对）。")
    if skipped["合计"]:
        notices.append(f"{where}：{_rows(skipped['合计'])}是合计行，未导入（合计由程序计算）。")
    return ParsedDues(table.file, table.sheet, rows, refused, table, notices)


def _rows(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:10])
    return f"第{shown}行" + (f"等 {len(numbers)} 行" if len(numbers) > 10 else "")
