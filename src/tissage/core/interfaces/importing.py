"""What every spreadsheet importer shares: columns and their aliases, reading and checking cells,
a preview of what an import would do, and its commit.

An importer declares its :class:`Column` list and implements two methods:

* ``plan(rows)`` looks up in bulk whatever the rows refer to (a handful of queries, however
  long the file), reads each row's cells, notes each problem with its line and column, and
  returns a :class:`PlannedRow` per good row: the stored object it matches (or ``None`` to
  create one), the values to write, and the changes to show;
* ``write(actor=, filename=, writes=, unchanged=)`` calls the app's import domain function.

:meth:`Importer.preview` reads a :class:`~tissage.core.spreadsheets.Table` into a
:class:`Preview` (what will be created, updated, left unchanged, and every bad row);
:meth:`Importer.commit` writes a valid preview, all or nothing; :meth:`Importer.confirm` plans
again and commits only if the preview is still the one the organiser approved.
"""

import datetime
import hashlib
import json
import re
import sys
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import validate_email
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_countries.fields import Country
from tqdm import tqdm

from tissage.core.domain.imports import RowRefused, RowWrite
from tissage.core.management.base import TissageCommand
from tissage.core.models import AuditEntry
from tissage.core.spreadsheets import (
    MAX_BYTES,
    MAX_ROWS,
    Cell,
    SpreadsheetError,
    Table,
    read_table,
    write_table,
)

# Preview and CLI listings stop after this many rows of each kind (every problem is always listed).
PREVIEW_LIMIT = 500
LIST_SEPARATOR = re.compile(r"[;\n]")


def header_key(text: str) -> str:
    """A header or a choice as compared: case, accents, spaces and punctuation do not matter."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "_", plain.casefold()).strip("_")


def translations(text) -> list[str]:
    """Every translation of a translated field's value (``LazyI18nString``) or of a plain text."""
    data = getattr(text, "data", text)
    return [str(value) for value in data.values() if value] if isinstance(data, dict) else [str(data or "")]


def in_every_language(text) -> set[str]:
    """The keys of a translatable text in each interface language."""
    keys = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            keys.add(header_key(str(text)))
    return keys


@dataclass(frozen=True)
class Column:
    """A documented column; a header matches its name, its label in any interface language, or
    an alias (French and Russian spellings organisers use)."""

    name: str
    label: str | Promise
    # What an export writes in this column for an object (so that its file can be imported again).
    value: Callable[[Any], Any]
    aliases: tuple[str, ...] = ()
    required: bool = False
    # Written by exports for readers (a person's name beside their email), ignored on import.
    informative: bool = False

    def header_keys(self) -> set[str]:
        return {header_key(self.name), *in_every_language(self.label), *map(header_key, self.aliases)}


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("line %(line)s, column %(column)s: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


class CellError(ValueError):
    """A cell's value cannot be used; the message says why."""


class Cells:
    """One row's cells by column name; it records the problems found in them."""

    def __init__(self, *, line: int, values: Mapping[str, Cell], headers: Mapping[str, str], problems: list):
        self.line = line
        self.values = values
        self.headers = headers
        self.problems = problems
        self.ok = True

    def __contains__(self, name: str) -> bool:
        return name in self.values

    def header(self, name: str) -> str:
        return self.headers.get(name, name)

    def text(self, name: str) -> str:
        return as_text(self.values.get(name, ""))

    def read(self, name: str, parse: Callable[[Cell], Any]) -> Any:
        """``parse(cell)``, or ``None`` after recording the problem when the cell is not usable."""
        try:
            return parse(self.values.get(name, ""))
        except CellError as error:
            self.problem(name, str(error))
            return None

    def problem(self, name: str, message: str) -> None:
        self.problems.append(Problem(self.line, self.header(name) if name else "", message))
        self.ok = False

    def earlier_line(self, seen: dict, key) -> int | None:
        """Note that this row uses ``key``; the line of an earlier row that already did, if any."""
        line = seen.setdefault(key, self.line)
        return None if line == self.line else line

    def claim(self, seen: dict, key, name: str) -> None:
        """Note that this row uses the value of column ``name``; a problem if an earlier row did."""
        if line := self.earlier_line(seen, key):
            self.problem(
                name,
                _("'%(value)s' is also on line %(line)s; give each one once")
                % {"value": self.text(name), "line": line},
            )

    def check_fields(self, model: type[models.Model], values: Mapping[str, Any]) -> None:
        """The model's own field checks (length, email, address …) on ``values``, without queries."""
        fields = {f.name for f in model._meta.concrete_fields if not f.is_relation}
        plain = {name: value for name, value in values.items() if name in fields and value is not None}
        try:
            model(**plain).clean_fields(exclude={f.name for f in model._meta.fields} - set(plain))
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                text = self.text(name)
                for message in messages:
                    self.problem(name, f"'{text}': {message}" if text else message)


# Reading cells


def as_text(cell: Cell) -> str:
    return cell.isoformat() if isinstance(cell, datetime.date) else cell


def parse_optional_text(cell: Cell) -> str | None:
    """Text, ``None`` when blank (for unique fields where blank means "none")."""
    return as_text(cell) or None


def parse_email(cell: Cell) -> str | None:
    text = as_text(cell)
    if not text:
        return None
    try:
        validate_email(text)
    except ValidationError as error:
        raise CellError(_("'%(value)s' is not a valid email") % {"value": text}) from error
    return text


def parse_url(cell: Cell) -> str:
    """A web address; ``www.example.org`` is read as ``https://www.example.org``."""
    text = as_text(cell)
    return text if not text or "://" in text else f"https://{text}"


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")


def parse_date(cell: Cell) -> datetime.date | None:
    if isinstance(cell, datetime.date):
        return cell.date() if isinstance(cell, datetime.datetime) else cell
    if not cell:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(cell, fmt).date()
        except ValueError:
            continue
    raise CellError(_("'%(value)s' is not a date; write it like 2004-07-22") % {"value": cell})


def parse_country(cell: Cell) -> str:
    """An ISO code (``CD``, ``COD``) or a country's name in an interface language, as its code."""
    text = as_text(cell)
    if not text:
        return ""
    code = countries.alpha2(text)
    for language, _name in settings.LANGUAGES:
        code = code or countries.by_name(text, language=language)
    if not code:
        raise CellError(_("'%(value)s' is not a country name or ISO code") % {"value": text})
    return code


def split_list(cell: Cell) -> list[str]:
    """The items of a ``;``-separated cell."""
    return [item.strip() for item in LIST_SEPARATOR.split(as_text(cell)) if item.strip()]


class Lookup:
    """Reads a cell as one of known things, by any of their keys (slug, names …)."""

    def __init__(
        self, items: Iterable[tuple[Iterable[str], Any]], *, unknown: str, known: Iterable[str] = ()
    ):
        self.by_key = {header_key(key): item for keys, item in items for key in keys if key}
        self.unknown = unknown
        self.known = sorted(known)

    def __call__(self, cell: Cell) -> Any:
        text = as_text(cell)
        if not text:
            return None
        try:
            return self.by_key[header_key(text)]
        except KeyError:
            message = self.unknown % {"value": text}
            if self.known:
                message += " " + _("(known: %(known)s)") % {"known": ", ".join(self.known)}
            raise CellError(message) from None

    def many(self, cell: Cell) -> list:
        """The things of a ``;``-separated cell; every unknown one is named."""
        found, errors = [], []
        for text in split_list(cell):
            try:
                found.append(self(text))
            except CellError as error:
                errors.append(str(error))
        if errors:
            raise CellError("; ".join(errors))
        return found

    @classmethod
    def choices(cls, choices: type[models.TextChoices], *, unknown: str) -> "Lookup":
        """A choice by its value or by its label in any interface language."""
        return cls(
            (({value, *in_every_language(label)}, value) for value, label in choices.choices),
            unknown=unknown,
            known=choices.values,
        )


def display(value) -> str:
    """A value as the preview shows it; a list (of a many-to-many field) is ``;``-separated."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(display(v) for v in value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def comparable(value):
    """What decides whether a value changed: objects by primary key, lists as sets."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Country):
        return value.code
    if isinstance(value, list):
        return tuple(sorted(map(comparable, value)))
    return "" if value is None else value


# The preview


@dataclass(frozen=True)
class Change:
    column: str
    before: str
    after: str


@dataclass(frozen=True)
class PlannedRow:
    line: int
    label: str
    instance: models.Model | None
    data: dict[str, Any]
    changes: tuple[Change, ...]

    @property
    def action(self) -> str:
        if self.instance is None:
            return "create"
        return "update" if self.data else "unchanged"


def planned_row(
    cells: Cells, *, label: str, instance, values: Mapping[str, Any], current: Mapping[str, Any] | None = None
) -> PlannedRow:
    """The row's plan: the non-blank ``values`` for a new object, only what differs for a stored one.

    A stored value is the object's attribute (a list for a many-to-many field), or ``current[name]``
    for values that are not attributes.
    """
    data, changes = {}, []
    for name, after in values.items():
        if instance is None:
            before = None
        elif current and name in current:
            before = current[name]
        else:
            before = getattr(instance, name)
            if isinstance(before, models.Manager):
                before = list(before.all())
        if instance is None and comparable(after) in ("", ()):
            continue
        if instance is None or comparable(before) != comparable(after):
            data[name] = after
            changes.append(Change(cells.header(name), display(before), display(after)))
    return PlannedRow(line=cells.line, label=label, instance=instance, data=data, changes=tuple(changes))


@dataclass
class Preview:
    kind: str
    filename: str
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # Column name -> the header as written in the file.
    headers: dict[str, str] = field(default_factory=dict)

    def _with(self, action: str) -> list[PlannedRow]:
        return [row for row in self.rows if row.action == action]

    @cached_property
    def to_create(self) -> list[PlannedRow]:
        return self._with("create")

    @cached_property
    def to_update(self) -> list[PlannedRow]:
        return self._with("update")

    @cached_property
    def unchanged(self) -> list[PlannedRow]:
        return self._with("unchanged")

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def has_changes(self) -> bool:
        return bool(self.to_create or self.to_update)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({problem.line for problem in self.problems})

    @property
    def fingerprint(self) -> str:
        """Changes as soon as the import would do anything other than this preview shows."""
        shown = [
            [
                row.line,
                row.action,
                row.instance and row.instance.pk,
                [[c.column, c.before, c.after] for c in row.changes],
            ]
            for row in self.rows
        ]
        text = json.dumps([self.kind, shown, [str(p) for p in self.problems]], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()


class ImportRefused(Exception):
    """The import cannot be written; ``preview.problems`` says why, row by row."""

    def __init__(self, preview: Preview):
        super().__init__(_("%(count)s problems; nothing was written.") % {"count": len(preview.problems)})
        self.preview = preview


class Importer(ABC):
    """Plans and writes one kind of import. Make one per import: planning keeps its lookups on it."""

    kind: str
    label: str | Promise
    model: type[models.Model]
    # What showing the imported objects needs (``select_related`` paths).
    display_related: tuple[str, ...] = ()
    columns: tuple[Column, ...]
    # Permissions a user needs to run this import.
    permissions: tuple[str, ...]
    # The file must have at least one of these columns.
    key_columns: tuple[str, ...]

    @abstractmethod
    def plan(self, rows: list[Cells]) -> list[PlannedRow]:
        """One planned row per good row; problems are recorded on the rows' ``Cells``."""

    @abstractmethod
    def write(self, *, actor, filename: str, writes: Iterable[RowWrite], unchanged: int) -> AuditEntry:
        """Write through the app's import domain function."""

    def header(self) -> list[str]:
        return [column.name for column in self.columns]

    def linked(self, obj: models.Model) -> list[models.Model]:
        """What to link to for an imported object (itself, or what it joins)."""
        return [obj]

    def export_rows(self, objects: Iterable) -> Iterable[list]:
        """The objects as rows of :meth:`header`: an exported file can be imported again as it is."""
        for obj in objects:
            yield [column.value(obj) for column in self.columns]

    def template(self, fmt: str) -> bytes:
        """An empty file with the header row, to fill in."""
        return write_table(fmt, self.header(), [])

    def preview(self, table: Table, *, filename: str) -> Preview:
        preview = Preview(kind=self.kind, filename=filename)
        positions, preview.headers = self._match_header(table.header, preview)
        if preview.problems:
            return preview
        rows = [
            Cells(
                line=row.line,
                values={name: row.values[i] if i < len(row.values) else "" for name, i in positions.items()},
                headers=preview.headers,
                problems=preview.problems,
            )
            for row in table.rows
        ]
        preview.rows = self.plan(rows)
        # By line, then in the order of the file's columns (missing columns and whole rows last).
        order = {text: index for index, text in enumerate(table.header)}
        preview.problems.sort(key=lambda problem: (problem.line, order.get(problem.column, len(order))))
        return preview

    def _match_header(self, header: Sequence[str], preview: Preview) -> tuple[dict[str, int], dict[str, str]]:
        by_key = {key: column for column in self.columns for key in column.header_keys()}
        positions: dict[str, int] = {}
        headers: dict[str, str] = {}
        for index, text in enumerate(header):
            column = by_key.get(header_key(text))
            if column is None:
                if text.strip():
                    preview.ignored_columns.append(text)
            elif column.name in headers:
                preview.problems.append(
                    Problem(
                        1,
                        text,
                        _("the same column as '%(other)s'; keep only one") % {"other": headers[column.name]},
                    )
                )
            elif not column.informative:
                positions[column.name] = index
                headers[column.name] = text
        for column in self.columns:
            if column.required and column.name not in positions:
                preview.problems.append(
                    Problem(1, "", _("the column '%(column)s' is missing") % {"column": column.name})
                )
        if not any(name in positions for name in self.key_columns):
            preview.problems.append(
                Problem(
                    1,
                    "",
                    _("the file needs one of these columns: %(columns)s")
                    % {"columns": ", ".join(self.key_columns)},
                )
            )
        return positions, headers

    def commit(
        self, preview: Preview, *, actor, progress: Callable[[Iterable], Iterable] = iter
    ) -> AuditEntry:
        """Write a preview in one transaction; ``ImportRefused`` (and nothing written) if any row is bad."""
        if not preview.is_valid:
            raise ImportRefused(preview)
        writes = [RowWrite(row.line, row.instance, row.data) for row in preview.rows if row.data]
        try:
            return self.write(
                actor=actor,
                filename=preview.filename,
                writes=progress(writes),
                unchanged=len(preview.unchanged),
            )
        except RowRefused as refused:
            preview.problems = [
                Problem(refused.line, preview.headers.get(name, ""), message)
                for name, messages in refused.message_dict.items()
                for message in messages
            ]
            raise ImportRefused(preview) from refused

    def confirm(
        self, table: Table, *, filename: str, actor, fingerprint: str
    ) -> tuple[Preview, AuditEntry | None]:
        """Plan again and commit if the plan is still the approved one; else return the new preview."""
        with transaction.atomic():
            preview = self.preview(table, filename=filename)
            if not preview.is_valid or not preview.has_changes or preview.fingerprint != fingerprint:
                return preview, None
            return preview, self.commit(preview, actor=actor)


class ImportUploadForm(forms.Form):
    """Which kind of import, and the file; a file that cannot be read as a table is refused.
    ``content`` holds the file's bytes."""

    kind = forms.ChoiceField(label=gettext_lazy("The file holds"), widget=forms.RadioSelect)
    file = forms.FileField(label=gettext_lazy("Spreadsheet"))

    def __init__(self, *args, importers: Mapping[str, type[Importer]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind, importer.label) for kind, importer in importers.items()]
        self.fields["file"].help_text = _(
            "CSV or XLSX, at most %(size)s and %(rows)s rows; the first row names the columns."
        ) % {"size": filesizeformat(MAX_BYTES), "rows": MAX_ROWS}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # One byte more than allowed is enough to refuse a file that is too large.
        self.content = upload.read(MAX_BYTES + 1)
        try:
            read_table(self.content, filename=upload.name)
        except SpreadsheetError as error:
            raise ValidationError(str(error)) from error
        return upload


# The command line


class ImportCommand(TissageCommand):
    """``tissage import-<kind> FILE [--commit]``: print the preview, or commit it."""

    importer_class: type[Importer]

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A CSV or XLSX file.")
        parser.add_argument(
            "--commit", action="store_true", help="Write the changes (default: only show them)."
        )
        parser.add_argument("--user", help="Record the changes as made by this user (default: system).")

    def handle(self, *args, file: Path, commit: bool, user: str | None, **options):
        actor = self._actor(user)
        try:
            table = read_table(file.read_bytes(), filename=file.name)
        except (OSError, SpreadsheetError) as error:
            raise CommandError(str(error), returncode=2) from error
        importer = self.importer_class()
        with transaction.atomic():
            preview = importer.preview(table, filename=file.name)
            self._print(preview)
            if not preview.is_valid:
                for problem in preview.problems:
                    self.stderr.write(str(problem))
                raise CommandError(f"{_bad_rows(preview)}; nothing was written.", returncode=2)
            if not commit:
                self.stdout.write("Nothing was written; run again with --commit to import.")
                return
            try:
                importer.commit(preview, actor=actor, progress=self._progress)
            except ImportRefused as refused:
                for problem in refused.preview.problems:
                    self.stderr.write(str(problem))
                raise CommandError("Nothing was written.", returncode=2) from refused
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {file.name}: {len(preview.to_create)} created, {len(preview.to_update)} updated, "
                f"{len(preview.unchanged)} unchanged."
            )
        )

    def _actor(self, username: str | None):
        if not username:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user {username!r}.", returncode=2) from error

    def _progress(self, writes: list) -> Iterable:
        return tqdm(writes, desc="Importing", unit="row", file=sys.stderr, disable=not sys.stderr.isatty())

    def _print(self, preview: Preview) -> None:
        for column in preview.ignored_columns:
            self.stdout.write(f"Ignored column: {column}")
        for title, rows in (("create", preview.to_create), ("update", preview.to_update)):
            for row in rows[:PREVIEW_LIMIT]:
                changes = ", ".join(f"{c.column}: {c.before!r} → {c.after!r}" for c in row.changes)
                self.stdout.write(f"line {row.line}: {title} {row.label} ({changes})")
            if len(rows) > PREVIEW_LIMIT:
                self.stdout.write(f"… and {len(rows) - PREVIEW_LIMIT} more to {title}")
        self.stdout.write(
            f"{len(preview.to_create)} to create, {len(preview.to_update)} to update, "
            f"{len(preview.unchanged)} unchanged, {_bad_rows(preview)}."
        )


def _bad_rows(preview: Preview) -> str:
    count = len(preview.bad_lines)
    return f"{count} bad row" if count == 1 else f"{count} bad rows"
