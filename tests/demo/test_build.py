"""The demo network as written to the database.

Building it takes a while, so one test builds it once and checks every fact on it: a module-wide
fixture would be built again by each parallel worker that runs some of the module's tests. Each
``check_*`` function below is one fact; the test reports every one that fails.
"""

import datetime
import hashlib
import io
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q

from tissage.activities.enums import PRESENT_STATUSES, ActivityKind
from tissage.activities.models import Activity, ActivityMember, Participation
from tissage.core.models import AuditEntry
from tissage.demo.build import DemoSummary, build_demo, wipe_network
from tissage.demo.network import TODAY
from tissage.demo.plan import DemoPlan, plan_demo
from tissage.network.models import CohortMember, Edition, Festival, Hub, Programme, Room, Session, Venue
from tissage.people.enums import Role
from tissage.people.models import Organisation, Person, PersonRole, Skill
from tissage.schedule.models import Release

D = datetime.date
MOSCOW = ZoneInfo("Europe/Moscow")


@dataclass
class Demo:
    summary: DemoSummary
    progress: list[tuple[int, int]]


def _edition_key(edition) -> str:
    return f"{edition.festival.slug}-{edition.start_date.year}" if edition else ""


def digests(**parts) -> dict[str, str]:
    return {name: hashlib.sha256(repr(rows).encode()).hexdigest() for name, rows in parts.items()}


def database_digests() -> dict[str, str]:
    people = list(
        Person.objects.order_by("slug").values_list(
            "slug", "given_name", "family_name", "native_name", "email", "phone", "home_hub__slug"
        )
    )
    participations = sorted(
        Participation.objects.values_list(
            "person__slug",
            "session__programme__slug",
            "session__number",
            "role",
            "status",
            "arrives_on",
            "departs_on",
        )
    )
    members = defaultdict(list)
    for activity_id, person, role in ActivityMember.objects.values_list(
        "activity_id", "person__slug", "role"
    ):
        members[activity_id].append((person, role))
    activities = sorted(
        (
            _edition_key(a.edition),
            f"{a.session.programme.slug}-{a.session.number}" if a.session else "",
            a.slug,
            a.starts_at,
            (a.room.venue.slug, a.room.name) if a.room else None,
            tuple(sorted(members[a.pk])),
        )
        for a in Activity.objects.select_related("edition__festival", "session__programme", "room__venue")
    )
    counts = (Session.objects.count(), CohortMember.objects.count(), PersonRole.objects.count())
    return digests(people=people, participations=participations, activities=activities, counts=counts)


def plan_digests(plan: DemoPlan) -> dict[str, str]:
    """The same digests as :func:`database_digests`, from the plan in memory."""
    people = sorted(
        (p.slug, p.given_name, p.family_name, p.native_name, p.email, p.phone, p.hub) for p in plan.people
    )
    sessions = {s.key: (s.programme, s.number) for s in plan.sessions}
    participations = sorted(
        (p.person, *sessions[p.session], str(p.role), str(p.status), p.arrives_on, p.departs_on)
        for p in plan.participations
    )
    activities = sorted(
        (
            a.edition or "",
            a.session or "",
            a.slug,
            a.starts_at,
            a.room,
            tuple(sorted((person, str(role)) for person, role in a.members)),
        )
        for a in plan.activities
    )
    counts = (len(plan.sessions), len(plan.cohorts), sum(len(p.roles) for p in plan.people))
    return digests(people=people, participations=participations, activities=activities, counts=counts)


def check_counts_what_it_wrote(demo: Demo):
    counted = DemoSummary.count(seconds=demo.summary.seconds)
    assert counted == demo.summary
    assert (
        counted.hubs,
        counted.festivals,
        counted.editions,
        counted.programmes,
        counted.sessions,
        counted.organisations,
        counted.venues,
        counted.skills,
    ) == (6, 3, 15, 4, 25, 20, 9, 27)
    assert 140 <= counted.people <= 160


def check_reports_its_progress_to_the_end(demo: Demo):
    done = [d for d, _total in demo.progress]
    assert done == list(range(1, len(done) + 1))
    assert demo.progress[-1] == (len(done), len(done))


def check_writes_the_same_network_each_time(demo: Demo):
    """The database holds exactly the plan, and the plan is the same for the same seed: two
    builds give the same people, participations, activities and counts."""
    assert database_digests() == plan_digests(plan_demo(seed=2002))


def check_mimi_nor_2002_keeps_its_public_facts(demo: Demo):
    edition = Edition.objects.get(festival__slug="mimi-nor", slug="2002")
    assert (edition.number, edition.start_date, edition.end_date, edition.is_published) == (
        1,
        D(2002, 8, 31),
        D(2002, 9, 8),
        True,
    )
    days = defaultdict(set)
    for workshop in edition.activities.filter(kind=ActivityKind.TRAINING).select_related("room__venue"):
        assert workshop.room.venue.hub.slug == "narian-mar"
        local = workshop.starts_at.astimezone(MOSCOW)
        assert (local.hour, workshop.ends_at.astimezone(MOSCOW).hour) == (10, 17)
        days[workshop.slug.rsplit("-day-", 1)[0]].add(local.date())
    every_day = {D(2002, 9, day) for day in range(2, 8)}
    assert days == {"sound-workshop": every_day, "stage-management-administration-workshop": every_day}
    concerts = edition.activities.filter(kind=ActivityKind.CONCERT)
    assert [(c.starts_at, c.room.venue.slug, c.is_public) for c in concerts] == [
        (datetime.datetime(2002, 9, 7, 20, 30, tzinfo=MOSCOW), "dk-siyanie", True)
    ]
    assert D(2002, 9, 7).strftime("%A") == "Saturday"
    sound = edition.activities.get(slug="sound-workshop-day-1")
    assert sound.title.data == {
        "fr": "Atelier son — jour 1",
        "en": "Sound workshop — day 1",
        "ru": "Мастерская звука — день 1",
    }
    assert (sound.languages, sound.interpreting) == (["ru", "fr"], ["ru"])
    assert list(sound.members.filter(role="leader").values_list("person__slug", flat=True)) == [
        "marius-giordano"
    ]


def check_numbers_mimi_editions_from_1986(demo: Demo):
    numbers = dict(Edition.objects.filter(festival__slug="mimi").values_list("start_date__year", "number"))
    assert numbers == {2002: 17, 2003: 18, 2004: 19, 2005: 20, 2006: 21, 2027: 42}
    mimi_2006 = Edition.objects.get(festival__slug="mimi", slug="2006")
    assert (mimi_2006.start_date, mimi_2006.end_date) == (D(2006, 7, 27), D(2006, 7, 30))
    assert [str(venue.name) for venue in mimi_2006.venues.all()] == ["Hôpital Caroline"]
    assert Festival.objects.get(slug="mimi").founded_year == 1986


def check_mimi_sud_begins_in_november_2004(demo: Demo):
    first = Edition.objects.filter(festival__slug="mimi-sud").order_by("start_date").first()
    assert (first.number, first.start_date.year, first.start_date.month, first.festival.hub.slug) == (
        1,
        2004,
        11,
        "kinshasa",
    )


def check_publishes_the_past_and_part_of_the_future(demo: Demo):
    unpublished = Edition.objects.filter(is_published=False).order_by("start_date")
    assert [(e.festival.slug, e.start_date.year) for e in unpublished] == [("mimi-nor", 2027), ("mimi", 2027)]
    assert not Edition.objects.filter(end_date__lt=TODAY, is_published=False).exists()


def check_releases_the_timetable_of_every_published_edition(demo: Demo):
    published = Edition.objects.filter(is_published=True)
    releases = Release.objects.filter(edition__in=published)
    assert sorted(releases.values_list("edition_id", "number")) == sorted((e.pk, 1) for e in published)
    for release in releases.select_related("edition"):
        assert len(release.snapshot["activities"]) == release.edition.activities.count()
    assert not Release.objects.filter(edition__is_published=False).exists()


def check_gives_every_session_participants(demo: Demo):
    assert not Session.objects.annotate(n=Count("participations")).filter(n=0).exists()
    assert Session.objects.count() == 25


def check_schedules_every_past_edition_in_its_own_rooms(demo: Demo):
    for edition in Edition.objects.filter(end_date__lt=TODAY).select_related("festival__hub"):
        activities = list(edition.activities.select_related("room__venue"))
        assert activities, edition
        tz = edition.festival.hub.tzinfo
        for activity in activities:
            assert activity.room.venue.hub_id == edition.festival.hub_id, activity
            assert edition.start_date <= activity.starts_at.astimezone(tz).date() <= edition.end_date, (
                activity
            )
            assert activity.ends_at > activity.starts_at


def check_plans_the_next_session_after_today(demo: Demo):
    upcoming = Session.objects.upcoming(TODAY).select_related("programme", "hub", "edition__festival")
    first = upcoming.first()
    assert (first.programme.slug, first.hub.slug, first.start_date, first.status) == (
        "tissage-2026-2028",
        "kinshasa",
        D(2026, 12, 5),
        "confirmed",
    )
    assert first.edition.festival.slug == "mimi-sud"
    statuses = set(first.participations.values_list("status", flat=True))
    assert {"confirmed", "invited"} <= statuses
    assert first.edition.activities.filter(starts_at__isnull=False).exists()


def check_changes_roles_over_the_years(demo: Demo):
    artyom = Person.objects.get(slug="artyom-vylka")
    assert list(artyom.roles.values_list("role", "since", "until")) == [
        (Role.TRAINEE, D(2002, 8, 31), D(2004, 5, 14)),
        (Role.TECHNICIAN, D(2004, 5, 15), D(2006, 3, 31)),
        (Role.ENTREPRENEUR, D(2006, 4, 1), None),
    ]
    stays = artyom.participations.order_by("session__start_date").values_list(
        "session__start_date__year", "role", "status"
    )
    assert list(stays)[:6] == [
        (2002, Role.TRAINEE, "attended"),
        (2003, Role.TRAINEE, "attended"),
        (2003, Role.TRAINEE, "attended"),
        (2004, Role.TECHNICIAN, "attended"),
        (2004, Role.TECHNICIAN, "attended"),
        (2026, Role.ENTREPRENEUR, "attended"),
    ]
    guitarist = Person.objects.get(slug="dieumerci-lukusa")
    assert list(guitarist.roles.values_list("role", flat=True)) == [Role.ARTIST, Role.TEACHING_ARTIST]
    changed = Person.objects.annotate(n=Count("roles")).filter(n__gte=2).count()
    assert changed >= 25


def check_leads_every_workshop_and_course(demo: Demo):
    led = Activity.objects.filter(
        kind__in=[ActivityKind.CROSSED_WORKSHOP, ActivityKind.TRAINING], starts_at__isnull=False
    ).annotate(
        hubs=Count("members__person__home_hub", distinct=True),
        leaders=Count("members", filter=Q(members__role="leader")),
    )
    assert list(led.exclude(leaders=1)) == []
    assert list(led.filter(kind=ActivityKind.CROSSED_WORKSHOP, hubs__lt=2)) == []


def check_counts_the_audience_of_past_concerts(demo: Demo):
    concerts = Activity.objects.filter(kind=ActivityKind.CONCERT).select_related("room")
    past = [c for c in concerts if c.ends_at and c.ends_at.date() < TODAY]
    assert [c for c in past if not 0 < c.audience <= c.room.capacity] == []
    assert [c for c in concerts if c not in past and c.audience is not None] == []


def check_puts_nobody_in_two_activities_at_once(demo: Demo):
    clashes = []
    rows = (
        ActivityMember.objects.filter(activity__starts_at__isnull=False)
        .order_by("person_id", "activity__starts_at")
        .values_list("person_id", "activity__starts_at", "activity__ends_at", "activity_id")
    )
    last = {}
    for person, starts, ends, activity in rows:
        if person in last and last[person][0] > starts:
            clashes.append((person, last[person][1], activity))
        last[person] = (ends, activity)
    assert clashes == []


def check_books_no_room_twice(demo: Demo):
    clashes = []
    last = {}
    for room, starts, ends, activity in (
        Activity.objects.filter(room__isnull=False)
        .order_by("room_id", "starts_at")
        .values_list("room_id", "starts_at", "ends_at", "pk")
    ):
        if room in last and last[room][0] > starts:
            clashes.append((room, last[room][1], activity))
        last[room] = (ends, activity)
    assert clashes == []


def check_keeps_participations_within_their_session(demo: Demo):
    outside = Participation.objects.filter(
        Q(arrives_on__lt=F("session__start_date"))
        | Q(departs_on__gt=F("session__end_date"))
        | Q(departs_on__lt=F("arrives_on"))
    )
    assert list(outside) == []
    assert not Participation.objects.filter(status__in=PRESENT_STATUSES, arrives_on__isnull=True).exists()


def check_takes_session_members_from_the_people_there(demo: Demo):
    """Whoever is in a session's activity is present at one of that edition's sessions (or at
    that session, outside festivals), on that day."""
    stays = defaultdict(list)
    for person, session, edition, arrives, departs in Participation.objects.filter(
        status__in=PRESENT_STATUSES
    ).values_list("person_id", "session_id", "session__edition_id", "arrives_on", "departs_on"):
        stays[person].append((session, edition, arrives, departs))
    strangers = []
    for member in ActivityMember.objects.filter(
        activity__session__isnull=False, activity__starts_at__isnull=False
    ).select_related("activity__session__hub"):
        activity = member.activity
        day = activity.starts_at.astimezone(activity.session.hub.tzinfo).date()
        if not any(
            (session == activity.session_id or (edition and edition == activity.edition_id))
            and arrives <= day <= departs
            for session, edition, arrives, departs in stays[member.person_id]
        ):
            strangers.append((member.person_id, activity.pk))
    assert strangers == []


def check_records_everything_as_the_system(demo: Demo):
    assert AuditEntry.objects.count() == demo.summary.audit_entries
    assert set(AuditEntry.objects.values_list("actor_name", flat=True)) == {"system"}
    assert not AuditEntry.objects.filter(actor__isnull=False).exists()
    artyom = Person.objects.get(slug="artyom-vylka")
    actions = list(AuditEntry.objects.for_object(artyom).values_list("action", flat=True))
    assert (actions.count("person.created"), actions.count("person.role_added")) == (1, 3)
    assert actions.count("cohort.member_added") == 2


def check_links_hubs_programmes_and_organisations(demo: Demo):
    programme = Programme.objects.get(slug="tissage-2026-2028")
    assert sorted(programme.partner_hubs.values_list("slug", flat=True)) == ["kinshasa", "narian-mar"]
    assert programme.funders.count() == 3
    assert sorted(Hub.objects.filter(is_home=True).values_list("slug", flat=True)) == ["marseille"]
    assert Hub.objects.get(slug="narian-mar").languages == ["ru", "yrk"]
    assert not Organisation.objects.filter(
        partner_of_hubs=None, funded_programmes=None, venues_owned=None
    ).exists()
    assert not Room.objects.filter(capacity__isnull=True).exists()
    assert Venue.objects.get(slug="hopital-caroline").rooms.count() == 8
    assert Skill.objects.filter(slug__in=["balafon", "likembe", "throat-singing", "oud"]).count() == 4


def check_command_if_empty_does_nothing_on_a_second_run(demo: Demo):
    entries = AuditEntry.objects.count()
    out = io.StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert out.getvalue() == "The network already holds data: the demo is not loaded (--if-empty).\n"
    assert (AuditEntry.objects.count(), Person.objects.count()) == (entries, demo.summary.people)


def check_command_refuses_to_build_over_a_network(demo: Demo):
    with pytest.raises(CommandError) as caught:
        call_command("demo", stdout=io.StringIO())
    assert str(caught.value) == (
        "The network already holds data; --reset replaces it with the demo, --if-empty keeps it."
    )
    assert caught.value.returncode == 1


def check_wiping_leaves_no_row_of_the_network_so_a_reset_can_build_again(demo: Demo):
    # Last: it empties the network the other checks read.
    wipe_network()
    network_apps = {"network", "people", "activities", "schedule", "calls", "logistics", "impact", "planning"}
    left = {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in network_apps | {"outbox"} and model.objects.exists()
    }
    assert left == {}


# Every fact above, in the order written.
CHECKS = [function for name, function in list(globals().items()) if name.startswith("check_")]


def test_build_demo_writes_the_network_the_product_shows(db):
    progress = []
    summary = build_demo(progress=lambda done, total: progress.append((done, total)))
    demo = Demo(summary=summary, progress=progress)
    failures = {}
    for check in CHECKS:
        try:
            check(demo)
        except AssertionError as error:
            failures[check.__name__] = str(error)
    assert failures == {}
    assert len(CHECKS) == 23
