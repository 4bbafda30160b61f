import datetime
import io

import pytest
from openpyxl import Workbook, load_workbook

from tissage.core.spreadsheets import Row, SpreadsheetError, read_table, write_csv, write_xlsx

from ..spreadsheet_files import csv_file, csv_rows, xlsx_file, xlsx_rows

HEADER = ["email", "given_name", "family_name"]


def test_read_table_reads_utf8_csv_with_bom_and_semicolons():
    data = csv_file([HEADER, ["ines@example.cd", "Inès", "Mbuyi"]], delimiter=";")
    table = read_table(data, filename="people.csv")
    assert table.header == ("email", "given_name", "family_name")
    assert table.rows == (Row(line=2, values=("ines@example.cd", "Inès", "Mbuyi")),)


def test_read_table_reads_utf8_csv_without_bom_and_strips_spaces():
    data = csv_file([HEADER, [" ines@example.cd ", "Inès", "Mbuyi"]], encoding="utf-8")
    assert read_table(data, filename="PEOPLE.CSV").rows[0].values == ("ines@example.cd", "Inès", "Mbuyi")


def test_read_table_recognises_cyrillic_in_windows_1251():
    data = csv_file([HEADER, ["anna@example.ru", "Анна", "Хатанзейская"]], encoding="cp1251", delimiter=";")
    assert read_table(data, filename="people.csv").rows[0].values == (
        "anna@example.ru",
        "Анна",
        "Хатанзейская",
    )


def test_read_table_recognises_accents_in_windows_1252():
    data = csv_file([HEADER, ["helene@example.fr", "Hélène", "Barbé"]], encoding="cp1252")
    assert read_table(data, filename="people.csv").rows[0].values == ("helene@example.fr", "Hélène", "Barbé")


def test_read_table_reads_utf16_with_byte_order_mark_and_tabs():
    data = csv_file([HEADER, ["anna@example.ru", "Анна", "Ледкова"]], encoding="utf-16", delimiter="\t")
    assert read_table(data, filename="people.csv").rows[0].values == ("anna@example.ru", "Анна", "Ледкова")


def test_read_table_numbers_lines_as_the_spreadsheet_shows_them():
    data = csv_file(
        [
            HEADER,
            ["a@example.org", "A", "One"],
            ["", "", ""],
            ["b@example.org", "B", "Two\nlines"],
            ["c@x.org"],
        ]
    )
    table = read_table(data, filename="people.csv")
    assert [(row.line, row.values) for row in table.rows] == [
        (2, ("a@example.org", "A", "One")),
        (4, ("b@example.org", "B", "Two\nlines")),
        (5, ("c@x.org",)),
    ]


def test_read_table_removes_the_apostrophe_that_protects_formulas():
    data = csv_file([["phone", "note"], ["'+33 4 91 00 00 00", "'=not a formula"]])
    assert read_table(data, filename="people.csv").rows[0].values == ("+33 4 91 00 00 00", "=not a formula")


def test_read_table_reads_the_first_xlsx_sheet_as_values():
    workbook = Workbook()
    workbook.active.append(["name", "session", "arrives_on", "total", "phone"])
    workbook.active.append(["Anna", 2, datetime.datetime(2004, 5, 10), "=1+1", 33491000000])
    workbook.create_sheet("Other").append(["ignored"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), filename="people.xlsx")
    assert table.header == ("name", "session", "arrives_on", "total", "phone")
    # A formula is read as its computed value; a file saved without computing it gives nothing.
    assert table.rows == (Row(line=2, values=("Anna", "2", datetime.date(2004, 5, 10), "", "33491000000")),)


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"email\nines@example.cd\n", "people.txt"),
        (b"email\nines@example.cd\n", "people.xlsx"),
        (xlsx_file([HEADER]), "people.csv"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00binary", "people.csv"),
        (b"PK\x03\x04not really a zip", "people.xlsx"),
        (b"", "people"),
    ],
)
def test_read_table_refuses_what_is_not_a_csv_or_xlsx_file(data, filename):
    with pytest.raises(SpreadsheetError) as caught:
        read_table(data, filename=filename)
    assert str(caught.value) == "This is not a CSV or XLSX file."


def test_read_table_refuses_a_file_too_large():
    with pytest.raises(SpreadsheetError) as caught:
        read_table(b"email\n" + b"a@example.org\n" * 100, filename="people.csv", max_bytes=1024)
    assert str(caught.value) == "The file is larger than 1.0\xa0KB; split it into smaller files."


def test_read_table_refuses_too_many_rows():
    data = csv_file([["email"]] + [[f"p{n}@example.org"] for n in range(11)])
    assert len(read_table(data, filename="people.csv", max_rows=11).rows) == 11
    with pytest.raises(SpreadsheetError) as caught:
        read_table(data, filename="people.csv", max_rows=10)
    assert str(caught.value) == "The file has more than 10 rows; split it into smaller files."


def test_read_table_refuses_an_empty_file():
    with pytest.raises(SpreadsheetError) as caught:
        read_table(b"\r\n;;\r\n", filename="people.csv")
    assert str(caught.value) == "The file is empty."


def test_write_csv_adds_a_bom_and_keeps_formulas_from_running():
    data = write_csv(
        ["name", "phone", "arrives_on"], [['=HYPERLINK("x")', "+33 4 91", datetime.date(2004, 5, 10)]]
    )
    assert csv_rows(data) == [
        ["name", "phone", "arrives_on"],
        ['\'=HYPERLINK("x")', "'+33 4 91", "2004-05-10"],
    ]
    assert read_table(data, filename="back.csv").rows[0].values == (
        '=HYPERLINK("x")',
        "+33 4 91",
        "2004-05-10",
    )


def test_write_xlsx_has_a_bold_frozen_header_sized_columns_and_no_formulas():
    data = write_xlsx(
        ["email", "n", "arrives_on"],
        [["ines@example.cd", 2, datetime.date(2004, 5, 10)], ["=1+1", None, None]],
    )
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert xlsx_rows(data) == [
        ["email", "n", "arrives_on"],
        ["ines@example.cd", 2, datetime.datetime(2004, 5, 10)],
        ["=1+1", "", ""],
    ]
    assert sheet["A1"].font.bold is True
    assert sheet["A3"].data_type == "s"
    assert sheet.freeze_panes == "A2"
    assert [sheet.column_dimensions[c].width for c in "ABC"] == [17, 10, 12]
