"""The participant portal's travel page: a participant sees their own journeys (each time in its own
place's zone), visa deadlines, bed and per diem — and nobody else's."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from tissage.logistics.models import VisaDocument

from ..factories import (
    BedFactory,
    HubFactory,
    ParticipationFactory,
    PerDiemFactory,
    SessionFactory,
    StayFactory,
    TravelLegFactory,
    UserFactory,
    VisaCaseFactory,
)

D = datetime.date
TRAVEL_QUERIES = 14
# Mimi, some months from now (the travel page shows coming sessions only), in July, Paris's summer time.
YEAR = timezone.localdate().year + 1
START = D(YEAR, 7, 19)


@pytest.fixture
def artyom(db):
    """Artyom, from Narian-Mar, invited to Mimi in Marseille, signed in to the portal."""
    marseille = HubFactory(
        slug="marseille", country="FR", name={"en": "Marseille", "fr": "Marseille", "ru": "Марсель"}
    )
    narian_mar = HubFactory(slug="narian-mar", country="RU", timezone="Europe/Moscow")
    session = SessionFactory(
        hub=marseille,
        start_date=START,
        end_date=D(YEAR, 7, 25),
        title={"en": "Mimi", "fr": "Mimi", "ru": "Мими"},
    )
    participation = ParticipationFactory(
        session=session,
        person__home_hub=narian_mar,
        person__nationality="RU",
        person__given_name="Artyom",
        person__user=UserFactory(username="artyom"),
    )
    TravelLegFactory(
        participation=participation,
        from_place="Moscow SVO",
        from_timezone="Europe/Moscow",
        to_place="Marseille MRS",
        to_timezone="Europe/Paris",
        departs_at=datetime.datetime(YEAR, 7, 18, 7, 5, tzinfo=datetime.UTC),
        arrives_at=datetime.datetime(YEAR, 7, 18, 11, 40, tzinfo=datetime.UTC),
    )
    VisaCaseFactory(participation=participation, rule__nationality="RU", rule__destination="FR")
    StayFactory(
        participation=participation, bed=BedFactory(room__place__name="Résidence du Frioul", room__name="12")
    )
    PerDiemFactory(participation=participation, daily_amount=Decimal("35.50"), days=7)
    return participation


@pytest.fixture
def artyom_client(client, artyom):
    client.force_login(artyom.person.user)
    return client


def travel_url(language="en") -> str:
    with translation.override(language):
        return reverse("portal:travel")


def test_travel_page_sends_anonymous_visitors_to_sign_in(client, artyom):
    response = client.get(travel_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:sign-in"))


def test_travel_page_is_forbidden_to_an_account_without_a_person(member_client, artyom):
    assert member_client.get(travel_url()).status_code == 403


def test_travel_page_shows_times_in_each_place_zone_visa_deadlines_bed_and_per_diem(artyom_client, artyom):
    html = artyom_client.get(travel_url()).content.decode()
    # 07:05 UTC is 10:05 in Moscow; 11:40 UTC is 13:40 in Marseille (summer time).
    departs, arrives = f"July 18, {YEAR}, 10:05 a.m.", f"July 18, {YEAR}, 1:40 p.m."
    assert f"departs {departs} (Europe/Moscow), arrives {arrives} (Europe/Paris)" in html
    assert (
        f'<time datetime="{YEAR}-05-05">May 5, {YEAR}</time>' in html
    )  # the invitation letter, 75 days before
    assert "Résidence du Frioul" in html
    assert "7 days × 35.50\xa0EUR = 248.50\xa0EUR" in html


def test_travel_page_in_russian(artyom_client, artyom):
    html = artyom_client.get(travel_url("ru")).content.decode()
    assert f"18 июля {YEAR} г. 10:05" in html


def test_travel_page_shows_nobody_elses_logistics(artyom_client, artyom):
    other = ParticipationFactory(session=artyom.session, person__given_name="Someone")
    TravelLegFactory(participation=other, from_place="Kinshasa FIH")
    html = artyom_client.get(travel_url()).content.decode()
    assert "Kinshasa FIH" not in html
    assert [p.pk for p in artyom_client.get(travel_url()).context["participations"]] == [artyom.pk]


def test_travel_page_query_count_does_not_grow_with_sessions(
    artyom_client, artyom, django_assert_max_num_queries
):
    with django_assert_max_num_queries(TRAVEL_QUERIES):
        artyom_client.get(travel_url())
    for month in (9, 10, 11):
        participation = ParticipationFactory(
            person=artyom.person,
            session=SessionFactory(start_date=D(YEAR, month, 1), end_date=D(YEAR, month, 9)),
        )
        TravelLegFactory(participation=participation)
        VisaCaseFactory(participation=participation, rule__nationality="RU", rule__destination="FR")
        StayFactory(participation=participation)
    with django_assert_max_num_queries(TRAVEL_QUERIES):
        assert len(artyom_client.get(travel_url()).context["participations"]) == 4


def test_visa_document_opens_for_its_owner_only(client, artyom_client, artyom):
    document = VisaDocument.objects.create(
        case=artyom.visa_case, kind="invitation", file=ContentFile(b"%PDF-1.4 letter", name="invitation.pdf")
    )
    mine = artyom_client.get(reverse("portal:visa-document", args=[document.pk]))
    assert (mine.status_code, b"".join(mine.streaming_content)) == (200, b"%PDF-1.4 letter")
    other = ParticipationFactory(person__user=UserFactory(username="other"))
    client.force_login(other.person.user)
    assert client.get(reverse("portal:visa-document", args=[document.pk])).status_code == 404


def test_home_shows_the_next_visa_deadline(artyom_client, artyom):
    with translation.override("en"):
        html = artyom_client.get(reverse("portal:home")).content.decode()
    assert f"visa: invitation letter sent due May 5, {YEAR}" in html
    assert "your journey is booked" in html
    assert f'href="{travel_url()}"' in html
