"""State changes of programmes, their sessions and cohorts, and the programme rhythm."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_delete, audited_update

from ..enums import SEASON_START_MONTH, SessionStatus
from ..models import CohortMember, Edition, Hub, Programme, Session
from .texts import plain_text

DEFAULT_SESSION_DAYS = 10


@dataclass(frozen=True)
class SessionProposal:
    number: int
    hub: Hub
    start_date: datetime.date
    end_date: datetime.date
    edition: Edition | None


def _first_monday_from(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


def propose_sessions(
    *, home_hub: Hub, partner_hubs: list[Hub], start_year: int, years: int, sessions_per_year: int
) -> list[SessionProposal]:
    """The default rhythm: each year alternates a stay at a partner hub, in that hub's festival
    season, with a stay at the home hub in its season; partners take turns when there are several.

    When the hub's festival has an edition that year, the session takes the edition's dates.
    """
    partner_turn = 0
    slots: list[tuple[Hub, datetime.date]] = []
    for year in range(start_year, start_year + years):
        year_slots: list[tuple[Hub, datetime.date]] = []
        for index in range(sessions_per_year):
            if index % 2 == 0:
                hub = partner_hubs[partner_turn % len(partner_hubs)]
                partner_turn += 1
            else:
                hub = home_hub
            month = SEASON_START_MONTH[hub.season]
            # A second stay in the same month moves two months on; a year holds at most six
            # sessions, so one of the six months of that cycle is always free.
            while any(start.month == month for _hub, start in year_slots):
                month = (month + 1) % 12 + 1
            year_slots.append((hub, _first_monday_from(datetime.date(year, month, 10))))
        slots.extend(sorted(year_slots, key=lambda slot: slot[1]))

    editions = {
        (e.festival.hub_id, e.start_date.year): e
        for e in Edition.objects.filter(
            festival__hub__in={hub for hub, _start in slots},
            start_date__year__gte=start_year,
            start_date__year__lt=start_year + years,
        ).select_related("festival")
    }
    proposals = []
    for number, (hub, start) in enumerate(slots, start=1):
        edition = editions.get((hub.pk, start.year))
        if edition is not None:
            start, end = edition.start_date, edition.end_date
        else:
            end = start + datetime.timedelta(days=DEFAULT_SESSION_DAYS - 1)
        proposals.append(
            SessionProposal(number=number, hub=hub, start_date=start, end_date=end, edition=edition)
        )
    return proposals


def _validate_partners(home_hub: Hub, partner_hubs: list[Hub]) -> None:
    if not partner_hubs:
        raise ValidationError({"partner_hubs": _("A programme needs at least one partner hub.")})
    if home_hub in partner_hubs:
        raise ValidationError({"partner_hubs": _("The home hub cannot also be a partner hub.")})


def programme_create(*, actor, data: dict, with_sessions: bool = True) -> Programme:
    """Create a programme and, by default, propose its sessions as editable drafts.

    Its short name defaults to one made from its name.
    """
    partner_hubs = list(data.get("partner_hubs", []))
    _validate_partners(data.get("home_hub"), partner_hubs)
    data = dict(data)
    if not data.get("slug"):
        data["slug"] = unique_slug(
            Programme.objects.all(), plain_text(data.get("name")), fallback="programme"
        )
    with transaction.atomic():
        programme = audited_create(actor=actor, model=Programme, data=data, action="programme.created")
        if with_sessions:
            for proposal in propose_sessions(
                home_hub=programme.home_hub,
                partner_hubs=partner_hubs,
                start_year=programme.start_year,
                years=programme.years,
                sessions_per_year=programme.sessions_per_year,
            ):
                session_create(
                    actor=actor,
                    data={
                        "programme": programme,
                        "number": proposal.number,
                        "hub": proposal.hub,
                        "edition": proposal.edition,
                        "start_date": proposal.start_date,
                        "end_date": proposal.end_date,
                        "status": SessionStatus.DRAFT,
                    },
                )
    return programme


def programme_update(*, actor, programme: Programme, data: dict) -> dict:
    if "partner_hubs" in data or "home_hub" in data:
        _validate_partners(
            data.get("home_hub", programme.home_hub),
            list(data.get("partner_hubs", programme.partner_hubs.all())),
        )
    return audited_update(actor=actor, instance=programme, data=data, action="programme.updated")


def next_session_number(programme: Programme) -> int:
    return (programme.sessions.aggregate(n=Max("number"))["n"] or 0) + 1


def session_create(*, actor, data: dict) -> Session:
    data = dict(data)
    if not data.get("number"):
        data["number"] = next_session_number(data["programme"])
    return audited_create(
        actor=actor, model=Session, data=data, action="session.created", related=[data["programme"]]
    )


def session_update(*, actor, session: Session, data: dict) -> dict:
    return audited_update(
        actor=actor, instance=session, data=data, action="session.updated", related=[session.programme]
    )


def cohort_member_add(*, actor, programme: Programme, data: dict) -> CohortMember:
    person = data.get("person")
    if person is not None and programme.cohort_members.filter(person=person).exists():
        raise ValidationError({"person": _("%(person)s is already in this cohort.") % {"person": person}})
    return audited_create(
        actor=actor,
        model=CohortMember,
        data={**data, "programme": programme},
        action="cohort.member_added",
        related=[programme, data.get("person")],
    )


def cohort_member_remove(*, actor, member: CohortMember) -> None:
    audited_delete(
        actor=actor,
        instance=member,
        action="cohort.member_removed",
        related=[member.programme, member.person],
    )
