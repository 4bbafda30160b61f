"""Importing participations (people in sessions) from a spreadsheet; the columns are documented in
``docs/spreadsheets.md``.

A row names a person (email or external id: the people are imported first) and a session (its
programme's slug and its number). It updates that person's participation in that session, or
creates it. A blank ``status`` keeps the stored one (a new participation starts as invited).
"""

from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from tissage.core.domain.imports import RowWrite
from tissage.core.interfaces.importing import (
    Cells,
    Column,
    Importer,
    Lookup,
    PlannedRow,
    as_text,
    parse_date,
    planned_row,
)
from tissage.core.models import AuditEntry
from tissage.network.models import Programme, Session
from tissage.people.enums import Role
from tissage.people.interfaces.importers import PeopleIndex

from ..domain.imports import participations_import
from ..enums import ParticipationStatus
from ..models import Participation


def _label(name: str):
    return Participation._meta.get_field(name).verbose_name


COLUMNS = (
    Column(
        "person",
        _label("person"),
        aliases=("personne", "participant", "участник"),
        required=True,
        value=lambda participation: participation.person.external_id or participation.person.email,
    ),
    Column(
        "person_name",
        pgettext_lazy("person", "name"),
        aliases=("nom", "nom complet", "имя", "фио"),
        informative=True,
        value=lambda participation: participation.person.full_name,
    ),
    Column(
        "programme",
        Session._meta.get_field("programme").verbose_name,
        aliases=("program", "programa", "программа"),
        required=True,
        value=lambda participation: participation.session.programme.slug,
    ),
    Column(
        "session",
        _label("session"),
        aliases=("numéro de session", "сессия", "номер сессии"),
        required=True,
        value=lambda participation: participation.session.number,
    ),
    Column("role", _label("role"), aliases=("rôle", "роль"), value=lambda participation: participation.role),
    Column(
        "status",
        _label("status"),
        aliases=("statut", "état", "статус"),
        value=lambda participation: participation.status,
    ),
    Column(
        "arrives_on",
        _label("arrives_on"),
        aliases=("arrival", "arrivée", "date d'arrivée", "прибытие", "дата прибытия", "приезд"),
        value=lambda participation: participation.arrives_on,
    ),
    Column(
        "departs_on",
        _label("departs_on"),
        aliases=("departure", "départ", "date de départ", "отъезд", "дата отъезда"),
        value=lambda participation: participation.departs_on,
    ),
    Column(
        "note",
        _label("note"),
        aliases=("remarque", "commentaire", "примечание", "комментарий"),
        value=lambda participation: participation.note,
    ),
)


def _dates_message() -> str:
    """The model's own words for arrival after departure."""
    constraints = {c.name: c for c in Participation._meta.constraints}
    return str(constraints["participation_dates_in_order"].get_violation_error_message())


class ParticipationsImporter(Importer):
    kind = "participations"
    label = gettext_lazy("Participations")
    model = Participation
    display_related = ("person", "session__programme", "session__hub")
    columns = COLUMNS
    permissions = ("activities.add_participation", "activities.change_participation")
    key_columns = ("person",)

    def plan(self, rows: list[Cells]) -> list[PlannedRow]:
        self.roles = Lookup.choices(Role, unknown=gettext_lazy("unknown role '%(value)s'"))
        self.statuses = Lookup.choices(
            ParticipationStatus, unknown=gettext_lazy("unknown status '%(value)s'")
        )
        self.people = PeopleIndex.of(cells.text("person") for cells in rows)
        programmes = Programme.objects.filter(slug__in={cells.text("programme").lower() for cells in rows})
        self.programmes = {
            programme.slug: programme
            for programme in programmes.prefetch_related(
                Prefetch("sessions", queryset=Session.objects.select_related("hub").order_by("number"))
            )
        }
        sessions = [session for programme in self.programmes.values() for session in programme.sessions.all()]
        people = [*self.people.by_external_id.values(), *self.people.by_email.values()]
        self.existing = {
            (participation.person_id, participation.session_id): participation
            for participation in Participation.objects.filter(person__in=people, session__in=sessions)
            .select_related("person", "session__programme", "session__hub")
            .order_by()
        }
        self.seen: dict = {}
        return [row for cells in rows if (row := self._plan_row(cells)) is not None]

    def _plan_row(self, cells: Cells) -> PlannedRow | None:
        person = self._person(cells)
        session = self._session(cells)
        participation = None
        if person and session:
            if line := cells.earlier_line(self.seen, (person.pk, session.pk)):
                cells.problem(
                    "person",
                    _("%(person)s is in this session on line %(line)s already")
                    % {"person": person, "line": line},
                )
            participation = self.existing.get((person.pk, session.pk))
        values = {"person": person, "session": session}
        if cells.text("role"):
            values["role"] = cells.read("role", self.roles)
        elif "role" in cells or participation is None:
            cells.problem("role", _("needed: one of %(roles)s") % {"roles": ", ".join(Role.values)})
        if cells.text("status"):
            values["status"] = cells.read("status", self.statuses)
        for name in ("arrives_on", "departs_on"):
            if name in cells:
                values[name] = cells.read(name, parse_date)
        if "note" in cells:
            values["note"] = cells.read("note", as_text)
        self._check_dates(cells, values, participation)
        cells.check_fields(Participation, values)
        if not cells.ok:
            return None
        return planned_row(
            cells,
            label=str(participation or Participation(person=person, session=session)),
            instance=participation,
            values=values,
        )

    def _person(self, cells: Cells):
        reference = cells.text("person")
        if not reference:
            cells.problem("person", _("needed: the person's email or external id"))
            return None
        person = self.people.find(reference)
        if person is None:
            cells.problem(
                "person",
                _("no one has the email or external id '%(value)s'; import them as people first")
                % {"value": reference},
            )
        return person

    def _session(self, cells: Cells) -> Session | None:
        slug, number = cells.text("programme"), cells.text("session")
        programme = self.programmes.get(slug.lower())
        if programme is None:
            message = _("unknown programme '%(value)s'") if slug else _("needed: the programme's short name")
            cells.problem("programme", message % {"value": slug})
            return None
        sessions = {str(session.number): session for session in programme.sessions.all()}
        if number.strip() not in sessions:
            cells.problem(
                "session",
                _("%(programme)s has no session '%(value)s' (its sessions: %(numbers)s)")
                % {"programme": programme.slug, "value": number, "numbers": ", ".join(sessions) or "—"},
            )
            return None
        return sessions[number.strip()]

    def _check_dates(self, cells: Cells, values: dict, participation: Participation | None) -> None:
        arrives = values.get("arrives_on", participation.arrives_on if participation else None)
        departs = values.get("departs_on", participation.departs_on if participation else None)
        if arrives and departs and departs < arrives:
            cells.problem("departs_on" if "departs_on" in cells else "arrives_on", _dates_message())

    def linked(self, obj: Participation) -> list:
        return [obj.person, obj.session]

    def write(self, *, actor, filename: str, writes: Iterable[RowWrite], unchanged: int) -> AuditEntry:
        return participations_import(actor=actor, filename=filename, writes=writes, unchanged=unchanged)
