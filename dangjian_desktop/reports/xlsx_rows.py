"""Body rows of a constant-memory XlsxWriter sheet written as the XML XlsxWriter itself would write.

A speed trick, kept here and nowhere else: XlsxWriter spends most of its time per cell (argument
checks, a cell tuple, attribute escaping, inline-string escaping) and a 党委's 党费收缴台账 has 375,000
cells. `Rows` writes each body row's XML in one string through the sheet's own file handle and
leaves the sheet's state (dimensions, the row being written) as XlsxWriter's own writes would, so the
header above and the totals below are written the ordinary way. It uses XlsxWriter internals
(`fh`, `previous_row`, `_write_single_row`, `_check_dimensions`, `Format._get_xf_index`), so
pyproject pins xlsxwriter 3.x and tests/reports/test_dues_ledger.py compares the sheet's XML with the
one the ordinary `write_*` calls make (bench: dues-ledger).
"""

from __future__ import annotations

from typing import Any, Sequence

from xlsxwriter.utility import _preserve_whitespace, xl_col_to_name
from xlsxwriter.xmlwriter import XMLwriter


class PlainRows:
    """The ordinary way, cell by cell: the reference `Rows` is compared with."""

    def __init__(self, ws, first_row: int) -> None:
        self.ws, self.row = ws, first_row

    def add(self, values: Sequence[Any], formats: Sequence[Any], height: float | None = None) -> None:
        """`height`: the row's height in points (None: the default)."""
        ws, r = self.ws, self.row
        if height is not None:
            ws.set_row(r, height)
        for c, (v, f) in enumerate(zip(values, formats)):
            if v is None:
                ws.write_blank(r, c, None, f)
            elif type(v) is str:
                ws.write_string(r, c, v, f)
            else:
                ws.write_number(r, c, v, f)
        self.row += 1

    def close(self) -> int:
        return self.row


class Rows(PlainRows):
    """Rows from `first_row` on, each a sequence of values (None: a blank cell with its format, str: text,
    else a number) with one format per column, and the row's height if it is not the default."""

    def __init__(self, ws, first_row: int, ncols: int) -> None:
        super().__init__(ws, first_row)
        if not ws.constant_memory:
            raise ValueError("Rows writes a constant-memory sheet")
        ws._write_single_row(first_row)  # what was written above goes to the file first, as XlsxWriter does
        self.names = [xl_col_to_name(c) for c in range(ncols)]
        self._texts: dict[str, str] = {}
        self._xf: dict[int, int] = {}
        self.written = False

    def _s(self, fmt) -> int:
        key = id(fmt)
        xf = self._xf.get(key)
        if xf is None:
            xf = self._xf[key] = fmt._get_xf_index()
        return xf

    def _text(self, text: str) -> str:
        """The inline string after its cell's attributes, escaped as XlsxWriter's _write_cell does."""
        out = self._texts.get(text)
        if out is None:
            escaped = XMLwriter._escape_control_characters(text)
            if escaped.startswith("<r>") and escaped.endswith("</r>"):  # XlsxWriter's rich-string case
                out = f' t="inlineStr"><is>{escaped}</is></c>'
            else:
                t_attr = ' xml:space="preserve"' if _preserve_whitespace(escaped) else ""
                data = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                out = f' t="inlineStr"><is><t{t_attr}>{data}</t></is></c>'
            if len(self._texts) < 100_000:
                self._texts[text] = out
        return out

    def _height(self, height: float | None) -> str:
        """The row's height attributes as XlsxWriter's set_row and _write_row make them (whole pixels)."""
        if height is None:
            return ""
        ws, pixels = self.ws, int(height * 4.0 / 3.0 + 0.5)
        if pixels == ws.original_row_height == ws.default_row_height:
            return ""
        return f' ht="{pixels * 0.75:.16g}" customHeight="1"'

    def add(self, values: Sequence[Any], formats: Sequence[Any], height: float | None = None) -> None:
        r = self.row + 1
        names, s, text = self.names, self._s, self._text
        parts = [f'<row r="{r}"{self._height(height)}>']
        append = parts.append
        for c, v in enumerate(values):
            attrs = f'<c r="{names[c]}{r}" s="{s(formats[c])}"'
            if v is None:
                append(attrs + "/>")
            elif type(v) is str:
                append(attrs + text(v))
            else:
                append(f"{attrs}><v>{v:.16G}</v></c>")
        append("</row>")
        self.ws.fh.write("".join(parts))
        self.row += 1
        self.written = True

    def close(self) -> int:
        """Leave the sheet as if XlsxWriter had written the rows; the next row to write."""
        ws = self.ws
        if self.written:
            ws._check_dimensions(self.row - 1, len(self.names) - 1)
            ws._check_dimensions(self.row - 1, 0)
        ws.previous_row = self.row
        return self.row
