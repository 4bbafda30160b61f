import datetime

import pytest
from django.urls import reverse

from tissage.core.models import AuditEntry
from tissage.network.enums import Season
from tissage.network.models import Edition, Festival

from ..factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    FestivalFactory,
    HubFactory,
    ParticipationFactory,
    RoomFactory,
    SessionFactory,
    VenueFactory,
)
from .access import anonymous_outcomes, sent_to_login, statuses

LIST_QUERIES = 5
FESTIVAL_QUERIES = 6
EDITION_LIST_QUERIES = 6
EDITION_QUERIES = 8


@pytest.fixture
def narian_mar(db):
    return HubFactory(slug="narian-mar", timezone="Europe/Moscow", season=Season.SPRING, country="RU")


@pytest.fixture
def mimi_nor(narian_mar):
    return FestivalFactory(slug="mimi-nor", hub=narian_mar, name={"en": "Mimi-Nor"}, founded_year=2002)


@pytest.fixture
def edition(mimi_nor):
    return EditionFactory(
        festival=mimi_nor,
        number=1,
        slug="2002",
        start_date=datetime.date(2002, 8, 31),
        end_date=datetime.date(2002, 9, 8),
        is_published=False,
    )


def festival_urls(festival, edition) -> list[str]:
    return [
        reverse("orga:festival-list"),
        reverse("orga:festival-create"),
        reverse("orga:festival-detail", args=[festival.slug]),
        reverse("orga:festival-update", args=[festival.slug]),
        reverse("orga:edition-list"),
        reverse("orga:edition-create"),
        reverse("orga:edition-detail", args=[edition.pk]),
        reverse("orga:edition-update", args=[edition.pk]),
    ]


def test_festival_pages_send_anonymous_visitors_to_login(client, mimi_nor, edition):
    urls = festival_urls(mimi_nor, edition)
    publish = [reverse("orga:edition-publish", args=[edition.pk])]
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    assert anonymous_outcomes(client, urls + publish, "post") == sent_to_login(urls + publish)


def test_festival_pages_are_forbidden_to_non_staff(member_client, mimi_nor, edition):
    urls = festival_urls(mimi_nor, edition)
    publish = [reverse("orga:edition-publish", args=[edition.pk])]
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    assert statuses(member_client, urls + publish, "post") == dict.fromkeys(urls + publish, 403)


def test_festival_list_filters_by_hub_and_text(staff_client, mimi_nor):
    FestivalFactory(slug="mimi", name={"fr": "Mimi"}, founded_year=1986)
    url = reverse("orga:festival-list")
    assert [f.slug for f in staff_client.get(url).context["object_list"]] == ["mimi", "mimi-nor"]
    assert [f.slug for f in staff_client.get(url, {"hub": mimi_nor.hub.pk}).context["object_list"]] == [
        "mimi-nor"
    ]
    assert [f.slug for f in staff_client.get(url, {"q": "nor"}).context["object_list"]] == ["mimi-nor"]


def test_festival_list_query_count_does_not_grow_with_festivals(staff_client, django_assert_max_num_queries):
    for festival in FestivalFactory.create_batch(2):
        EditionFactory(festival=festival)
    with django_assert_max_num_queries(LIST_QUERIES):
        staff_client.get(reverse("orga:festival-list"))
    for festival in FestivalFactory.create_batch(20):
        EditionFactory.create_batch(2, festival=festival)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = staff_client.get(reverse("orga:festival-list"))
    assert response.context["paginator"].count == 22


def test_festival_page_lists_its_editions_with_counts(staff_client, mimi_nor, edition):
    later = EditionFactory(festival=mimi_nor, number=2, start_date=datetime.date(2003, 5, 5))
    session = SessionFactory(hub=mimi_nor.hub, edition=edition, programme__home_hub=HubFactory())
    ParticipationFactory.create_batch(2, session=session)
    response = staff_client.get(mimi_nor.get_absolute_url())
    rows = [(e, e.session_count, e.present_count) for e in response.context["editions"]]
    assert rows == [(later, 0, 0), (edition, 1, 2)]
    assert reverse("orga:edition-create") + "?festival=mimi-nor" in response.content.decode()


def test_festival_page_query_count_does_not_grow_with_editions(
    staff_client, mimi_nor, django_assert_max_num_queries
):
    EditionFactory(festival=mimi_nor)
    with django_assert_max_num_queries(FESTIVAL_QUERIES):
        staff_client.get(mimi_nor.get_absolute_url())
    EditionFactory.create_batch(15, festival=mimi_nor)
    with django_assert_max_num_queries(FESTIVAL_QUERIES):
        response = staff_client.get(mimi_nor.get_absolute_url())
    assert len(response.context["editions"]) == 16


def test_festival_create_from_a_hub_page_saves_and_audits(staff_client, narian_mar):
    form_page = staff_client.get(reverse("orga:festival-create"), {"hub": "narian-mar"})
    assert form_page.context["form"].initial["hub"] == narian_mar
    response = staff_client.post(
        reverse("orga:festival-create"),
        {
            "name_0": "Mimi-Nor",
            "name_2": "Мими-Нор",
            "slug": "mimi-nor",
            "hub": narian_mar.pk,
            "season": "spring",
        },
    )
    festival = Festival.objects.get()
    assert response["Location"] == festival.get_absolute_url()
    assert AuditEntry.objects.for_object(festival).get().action == "festival.created"


def test_festival_create_with_bad_input_shows_errors_and_writes_nothing(staff_client):
    response = staff_client.post(reverse("orga:festival-create"), {"slug": "no spaces", "season": "monsoon"})
    assert set(response.context["form"].errors) == {"name", "slug", "hub", "season"}
    assert (Festival.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_festival_update_audits_the_change(staff_client, mimi_nor):
    response = staff_client.post(
        reverse("orga:festival-update", args=[mimi_nor.slug]),
        {
            "name_1": "Mimi-Nor",
            "slug": "mimi-nor",
            "hub": mimi_nor.hub.pk,
            "season": "spring",
            "founded_year": 2001,
        },
    )
    assert response.status_code == 302
    assert AuditEntry.objects.for_object(mimi_nor).get().changes["founded_year"] == [2002, 2001]


def test_edition_list_filters_by_festival_hub_year_and_publication(staff_client, mimi_nor, edition):
    mimi = FestivalFactory(slug="mimi")
    published = EditionFactory(festival=mimi, start_date=datetime.date(2004, 7, 22))
    url = reverse("orga:edition-list")

    def listed(**params):
        return list(staff_client.get(url, params).context["object_list"])

    assert listed() == [published, edition]
    assert listed(festival=mimi.pk) == [published]
    assert listed(hub=mimi_nor.hub.pk) == [edition]
    assert listed(year=2002) == [edition]
    assert listed(published="false") == [edition]
    assert listed(published="true") == [published]


def test_edition_list_query_count_does_not_grow_with_editions(staff_client, django_assert_max_num_queries):
    EditionFactory.create_batch(2)
    with django_assert_max_num_queries(EDITION_LIST_QUERIES):
        staff_client.get(reverse("orga:edition-list"))
    for edition in EditionFactory.create_batch(20):
        ParticipationFactory(session=SessionFactory(edition=edition, hub=edition.festival.hub))
    with django_assert_max_num_queries(EDITION_LIST_QUERIES):
        response = staff_client.get(reverse("orga:edition-list"))
    assert response.context["paginator"].count == 22


def test_edition_create_defaults_number_and_slug_and_offers_the_hubs_venues(staff_client, mimi_nor, edition):
    here = VenueFactory(hub=mimi_nor.hub, slug="dom-kultury")
    VenueFactory(slug="elsewhere")
    form_page = staff_client.get(reverse("orga:edition-create"), {"festival": "mimi-nor"})
    assert list(form_page.context["form"].fields["venues"].queryset) == [here]
    response = staff_client.post(
        reverse("orga:edition-create") + "?festival=mimi-nor",
        {
            "festival": mimi_nor.pk,
            "number": "",
            "slug": "",
            "start_date": "2003-05-12",
            "end_date": "2003-05-18",
            "venues": [here.pk],
        },
    )
    created = Edition.objects.get(start_date=datetime.date(2003, 5, 12))
    assert response["Location"] == created.get_absolute_url()
    assert (created.number, created.slug, created.is_published) == (2, "2003", False)
    assert list(created.venues.all()) == [here]
    assert AuditEntry.objects.for_object(mimi_nor).get().action == "edition.created"


def test_edition_create_with_dates_out_of_order_writes_nothing(staff_client, mimi_nor):
    response = staff_client.post(
        reverse("orga:edition-create"),
        {"festival": mimi_nor.pk, "start_date": "2003-05-18", "end_date": "2003-05-12"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["The last day cannot come before the first day."]
    assert (Edition.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_edition_update_refuses_a_venue_of_another_hub(staff_client, edition):
    elsewhere = VenueFactory(name={"en": "Cour des lazarets"})
    response = staff_client.post(
        reverse("orga:edition-update", args=[edition.pk]),
        {
            "festival": edition.festival.pk,
            "number": 1,
            "slug": "2002",
            "start_date": "2002-08-31",
            "end_date": "2002-09-08",
            "venues": [elsewhere.pk],
        },
    )
    assert response.status_code == 200
    assert "venues" in response.context["form"].errors
    assert (edition.venues.count(), AuditEntry.objects.count()) == (0, 0)


def test_edition_page_shows_activities_by_day_in_the_hubs_time_zone(staff_client, edition):
    moscow_evening = datetime.datetime(
        2002, 9, 7, 21, 30, tzinfo=datetime.UTC
    )  # 01:30 on 8 Sep in Moscow (summer time, UTC+4)
    concert = ActivityFactory(
        edition=edition,
        title={"en": "Concert night"},
        starts_at=moscow_evening,
        ends_at=moscow_evening + datetime.timedelta(hours=2),
    )
    unscheduled = ActivityFactory(edition=edition, starts_at=None, ends_at=None)
    response = staff_client.get(edition.get_absolute_url())
    days = response.context["days"]
    assert [(day.date, day.activities) for day in days] == [(datetime.date(2002, 9, 8), [concert])]
    assert response.context["unscheduled"] == [unscheduled]
    html = response.content.decode()
    assert "01:30" in html
    assert "Europe/Moscow" in html


def test_edition_page_query_count_does_not_grow(staff_client, edition, django_assert_max_num_queries):
    edition.venues.add(VenueFactory(hub=edition.festival.hub))
    SessionFactory(edition=edition, hub=edition.festival.hub)
    ActivityFactory(edition=edition)
    with django_assert_max_num_queries(EDITION_QUERIES):
        staff_client.get(edition.get_absolute_url())
    room = RoomFactory(venue__hub=edition.festival.hub)
    for venue in VenueFactory.create_batch(3, hub=edition.festival.hub):
        edition.venues.add(venue)
    for session in SessionFactory.create_batch(5, edition=edition, hub=edition.festival.hub):
        ParticipationFactory.create_batch(2, session=session)
    for activity in ActivityFactory.create_batch(10, edition=edition, room=room):
        ActivityMemberFactory(activity=activity)
    with django_assert_max_num_queries(EDITION_QUERIES):
        response = staff_client.get(edition.get_absolute_url())
    assert len(response.context["sessions"]) == 6


def test_edition_publish_and_unpublish_go_through_the_domain(staff_client, edition):
    url = reverse("orga:edition-publish", args=[edition.pk])
    published = staff_client.post(url, {"published": "1"})
    edition.refresh_from_db()
    assert (published["Location"], edition.is_published) == (edition.get_absolute_url(), True)
    staff_client.post(url, {"published": "0"})
    edition.refresh_from_db()
    assert edition.is_published is False
    actions = [e.action for e in AuditEntry.objects.for_object(edition)]
    assert actions == ["edition.unpublished", "edition.published"]


def test_edition_publish_refuses_get(staff_client, edition):
    assert staff_client.get(reverse("orga:edition-publish", args=[edition.pk])).status_code == 405


def test_edition_page_links_to_the_public_programme_once_published(staff_client, edition):
    assert edition.get_public_url() not in staff_client.get(edition.get_absolute_url()).content.decode()
    edition.is_published = True
    edition.save()
    assert edition.get_public_url() in staff_client.get(edition.get_absolute_url()).content.decode()


def test_edition_pages_mark_festivals_as_the_current_section(staff_client, edition):
    current = f'<a href="{reverse("orga:festival-list")}" aria-current="page">'
    assert current in staff_client.get(edition.get_absolute_url()).content.decode()
    assert current in staff_client.get(reverse("orga:edition-list")).content.decode()
