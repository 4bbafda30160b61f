import datetime

import pytest

from tissage.people.domain.portal import person_account_ensure

from ..factories import (
    ActivityFactory,
    ActivityMemberFactory,
    HubFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)


@pytest.fixture
def kinshasa(db):
    return HubFactory(
        slug="kinshasa", name={"en": "Kinshasa", "fr": "Kinshasa"}, timezone="Africa/Kinshasa", country="CD"
    )


@pytest.fixture
def participant(kinshasa):
    """Grace, invited to Mimi-Sud 2026, with a crossed workshop there; signed-in pages use her account."""
    person = PersonFactory(
        given_name="Grace", family_name="Nsimba", email="grace@example.cd", home_hub=kinshasa
    )
    person_account_ensure(actor=None, person=person)
    return person


@pytest.fixture
def participation(participant, kinshasa):
    session = SessionFactory(
        hub=kinshasa,
        programme__home_hub=kinshasa,
        title={"en": "Mimi-Sud 2026", "fr": "Mimi-Sud 2026"},
        start_date=datetime.date(2030, 12, 5),
        end_date=datetime.date(2030, 12, 13),
    )
    return ParticipationFactory(person=participant, session=session, status="invited", role="artist")


@pytest.fixture
def workshop(participation):
    """A crossed workshop of her session at 10:00 in Kinshasa (09:00 UTC), with a partner from elsewhere."""
    activity = ActivityFactory(
        edition=None,
        session=participation.session,
        title={"en": "Crossed workshop: rumba and tundra"},
        starts_at=datetime.datetime(2030, 12, 6, 9, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 12, 6, 12, 0, tzinfo=datetime.UTC),
    )
    ActivityMemberFactory(activity=activity, person=participation.person)
    ActivityMemberFactory(
        activity=activity, person__given_name="Artyom", person__family_name="Vylka", role="leader"
    )
    return activity


@pytest.fixture
def portal_client(client, participant):
    client.force_login(participant.user)
    return client
