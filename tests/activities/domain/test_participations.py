import datetime

import pytest

from tissage.activities.domain.participations import programme_participants, with_head_counts
from tissage.activities.enums import ParticipationStatus
from tissage.network.models import Edition, Session
from tissage.people.enums import Role

from ...factories import EditionFactory, ParticipationFactory, PersonFactory, ProgrammeFactory, SessionFactory


@pytest.mark.django_db
def test_with_head_counts_counts_who_comes_and_who_has_not_answered():
    session = SessionFactory()
    for status in ("invited", "invited", "confirmed", "attended", "declined", "cancelled"):
        ParticipationFactory(session=session, status=status)
    SessionFactory()
    counted = with_head_counts(Session.objects.order_by("pk"))
    assert [(s.present_count, s.invited_count) for s in counted] == [(2, 2), (0, 0)]


@pytest.mark.django_db
def test_with_head_counts_counts_editions_through_their_sessions():
    edition = EditionFactory()
    for session in SessionFactory.create_batch(2, edition=edition, hub=edition.festival.hub):
        ParticipationFactory(session=session)
        ParticipationFactory(session=session, status=ParticipationStatus.INVITED)
    counted = with_head_counts(Edition.objects.all(), prefix="sessions__").get()
    assert (counted.present_count, counted.invited_count) == (2, 2)


@pytest.mark.django_db
def test_programme_participants_gathers_roles_and_sessions_by_person(django_assert_num_queries):
    programme = ProgrammeFactory()
    first = SessionFactory(programme=programme, start_date=datetime.date(2002, 9, 2))
    second = SessionFactory(programme=programme, start_date=datetime.date(2003, 7, 14))
    abbas = PersonFactory(family_name="Abbas")
    zaitsev = PersonFactory(family_name="Zaitsev")
    ParticipationFactory(person=zaitsev, session=first, status=ParticipationStatus.ATTENDED)
    ParticipationFactory(person=abbas, session=second, role=Role.TECHNICIAN)
    ParticipationFactory(person=abbas, session=first, role=Role.TRAINEE, status=ParticipationStatus.ATTENDED)
    ParticipationFactory(session=first, status=ParticipationStatus.DECLINED)
    ParticipationFactory(person=abbas)
    with django_assert_num_queries(1):
        participants = programme_participants(programme)
        rows = [(p.person, p.roles, [s.hub for s in p.sessions], p.attended) for p in participants]
    assert rows == [
        (abbas, ["trainee", "technician"], [first.hub, second.hub], 1),
        (zaitsev, ["artist"], [first.hub], 1),
    ]
