import datetime

import pytest

from tissage.network.models import Edition

from ..factories import FestivalFactory
from .conftest import dated_edition, public_url
from .html import elements, texts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading", "name", "hub"),
    [
        ("fr", "Un réseau de festivals-ateliers de musique", "Mimi-Nor", "Narian-Mar"),
        ("en", "A network of music workshop-festivals", "Mimi-Nor", "Narian-Mar"),
        ("ru", "Сеть музыкальных фестивалей-мастерских", "Мими-Нор", "Нарьян-Мар"),
    ],
)
def test_home_page_presents_the_network_and_its_festivals_in_each_language(
    client, mimi_nor, language, heading, name, hub
):
    response = client.get(public_url("home", language))
    assert response.status_code == 200
    assert elements(response, "html")[0].attrs["lang"] == language
    assert texts(response, "h1") == [heading]
    card = elements(response, "li", class_="festival-card")
    assert [c.text.split(" ")[0] for c in card] == [name]
    assert [a.attrs["href"] for a in elements(response, "a") if a.text == name] == [
        f"/{language}/festivals/mimi-nor/"
    ]
    assert f"{hub}," in card[0].text


def test_home_page_shows_the_festivals_hub_season_and_tagline(client, mimi_nor):
    response = client.get(public_url("home"))
    assert texts(response, "li", class_="festival-card") == [
        "Mimi-Nor Music at the edge of the tundra Narian-Mar, Russia · Spring"
    ]


def test_home_page_lists_next_editions_soonest_first_and_recent_past_ones(client, mimi_nor):
    dated_edition(mimi_nor, "Later", datetime.date(2032, 5, 1))
    dated_edition(mimi_nor, "Sooner", datetime.date(2031, 5, 1))
    dated_edition(mimi_nor, "Hidden", datetime.date(2031, 6, 1), is_published=False)
    for year in range(2010, 2018):
        dated_edition(mimi_nor, f"Past {year}", datetime.date(year, 5, 1))
    response = client.get(public_url("home"))
    upcoming, past = elements(response, "ul", class_="edition-list")
    assert [a.text for a in elements(response, "a") if a.text.startswith(("Sooner", "Later", "Past"))] == [
        "Sooner",
        "Later",
        *(f"Past {year}" for year in range(2017, 2011, -1)),
    ]
    assert upcoming.text.startswith("Sooner Mimi-Nor · Narian-Mar · edition")
    assert "May 1, 2031 – May 4, 2031" in upcoming.text
    assert past.text.startswith("Past 2017 Mimi-Nor · Narian-Mar · edition")
    assert "Hidden" not in response.content.decode()


def test_home_page_query_count_does_not_grow_with_festivals_and_editions(
    client, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            festival = FestivalFactory()
            dated_edition(festival, "Past", datetime.date(2004, 7, 1))
            dated_edition(festival, "Next", datetime.date(2031, 7, 1))

    add(2)
    with django_assert_max_num_queries(3):
        small = client.get(public_url("home"))
    add(15)
    with django_assert_max_num_queries(3):
        large = client.get(public_url("home"))
    assert small.status_code == large.status_code == 200
    assert len(elements(large, "li", class_="festival-card")) == 17


@pytest.mark.parametrize("page", ["home", "festival"])
def test_network_pages_answer_304_until_a_festival_or_an_edition_changes(client, mimi_nor, page):
    url = public_url(page, festival=mimi_nor.slug) if page == "festival" else public_url(page)
    dated_edition(mimi_nor, "First", datetime.date(2030, 5, 1))
    first = client.get(url)
    assert (first.status_code, first["Cache-Control"]) == (200, "max-age=60")
    assert first.has_header("Last-Modified")
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert (again.status_code, again.content) == (304, b"")

    dated_edition(mimi_nor, "Second", datetime.date(2031, 5, 1))
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert "Second" in changed.content.decode()
    # A deleted edition leaves the times as they were, but not the page.
    Edition.objects.filter(title__contains="Second").delete()
    assert client.get(url, headers={"If-None-Match": changed["ETag"]}).status_code == 200
