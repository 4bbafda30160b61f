"""Places, bedrooms and beds; stays, never two in one bed on the same night; a session's rooming."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from tissage.activities.enums import ParticipationStatus
from tissage.core.domain.writes import audited_create, audited_delete, audited_update

from ..models import AccommodationPlace, AccommodationRoom, Bed, Stay
from .common import concerning, day_text

DAY = datetime.timedelta(days=1)
NOT_COMING = (ParticipationStatus.DECLINED, ParticipationStatus.CANCELLED)


def place_create(*, actor, data: dict) -> AccommodationPlace:
    return audited_create(
        actor=actor,
        model=AccommodationPlace,
        data=data,
        action="accommodation_place.created",
        related=[data["hub"]],
    )


def place_update(*, actor, place: AccommodationPlace, data: dict) -> dict:
    return audited_update(actor=actor, instance=place, data=data, action="accommodation_place.updated")


def bedroom_create(*, actor, place: AccommodationPlace, name: str, beds: int) -> AccommodationRoom:
    """A bedroom with ``beds`` beds, labelled 1, 2, 3 …"""
    if beds < 1:
        raise ValidationError({"beds": _("A bedroom has at least one bed.")})
    with transaction.atomic():
        room = audited_create(
            actor=actor,
            model=AccommodationRoom,
            data={"place": place, "name": name},
            action="accommodation_room.created",
            related=[place],
        )
        Bed.objects.bulk_create(Bed(room=room, label=str(n)) for n in range(1, beds + 1))
    return room


def nights_between(first_night: datetime.date, leaves_on: datetime.date) -> list[datetime.date]:
    return [first_night + n * DAY for n in range((leaves_on - first_night).days)]


def stay_conflicts(*, bed: Bed, check_in: datetime.date, check_out: datetime.date, stay: Stay | None = None):
    """Stays that hold ``bed`` on one of the nights asked for."""
    others = (
        Stay.objects.filter(bed=bed).overlapping(check_in, check_out).select_related("participation__person")
    )
    return others.exclude(pk=stay.pk) if stay is not None else others


def _refuse_double_booking(data: dict, stay: Stay | None = None) -> None:
    bed, check_in, check_out = data["bed"], data["check_in"], data["check_out"]
    if check_in >= check_out:
        return  # the model's own constraint says what is wrong
    # Lock the bed, so that two people booking it at once are checked one after the other.
    Bed.objects.select_for_update().filter(pk=bed.pk).first()
    taken = stay_conflicts(bed=bed, check_in=check_in, check_out=check_out, stay=stay).first()
    if taken is not None:
        raise ValidationError(
            {
                "bed": _("This bed is taken by %(person)s from %(start)s to %(end)s.")
                % {
                    "person": taken.participation.person,
                    "start": day_text(taken.check_in),
                    "end": day_text(taken.check_out),
                }
            },
            code="double_booked",
        )


def _in_one_transaction(write):
    """Run ``write`` in a transaction; the database's own refusal of a double booking (when two
    requests slipped past the check at once) becomes the same kind of error as the check's."""
    try:
        with transaction.atomic():
            return write()
    except IntegrityError as error:
        raise ValidationError({"bed": _("This bed was just taken for some of these nights.")}) from error


def stay_create(*, actor, data: dict) -> Stay:
    participation = data["participation"]
    if participation.status in NOT_COMING:
        raise ValidationError(_("This person is not coming to the session."))

    def write():
        _refuse_double_booking(data)
        return audited_create(
            actor=actor, model=Stay, data=data, action="stay.created", related=concerning(participation)
        )

    return _in_one_transaction(write)


def stay_update(*, actor, stay: Stay, data: dict) -> dict:
    def write():
        merged = {name: data.get(name, getattr(stay, name)) for name in ("bed", "check_in", "check_out")}
        _refuse_double_booking(merged, stay=stay)
        return audited_update(
            actor=actor,
            instance=stay,
            data=data,
            action="stay.updated",
            related=concerning(stay.participation),
        )

    return _in_one_transaction(write)


def stay_delete(*, actor, stay: Stay) -> None:
    audited_delete(actor=actor, instance=stay, action="stay.deleted", related=concerning(stay.participation))


def nights_needed(participation) -> list[datetime.date]:
    """The nights someone spends at the session: from the arrival day to the night before leaving."""
    session = participation.session
    arrives = participation.arrives_on or session.start_date
    departs = participation.departs_on or session.end_date
    return nights_between(arrives, max(departs, arrives + DAY))


@dataclass
class Rooming:
    """A participant's nights at a session: the stays, the nights without a bed, and what is wrong."""

    participation: object
    stays: list = field(default_factory=list)
    unhoused: list[datetime.date] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


# A participation's stays with their beds, rooms and places, in one query.
STAYS_WITH_BEDS = Prefetch("stays", queryset=Stay.objects.select_related("bed__room__place"))


def rooming_of(participation, stays: list[Stay]) -> Rooming:
    """``stays`` are the participation's own; works on prefetched lists, without a query."""
    needed = [] if participation.status in NOT_COMING else nights_needed(participation)
    covered: dict[datetime.date, Stay] = {}
    conflicts = []
    for stay in stays:
        for night in stay.night_dates():
            if night in covered:
                conflicts.append(
                    _("Two beds on the night of %(day)s: %(first)s and %(second)s.")
                    % {"day": day_text(night), "first": covered[night].bed, "second": stay.bed}
                )
            covered[night] = stay
    outside = sorted(set(covered) - set(needed))
    if outside and needed:
        conflicts.append(
            _("A bed is held on nights outside the stay: %(days)s.")
            % {"days": ", ".join(day_text(d) for d in outside)}
        )
    if participation.status in NOT_COMING and stays:
        conflicts.append(_("This person is not coming but still holds a bed."))
    return Rooming(
        participation=participation,
        stays=stays,
        unhoused=[night for night in needed if night not in covered],
        conflicts=conflicts,
    )


def session_rooming(session) -> list[Rooming]:
    """Who sleeps where during a session: the travellers coming, and whoever holds a bed, with the
    nights without a bed and the conflicts (two queries)."""
    participations = (
        session.participations.select_related("person__home_hub", "session")
        .prefetch_related(STAYS_WITH_BEDS)
        .order_by("person__family_name", "person__given_name", "pk")
    )
    rows = []
    for participation in participations:
        stays = list(participation.stays.all())
        travels = participation.person.home_hub_id != session.hub_id
        if stays or (travels and participation.status not in NOT_COMING):
            rows.append(rooming_of(participation, stays))
    return rows
