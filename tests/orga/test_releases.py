import pytest
from django.urls import reverse

from tissage.schedule.domain.placement import activity_place
from tissage.schedule.domain.releases import release_publish
from tissage.schedule.models import Release

from ..factories import PersonFactory
from ..public.html import elements, texts
from ..schedule.conftest import edition, hall, leader, local, placed, studio  # noqa: F401
from .access import anonymous_outcomes, sent_to_login, statuses

pytestmark = pytest.mark.django_db

LIST_QUERIES = 8
DETAIL_QUERIES = 9


def release_urls(edition, release) -> list[str]:
    return [
        reverse("orga:release-list", args=[edition.pk]),
        reverse("orga:release-detail", args=[release.pk]),
    ]


def test_release_pages_send_anonymous_visitors_to_login(client, edition, hall):
    placed(edition, hall, 3, 10)
    urls = release_urls(edition, release_publish(actor=None, edition=edition))
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    publish = [reverse("orga:release-publish", args=[edition.pk])]
    assert anonymous_outcomes(client, publish, "post") == sent_to_login(publish)


def test_release_pages_refuse_non_staff(member_client, edition, hall):
    placed(edition, hall, 3, 10)
    urls = release_urls(edition, release_publish(actor=None, edition=edition))
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    assert statuses(member_client, [reverse("orga:release-publish", args=[edition.pk])], "post") == {
        reverse("orga:release-publish", args=[edition.pk]): 403
    }


def test_publishing_creates_the_next_release_and_counts_the_conflicts(
    staff_client, edition, hall, studio, leader
):
    placed(edition, hall, 3, 10, people=[leader])
    placed(edition, studio, 3, 10, people=[leader])
    response = staff_client.post(
        reverse("orga:release-publish", args=[edition.pk]), {"comment": "First draft"}
    )
    release = Release.objects.get()
    assert response["Location"] == reverse("orga:release-detail", args=[release.pk])
    assert (release.number, release.comment) == (1, "First draft")
    page = staff_client.get(response["Location"])
    assert texts(page, "ul", class_="messages") == [
        "Release 1 of the timetable is published. It still has 1 conflicts."
    ]


def test_publishing_nothing_new_is_refused_with_a_message(staff_client, edition, hall):
    placed(edition, hall, 3, 10)
    release_publish(actor=None, edition=edition)
    response = staff_client.post(
        reverse("orga:release-publish", args=[edition.pk]), {"comment": ""}, follow=True
    )
    assert texts(response, "ul", class_="messages") == [
        "Nothing changed since release 1: there is nothing to publish."
    ]
    assert Release.objects.count() == 1


def test_release_page_lists_changes_and_the_people_to_tell(staff_client, edition, hall, studio, leader):
    leader.email = "marius@example.org"
    leader.save()
    moving = placed(edition, hall, 3, 10, people=[leader], title={"en": "Sound workshop"})
    release_publish(actor=None, edition=edition)
    activity_place(actor=None, activity=moving, starts_at=local(4, 14), room=studio)
    release = release_publish(actor=None, edition=edition)
    response = staff_client.get(release.get_absolute_url())
    assert response.status_code == 200
    assert texts(response, "h3") == ["Moved 1"]
    assert elements(response, "ul", class_="change-list")[0].text == (
        "Sound workshop Tue 3 Sep 10:00–12:00 · Big hall → Wed 4 Sep 14:00–16:00 · Studio"
    )
    assert [
        a.attrs["href"] for a in elements(response, "a") if a.attrs.get("href", "").startswith("mailto:")
    ] == [
        "mailto:?bcc=marius@example.org",
        "mailto:marius@example.org",
    ]


def test_release_pages_query_counts_do_not_grow(staff_client, edition, hall, django_assert_max_num_queries):
    def add(count):
        for n in range(count):
            placed(edition, hall, 2 + n % 5, 8 + n % 14, people=PersonFactory.create_batch(2))
        return release_publish(actor=None, edition=edition)

    small = add(2)
    with django_assert_max_num_queries(LIST_QUERIES):
        staff_client.get(reverse("orga:release-list", args=[edition.pk]))
    with django_assert_max_num_queries(DETAIL_QUERIES):
        staff_client.get(small.get_absolute_url())
    large = add(20)
    with django_assert_max_num_queries(LIST_QUERIES):
        assert staff_client.get(reverse("orga:release-list", args=[edition.pk])).status_code == 200
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert staff_client.get(large.get_absolute_url()).status_code == 200
