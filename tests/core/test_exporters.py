import datetime

import pytest

from tissage.core.exporters import Exporter, ExporterRegistry, Scope, registry

from ..spreadsheet_files import csv_rows, xlsx_rows


def scoped_registry() -> ExporterRegistry:
    exporters = ExporterRegistry()
    exporters.register_scope(
        Scope(name="words", permission="people.view_person", select=lambda params: params)
    )
    return exporters


def test_registry_registers_and_finds_exporters_by_scope_and_identifier():
    exporters = scoped_registry()
    exporters.register_scope(Scope(name="other", permission="people.view_person", select=dict))
    words = Exporter(
        identifier="words.txt",
        label="Words",
        scope="words",
        format="txt",
        content_type="text/plain",
        extension="txt",
        render=lambda subject: " ".join(subject).encode(),
    )
    assert exporters.register(words) is words

    @exporters.exporter(
        identifier="other.txt",
        label="Other",
        scope="other",
        format="txt",
        content_type="text/plain",
        extension="txt",
    )
    def render_other(subject):
        return b"other"

    assert exporters.get("words.txt") is words
    assert exporters.get("words.txt", scope="words") is words
    assert exporters.for_scope("words") == [words]
    assert [e.identifier for e in exporters.for_scope("other")] == ["other.txt"]
    assert exporters.get("other.txt").render(None) == b"other"
    with pytest.raises(KeyError):
        exporters.get("words.txt", scope="other")
    with pytest.raises(KeyError):
        exporters.get("nothing.txt")


def test_registry_refuses_an_identifier_twice_and_an_unknown_scope():
    exporters = scoped_registry()
    exporter = Exporter("words.txt", "Words", "words", "txt", "text/plain", "txt", render=bytes)
    exporters.register(exporter)
    with pytest.raises(ValueError, match="already registered"):
        exporters.register(exporter)
    with pytest.raises(ValueError, match="already registered"):
        exporters.register_scope(Scope(name="words", permission="x", select=dict))
    with pytest.raises(ValueError, match="Register the scope 'songs'"):
        exporters.register(Exporter("songs.txt", "Songs", "songs", "txt", "text/plain", "txt", render=bytes))


def test_register_tables_gives_one_table_in_csv_and_xlsx():
    exporters = scoped_registry()
    exporters.register_tables(
        name="words",
        label="Words",
        scope="words",
        header=lambda: ["word", "length"],
        rows=lambda subject: ([word, len(word)] for word in subject),
    )
    csv_exporter, xlsx_exporter = exporters.for_scope("words")
    assert (csv_exporter.identifier, str(csv_exporter.label), csv_exporter.content_type) == (
        "words.csv",
        "Words (CSV)",
        "text/csv; charset=utf-8",
    )
    assert (xlsx_exporter.identifier, xlsx_exporter.extension) == ("words.xlsx", "xlsx")
    assert csv_rows(csv_exporter.render(["тисаж"])) == [["word", "length"], ["тисаж", "5"]]
    assert xlsx_rows(xlsx_exporter.render(["тисаж"])) == [["word", "length"], ["тисаж", 5]]
    assert xlsx_exporter.filename(datetime.date(2026, 11, 25)) == "tissage-words-2026-11-25.xlsx"


def test_built_in_exporters_register_from_their_apps_like_plugins():
    assert {
        scope: [e.identifier for e in registry.for_scope(scope)] for scope in ("people", "participations")
    } == {
        "people": ["people.csv", "people.xlsx"],
        "participations": ["participations.csv", "participations.xlsx"],
    }
    assert registry.scope("people").permission == "people.view_person"
    assert registry.scope("participations").permission == "activities.view_participation"
