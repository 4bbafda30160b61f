"""Enterprises and their founders' paths through the network: the emergence of new entrepreneurs."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from tissage.activities.models import ActivityMember
from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_delete, audited_update

from ..enums import TRAINING_KINDS
from ..models import Enterprise
from .ledger import Occasion, activity_occasion


def _check_founders(founders) -> None:
    if founders is not None and not founders:
        raise ValidationError({"founders": _("Name at least one founder.")})


def enterprise_create(*, actor, data: dict) -> Enterprise:
    data = dict(data)
    _check_founders(data.get("founders", []))
    if not data.get("slug"):
        data["slug"] = unique_slug(Enterprise.objects.all(), data.get("name", ""), fallback="enterprise")
    return audited_create(
        actor=actor, model=Enterprise, data=data, action="enterprise.created", related=data["founders"]
    )


def enterprise_update(*, actor, enterprise: Enterprise, data: dict) -> dict:
    _check_founders(data.get("founders"))
    founders = list(enterprise.founders.all())
    return audited_update(
        actor=actor,
        instance=enterprise,
        data=data,
        action="enterprise.updated",
        related=list(dict.fromkeys([*founders, *data.get("founders", [])])),
    )


def enterprise_delete(*, actor, enterprise: Enterprise) -> None:
    founders = list(enterprise.founders.all())
    audited_delete(actor=actor, instance=enterprise, action="enterprise.deleted", related=founders)


@dataclass(frozen=True)
class Training:
    member: ActivityMember
    occasion: Occasion


@dataclass
class FounderPath:
    """A founder's way to the enterprise: the network's trainings they took part in before
    founding it, and the roles they held over the years."""

    person: object
    trainings: list[Training] = field(default_factory=list)
    roles: list = field(default_factory=list)
    programmes: list = field(default_factory=list)

    @property
    def training_hours(self) -> float:
        return sum(training.occasion.hours for training in self.trainings)

    @property
    def trained_before(self) -> bool:
        return bool(self.trainings)


def founder_paths(enterprise: Enterprise) -> list[FounderPath]:
    """Each founder's path up to the founding day, in four queries whatever the number of founders."""
    founded: datetime.date = enterprise.founded_on
    trainings = (
        ActivityMember.objects.filter(activity__kind__in=TRAINING_KINDS)
        .select_related(
            "activity__session__hub", "activity__session__programme", "activity__edition__festival__hub"
        )
        .order_by("activity__starts_at", "activity__pk")
    )
    founders = enterprise.founders.select_related("home_hub").prefetch_related(
        Prefetch("activity_memberships", queryset=trainings, to_attr="training_memberships"),
        "roles",
        "cohort_memberships__programme",
    )
    paths = []
    for person in founders:
        path = FounderPath(
            person=person,
            roles=sorted(person.roles.all(), key=lambda role: role.since),
            programmes=[member.programme for member in person.cohort_memberships.all()],
        )
        for member in person.training_memberships:
            occasion = activity_occasion(member.activity)
            if occasion.date < founded:
                path.trainings.append(Training(member=member, occasion=occasion))
        paths.append(path)
    return paths


def enterprises_with_trainings_before(person) -> list[tuple[Enterprise, int]]:
    """The enterprises a person founded, each with the number of the network's trainings they took
    part in before founding it (two queries, whatever the number of enterprises)."""
    memberships = ActivityMember.objects.filter(person=person, activity__kind__in=TRAINING_KINDS)
    days = [
        activity_occasion(member.activity).date
        for member in memberships.select_related("activity__session", "activity__edition")
    ]
    return [
        (enterprise, sum(day < enterprise.founded_on for day in days))
        for enterprise in person.enterprises_founded.order_by("founded_on", "pk")
    ]
