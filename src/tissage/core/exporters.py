"""The one exporter registry: every file Tissage gives out is an :class:`Exporter` registered here.

Built-in exporters register the way a plugin would: an app's ``interfaces/exporters.py``
calls ``registry.register(Exporter(...))`` (or decorates a render function with
``@registry.exporter(...)``, or registers a CSV and XLSX pair with ``registry.register_tables``),
and the app's ``AppConfig.ready()`` imports that module.

A **scope** says what the exporters under it are given. It is registered once, by the app that
owns the data, as a :class:`Scope` whose ``select(params)`` turns filter parameters (a query
string in the staff interface, ``key=value`` arguments on the command line) into the subject to
export, and refuses unknown values with a ``ValidationError``. Each exporter's
``render(subject)`` returns the file's bytes. The scopes so far:

``people``
    ``select`` takes the filters of the people list (``q``, ``home_hub``, ``role``, ``skill``,
    ``language``, ``programme``, ``year``); ``render`` receives a ``Person`` queryset.
``participations``
    ``select`` takes ``session`` (primary key) and ``programme`` (slug); ``render`` receives a
    ``Participation`` queryset.

The staff interface may select a scope's subject with its list's own filter instead (the people
list does), so that an export holds exactly the rows the list shows.

A later scope (an edition's schedule for iCal, Frab XML and the schedule JSON, say) declares
its own subject the same way, and documents it here.
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.text import format_lazy

from .spreadsheets import CONTENT_TYPES, FORMATS, write_table


@dataclass(frozen=True)
class Scope:
    name: str
    permission: str
    select: Callable[[Mapping[str, str]], Any]


@dataclass(frozen=True)
class Exporter:
    identifier: str
    label: str | Promise
    scope: str
    format: str
    content_type: str
    extension: str
    render: Callable[[Any], bytes]

    def filename(self, day: datetime.date) -> str:
        """E.g. ``tissage-people-2026-11-25.xlsx``."""
        return f"tissage-{self.scope}-{day:%Y-%m-%d}.{self.extension}"


class ExporterRegistry:
    def __init__(self):
        self._exporters: dict[str, Exporter] = {}
        self._scopes: dict[str, Scope] = {}

    def register_scope(self, scope: Scope) -> Scope:
        if scope.name in self._scopes:
            raise ValueError(f"The export scope {scope.name!r} is already registered.")
        self._scopes[scope.name] = scope
        return scope

    def register(self, exporter: Exporter) -> Exporter:
        if exporter.identifier in self._exporters:
            raise ValueError(f"An exporter {exporter.identifier!r} is already registered.")
        if exporter.scope not in self._scopes:
            raise ValueError(f"Register the scope {exporter.scope!r} before its exporters.")
        self._exporters[exporter.identifier] = exporter
        return exporter

    def exporter(self, *, identifier: str, label, scope: str, format: str, content_type: str, extension: str):
        """Register the decorated ``render(subject) -> bytes`` function as an exporter."""

        def decorate(render: Callable[[Any], bytes]) -> Callable[[Any], bytes]:
            self.register(
                Exporter(
                    identifier=identifier,
                    label=label,
                    scope=scope,
                    format=format,
                    content_type=content_type,
                    extension=extension,
                    render=render,
                )
            )
            return render

        return decorate

    def register_tables(
        self, *, name: str, label, scope: str, header: Callable[[], list[str]], rows: Callable[[Any], Any]
    ) -> list[Exporter]:
        """Register ``<name>.csv`` and ``<name>.xlsx``: one table, written in each spreadsheet format."""
        return [
            self.register(
                Exporter(
                    identifier=f"{name}.{fmt}",
                    label=format_lazy("{} ({})", label, fmt.upper()),
                    scope=scope,
                    format=fmt,
                    content_type=CONTENT_TYPES[fmt],
                    extension=fmt,
                    render=lambda subject, fmt=fmt: write_table(fmt, header(), rows(subject)),
                )
            )
            for fmt in FORMATS
        ]

    def get(self, identifier: str, *, scope: str | None = None) -> Exporter:
        """The exporter with this identifier (in this scope, when given); ``KeyError`` if none."""
        exporter = self._exporters[identifier]
        if scope is not None and exporter.scope != scope:
            raise KeyError(identifier)
        return exporter

    def for_scope(self, scope: str) -> list[Exporter]:
        return [e for e in self._exporters.values() if e.scope == scope]

    def scope(self, name: str) -> Scope:
        return self._scopes[name]

    def __iter__(self):
        return iter(self._exporters.values())


registry = ExporterRegistry()
