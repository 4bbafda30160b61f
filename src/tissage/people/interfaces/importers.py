"""Importing people from a spreadsheet; the columns are documented in ``docs/spreadsheets.md``.

A row updates the person with its ``external_id``, else the one with its email (in any case),
and creates a person when neither is known. A column that the file has is authoritative (a blank
cell clears the value) except the two identifiers, which a blank cell never erases; a column
the file does not have leaves the stored values alone.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tissage.core.domain.imports import RowWrite
from tissage.core.interfaces.importing import (
    CellError,
    Cells,
    Column,
    Importer,
    Lookup,
    PlannedRow,
    as_text,
    in_every_language,
    parse_country,
    parse_email,
    parse_optional_text,
    parse_url,
    planned_row,
    split_list,
    translations,
)
from tissage.core.languages import SPOKEN_LANGUAGES
from tissage.core.models import AuditEntry
from tissage.network.models import Hub

from ..domain.imports import people_import
from ..enums import LanguageLevel
from ..models import Person, PersonLanguage, Skill


class LanguageLevels(tuple):
    """Spoken languages as ``(code, level)`` pairs in code order, written ``fr:native; ru:basic``."""

    def __str__(self) -> str:
        return "; ".join(f"{code}:{level}" for code, level in self)

    @classmethod
    def of(cls, person: Person) -> "LanguageLevels":
        return cls(sorted((row.language, row.level) for row in person.languages.all()))


def _label(name: str):
    return Person._meta.get_field(name).verbose_name


def _code(country) -> str:
    return country.code or ""


COLUMNS = (
    Column(
        "external_id",
        _label("external_id"),
        aliases=("id", "identifiant", "identifiant externe", "внешний идентификатор", "идентификатор"),
        value=lambda person: person.external_id,
    ),
    Column(
        "email",
        _label("email"),
        aliases=("e-mail", "mail", "courriel", "adresse électronique", "электронная почта", "почта"),
        value=lambda person: person.email,
    ),
    Column(
        "given_name",
        _label("given_name"),
        aliases=("first name", "prénom", "имя"),
        value=lambda person: person.given_name,
    ),
    Column(
        "family_name",
        _label("family_name"),
        aliases=("last name", "surname", "nom", "nom de famille", "фамилия"),
        value=lambda person: person.family_name,
    ),
    Column(
        "native_name",
        _label("native_name"),
        aliases=("nom d'origine", "nom dans sa langue", "имя на родном языке", "имя в оригинале"),
        value=lambda person: person.native_name,
    ),
    Column(
        "home_hub",
        _label("home_hub"),
        aliases=("hub", "pôle", "pôle d'origine", "центр", "базовый центр"),
        value=lambda person: person.home_hub.slug if person.home_hub else "",
    ),
    Column("city", _label("city"), aliases=("ville", "город"), value=lambda person: person.city),
    Column(
        "country", _label("country"), aliases=("pays", "страна"), value=lambda person: _code(person.country)
    ),
    Column(
        "nationality",
        _label("nationality"),
        aliases=("nationalité", "гражданство"),
        value=lambda person: _code(person.nationality),
    ),
    Column(
        "phone", _label("phone"), aliases=("téléphone", "tél", "телефон"), value=lambda person: person.phone
    ),
    Column(
        "languages",
        PersonLanguage._meta.verbose_name_plural,
        aliases=("langues", "langues parlées", "языки"),
        value=lambda person: str(LanguageLevels.of(person)),
    ),
    Column(
        "skills",
        _label("skills"),
        aliases=("compétences", "instruments", "навыки", "инструменты"),
        value=lambda person: "; ".join(sorted(skill.slug for skill in person.skills.all())),
    ),
    Column(
        "website",
        _label("website"),
        aliases=("site", "site web", "site internet", "сайт", "веб-сайт"),
        value=lambda person: person.website,
    ),
)


@dataclass(frozen=True)
class PeopleIndex:
    """Stored people by external id and by lower-cased email."""

    by_external_id: dict[str, Person]
    by_email: dict[str, Person]

    @classmethod
    def of(cls, references: Iterable[str], queryset: QuerySet | None = None) -> "PeopleIndex":
        """The people whose external id or email (in any case) is among ``references``, in one query."""
        references = {reference for reference in references if reference}
        people = (
            (Person.objects.all() if queryset is None else queryset)
            .annotate(email_key=Lower("email"))
            .filter(Q(external_id__in=references) | Q(email_key__in={r.lower() for r in references}))
        )
        people = list(people)
        return cls(
            by_external_id={p.external_id: p for p in people if p.external_id},
            by_email={p.email.lower(): p for p in people if p.email},
        )

    def find(self, reference: str) -> Person | None:
        """The person with this external id, else with this email."""
        return self.by_external_id.get(reference) or self.by_email.get(reference.lower())


class LanguagesParser:
    """Reads ``fr:native; ru:basic`` (languages by code or name, levels by value or label)."""

    def __init__(self):
        self.language = Lookup(
            (({code, *in_every_language(name)}, code) for code, name in SPOKEN_LANGUAGES.items()),
            unknown=gettext_lazy("unknown language '%(value)s'"),
        )
        self.level = Lookup.choices(LanguageLevel, unknown=gettext_lazy("unknown level '%(value)s'"))

    def __call__(self, cell) -> LanguageLevels:
        levels: dict[str, str] = {}
        for item in split_list(cell):
            language, _colon, level = (part.strip() for part in item.partition(":"))
            if not (language and level):
                raise CellError(
                    _("'%(value)s' needs a language and a level, e.g. 'fr:native' (levels: %(levels)s)")
                    % {"value": item, "levels": ", ".join(LanguageLevel.values)}
                )
            code = self.language(language)
            if code in levels:
                raise CellError(_("'%(value)s' is given twice") % {"value": language})
            levels[code] = self.level(level)
        return LanguageLevels(sorted(levels.items()))


class PeopleImporter(Importer):
    kind = "people"
    label = gettext_lazy("People")
    model = Person
    columns = COLUMNS
    permissions = ("people.add_person", "people.change_person")
    key_columns = ("external_id", "email")

    def plan(self, rows: list[Cells]) -> list[PlannedRow]:
        hubs = list(Hub.objects.all())
        self.hubs = Lookup(
            (({hub.slug, *translations(hub.name)}, hub) for hub in hubs),
            unknown=gettext_lazy("unknown hub '%(value)s'"),
            known=[hub.slug for hub in hubs],
        )
        self.skills = Lookup(
            (({skill.slug, *translations(skill.name)}, skill) for skill in Skill.objects.all()),
            unknown=gettext_lazy("unknown skill '%(value)s'"),
        )
        self.languages = LanguagesParser()
        self.people = PeopleIndex.of(
            {cells.text(name) for cells in rows for name in self.key_columns},
            Person.objects.select_related("home_hub").prefetch_related("languages", "skills"),
        )
        self.seen: dict[str, dict] = {"external_id": {}, "email": {}, "person": {}}
        return [row for cells in rows if (row := self._plan_row(cells)) is not None]

    def _plan_row(self, cells: Cells) -> PlannedRow | None:
        external_id = cells.read("external_id", parse_optional_text)
        email = cells.read("email", parse_email)
        if not (external_id or email) and cells.ok:
            cells.problem(
                "email" if "email" in cells else "external_id",
                _("give an email or an external id, so that this person is recognised next time"),
            )
        if external_id:
            cells.claim(self.seen["external_id"], external_id, "external_id")
        if email:
            cells.claim(self.seen["email"], email.lower(), "email")
        person = self._match(cells, external_id, email)
        if person is not None and (line := cells.earlier_line(self.seen["person"], person.pk)):
            cells.problem(
                "external_id" if external_id else "email",
                _("%(person)s is also on line %(line)s; give each person once")
                % {"person": person, "line": line},
            )
        values = self._values(cells, external_id, email, person)
        if person is None:
            for name in ("given_name", "family_name"):
                if not values.get(name):
                    values.pop(name, None)
                    cells.problem(name, _("needed to create a new person"))
        cells.check_fields(Person, values)
        if not cells.ok:
            return None
        if person is None:
            return planned_row(
                cells, label=f"{values['given_name']} {values['family_name']}", instance=None, values=values
            )
        return planned_row(
            cells,
            label=str(person),
            instance=person,
            values=values,
            current={"languages": LanguageLevels.of(person)},
        )

    def _match(self, cells: Cells, external_id: str | None, email: str | None) -> Person | None:
        """The person with this external id, else the one with this email; a problem if they disagree."""
        by_id = self.people.by_external_id.get(external_id) if external_id else None
        by_email = self.people.by_email.get(email.lower()) if email else None
        if by_id and by_email and by_id != by_email:
            cells.problem(
                "email",
                _("'%(email)s' is the email of %(other)s, not of %(person)s (external id '%(id)s')")
                % {"email": email, "other": by_email, "person": by_id, "id": external_id},
            )
        elif not by_id and by_email and external_id and by_email.external_id:
            cells.problem(
                "external_id",
                _("%(person)s, who has the email '%(email)s', has another external id: '%(other)s'")
                % {"person": by_email, "email": email, "other": by_email.external_id},
            )
        return by_id or by_email

    def _values(
        self, cells: Cells, external_id: str | None, email: str | None, person: Person | None
    ) -> dict:
        values = {}
        if external_id:
            values["external_id"] = external_id
        if email and not (person and (person.email or "").lower() == email.lower()):
            values["email"] = email
        readers = {
            **dict.fromkeys(("given_name", "family_name", "native_name", "city", "phone"), as_text),
            "home_hub": self.hubs,
            "country": parse_country,
            "nationality": parse_country,
            "languages": self.languages,
            "skills": self.skills.many,
            "website": parse_url,
        }
        for name, read in readers.items():
            if name in cells:
                values[name] = cells.read(name, read)
        return values

    def write(self, *, actor, filename: str, writes: Iterable[RowWrite], unchanged: int) -> AuditEntry:
        return people_import(actor=actor, filename=filename, writes=writes, unchanged=unchanged)
