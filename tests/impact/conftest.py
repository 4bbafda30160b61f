import datetime

import pytest

from tissage.activities.domain.activities import activity_members_set
from tissage.activities.enums import ActivityKind, MemberRole
from tissage.impact.models import Enterprise
from tissage.people.enums import Role

from ..factories import (
    ActivityFactory,
    CohortMemberFactory,
    EditionFactory,
    HubFactory,
    ParticipationFactory,
    PersonFactory,
    PersonRoleFactory,
    ProgrammeFactory,
    SessionFactory,
)

D = datetime.date


def workshop(year, people, *, session=None, hub=None, hours=4, kind=ActivityKind.CROSSED_WORKSHOP, **kwargs):
    start = datetime.datetime(year, 7, 20, 10, tzinfo=datetime.UTC)
    edition = EditionFactory(
        festival__hub=hub or session.hub, start_date=D(year, 7, 19), end_date=D(year, 7, 25)
    )
    activity = ActivityFactory(
        edition=edition,
        session=session,
        kind=kind,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=hours),
        **kwargs,
    )
    activity_members_set(actor=None, activity=activity, members=[(p, MemberRole.MEMBER) for p in people])
    return activity


@pytest.fixture
def network(db):
    """Marseille (a, d) and Narian-Mar (b, c): a workshop of a programme in 2002 (a, b, c), a concert
    at Mimi in 2003 (a, d), a workshop at Mimi in 2004 (a, b). c was a trainee, then a technician,
    and founded a sound-hire company in 2006."""
    marseille, narian_mar = HubFactory(slug="marseille"), HubFactory(slug="narian-mar")
    a, d = PersonFactory(home_hub=marseille), PersonFactory(home_hub=marseille)
    b, c = PersonFactory(home_hub=narian_mar), PersonFactory(home_hub=narian_mar)
    programme = ProgrammeFactory(
        home_hub=marseille,
        partner_hubs=[narian_mar],
        start_year=2002,
        name={"en": "Marseille – Narian-Mar", "fr": "Marseille – Narian-Mar", "ru": "Марсель – Нарьян-Мар"},
    )
    first = SessionFactory(
        programme=programme, hub=narian_mar, start_date=D(2002, 7, 19), end_date=D(2002, 7, 25)
    )
    second = SessionFactory(
        programme=programme, hub=narian_mar, start_date=D(2003, 5, 17), end_date=D(2003, 5, 25)
    )
    for person in (a, b, c):
        CohortMemberFactory(programme=programme, person=person)
        ParticipationFactory(person=person, session=first)
    ParticipationFactory(person=a, session=second)
    workshop(2002, [a, b, c], session=first)
    workshop(2003, [a, d], hub=marseille, kind=ActivityKind.CONCERT, audience=120, hours=2)
    workshop(2004, [a, b], hub=marseille)
    PersonRoleFactory(person=c, role=Role.TRAINEE, since=D(2002, 7, 1), until=D(2004, 12, 31))
    PersonRoleFactory(person=c, role=Role.TECHNICIAN, since=D(2005, 1, 1))
    company = Enterprise.objects.create(
        slug="sever-zvuk",
        name="Sever-Zvuk",
        kind="hire",
        city="Narian-Mar",
        founded_on=D(2006, 4, 1),
        hub=narian_mar,
    )
    company.founders.set([c])
    return {
        "a": a,
        "b": b,
        "c": c,
        "d": d,
        "programme": programme,
        "marseille": marseille,
        "company": company,
    }
