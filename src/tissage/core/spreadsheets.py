"""Reading and writing the spreadsheets organisers live in: CSV and XLSX.

Reading gives a :class:`Table`: the header row and the data rows, each with its 1-based line
number as the organiser sees it in a spreadsheet program (the header is line 1; a CSV value
spanning several physical lines is still one line). Empty rows are skipped but keep the
numbering. Cells are text, or dates when an XLSX cell holds a date.

CSV may be UTF-8 (with or without the byte-order mark Excel adds), UTF-16 with a byte-order
mark, or the legacy Windows encodings found in older files (Windows-1252 for Western Europe,
Windows-1251 for Cyrillic); the delimiter (``,``, ``;`` or tab) is sniffed from the header.

Writing protects the organiser's spreadsheet program: a CSV cell starting with ``=``, ``+``,
``-`` or ``@`` is prefixed with an apostrophe so that it is never run as a formula (reading
removes that apostrophe again), and XLSX cells are always stored as values, never formulas.
"""

import codecs
import csv
import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 100

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

Cell = str | datetime.date

# Legacy encodings tried when a CSV file is not UTF-8, in order of preference on a tie.
LEGACY_ENCODINGS = ("cp1252", "cp1251")
DELIMITERS = (",", ";", "\t")
# Characters that make a spreadsheet program read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ZIP_MAGIC = b"PK\x03\x04"


class SpreadsheetError(ValueError):
    """The file cannot be read as a table; the message says why, for the organiser."""


@dataclass(frozen=True)
class Row:
    line: int
    values: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]


def _not_a_spreadsheet() -> SpreadsheetError:
    return SpreadsheetError(_("This is not a CSV or XLSX file."))


def read_table(data: bytes, *, filename: str, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> Table:
    """Read a CSV or XLSX file (told apart by its extension, checked against its content)."""
    if len(data) > max_bytes:
        raise SpreadsheetError(
            _("The file is larger than %(size)s; split it into smaller files.")
            % {"size": filesizeformat(max_bytes)}
        )
    extension = PurePath(filename).suffix.lower().lstrip(".")
    if extension == "xlsx" and data.startswith(ZIP_MAGIC):
        records = _xlsx_records(data)
    elif extension == "csv" and not data.startswith(ZIP_MAGIC):
        records = _csv_records(data)
    else:
        raise _not_a_spreadsheet()
    return _table(records, max_rows=max_rows)


def _table(records: Iterable[tuple[Cell, ...]], *, max_rows: int) -> Table:
    header: tuple[str, ...] | None = None
    rows: list[Row] = []
    for line, values in enumerate(records, start=1):
        if not any(values):
            continue
        if header is None:
            header = tuple(str(value) for value in _trim(values))
            if len(header) > MAX_COLUMNS:
                raise SpreadsheetError(_("The file has more than %(max)s columns.") % {"max": MAX_COLUMNS})
            continue
        if len(rows) == max_rows:
            raise SpreadsheetError(
                _("The file has more than %(max)s rows; split it into smaller files.") % {"max": max_rows}
            )
        rows.append(Row(line=line, values=values))
    if header is None:
        raise SpreadsheetError(_("The file is empty."))
    return Table(header=header, rows=tuple(rows))


def _trim(values: tuple[Cell, ...]) -> tuple[Cell, ...]:
    end = len(values)
    while end and values[end - 1] == "":
        end -= 1
    return values[:end]


# Reading CSV


def _csv_records(data: bytes) -> Iterable[tuple[Cell, ...]]:
    text = _decode(data)
    if "\x00" in text:
        raise _not_a_spreadsheet()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    return (tuple(_unprotect(value.strip()) for value in record) for record in reader)


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in LEGACY_ENCODINGS:
        try:
            candidates.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise SpreadsheetError(_("The text encoding of this file is not recognised; save it as CSV UTF-8."))
    return min(candidates, key=_implausibility)


WORD = re.compile(r"[^\W\d_]+")


def _implausibility(text: str) -> int:
    """How many words look like mis-decoded text.

    Windows-1252 and Windows-1251 decode almost any bytes, so the one that reads better wins:
    Russian read as Windows-1252 gives words made only of accented Latin letters ("Àííà"),
    and French read as Windows-1251 gives words mixing Latin and Cyrillic letters ("Hйlиne").
    """
    count = 0
    for word in WORD.findall(text):
        ascii_letters = sum(letter.isascii() for letter in word)
        scripts = {unicodedata.name(letter, "").split(" ")[0] for letter in word if not letter.isascii()}
        if (ascii_letters == 0 and len(word) > 1 and "LATIN" in scripts) or (
            ascii_letters and "CYRILLIC" in scripts
        ):
            count += 1
    return count


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header line into the most columns."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    return max(DELIMITERS, key=lambda delimiter: len(next(csv.reader([first_line], delimiter=delimiter))))


def _unprotect(value: str) -> str:
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


# Reading XLSX


def _xlsx_records(data: bytes) -> Iterable[tuple[Cell, ...]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise _not_a_spreadsheet() from error
    try:
        if not workbook.worksheets:
            raise SpreadsheetError(_("The file is empty."))
        records = [
            tuple(_xlsx_cell(value) for value in row)
            for row in workbook.worksheets[0].iter_rows(values_only=True)
        ]
    finally:
        workbook.close()
    return records


def _xlsx_cell(value) -> Cell:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time(0) else value
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.time):
        return value.isoformat()
    return str(value).strip()


# Writing


def write_table(fmt: str, header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """The table as a file of format ``fmt`` (one of :data:`FORMATS`)."""
    return {"csv": write_csv, "xlsx": write_xlsx}[fmt](header, rows)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def write_csv(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens accents and Cyrillic right."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(_protect(_text(value)) for value in row)
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def _protect(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


MIN_WIDTH, MAX_WIDTH = 8, 50


def write_xlsx(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """One sheet: bold, frozen header row, columns as wide as their content (within limits)."""
    rows = [list(row) for row in rows]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for index, name in enumerate(header, start=1):
        longest = max((len(_text(row[index - 1])) for row in rows if index <= len(row)), default=0)
        width = min(MAX_WIDTH, max(MIN_WIDTH, len(name), longest) + 2)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_header_cell(sheet, name, bold) for name in header])
    for row in rows:
        sheet.append([_value_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header_cell(sheet, name: str, font: Font) -> WriteOnlyCell:
    cell = _value_cell(sheet, name)
    cell.font = font
    return cell


def _value_cell(sheet, value) -> WriteOnlyCell:
    cell = WriteOnlyCell(
        sheet, value=value if isinstance(value, int | float | datetime.date) else _text(value)
    )
    if cell.data_type == "f":
        # A text starting with "=" stays text: exported data is never run as a formula.
        cell.data_type = "s"
    return cell
