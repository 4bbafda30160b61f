import datetime

import pytest

from ..factories import EditionFactory
from .conftest import dated_edition, public_url
from .html import elements, texts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "name"), [("fr", "Mimi-Nor"), ("en", "Mimi-Nor"), ("ru", "Мими-Нор")])
def test_festival_page_shows_the_name_in_each_language(client, mimi_nor, language, name):
    response = client.get(public_url("festival", language, festival=mimi_nor.slug))
    assert response.status_code == 200
    assert elements(response, "html")[0].attrs["lang"] == language
    assert texts(response, "h1") == [name]


def test_festival_page_shows_the_hub(client, mimi_nor):
    mimi_nor.description = {"en": "A sister festival of Mimi, in the Arctic."}
    mimi_nor.save()
    response = client.get(public_url("festival", festival=mimi_nor.slug))
    assert dict(zip(texts(response, "dt"), texts(response, "dd"), strict=True)) == {
        "City": "Narian-Mar",
        "Country": "Russia",
        "Time zone": "Europe/Moscow",
        "Season": "Spring",
        "First year": "2002",
    }
    assert "A sister festival of Mimi, in the Arctic." in texts(response, "p")
    assert texts(response, "p", class_="lead") == ["Music at the edge of the tundra"]


def test_festival_page_lists_upcoming_editions_first_then_past_ones(client, mimi_nor):
    dated_edition(mimi_nor, "2002", datetime.date(2002, 9, 2), number=1)
    dated_edition(mimi_nor, "2004", datetime.date(2004, 5, 10), number=3)
    dated_edition(mimi_nor, "2031", datetime.date(2031, 5, 10), number=30)
    dated_edition(mimi_nor, "2030", datetime.date(2030, 5, 10), number=29)
    dated_edition(mimi_nor, "draft", datetime.date(2032, 5, 10), number=31, is_published=False)
    EditionFactory(title={"en": "another festival"})
    response = client.get(public_url("festival", festival=mimi_nor.slug))
    upcoming, past = elements(response, "ul", class_="edition-list")
    assert [e.text.split(" ")[0] for e in elements(response, "li") if e.text[:4].isdigit()] == [
        "2030",
        "2031",
        "2004",
        "2002",
    ]
    assert upcoming.text.startswith("2030 edition 29 May 10, 2030 – May 13, 2030")
    assert past.text.endswith("2002 edition 1 Sept. 2, 2002 – Sept. 5, 2002")
    assert "draft" not in response.content.decode()


def test_unknown_festival_is_not_found(client, db):
    assert client.get(public_url("festival", festival="nowhere")).status_code == 404


def test_festival_page_query_count_does_not_grow_with_editions(
    client, mimi_nor, django_assert_max_num_queries
):
    def add(count, year):
        for n in range(count):
            dated_edition(mimi_nor, f"Edition {year + n}", datetime.date(year + n, 5, 1))

    add(2, 2002)
    with django_assert_max_num_queries(3):
        small = client.get(public_url("festival", festival=mimi_nor.slug))
    add(20, 2030)
    with django_assert_max_num_queries(3):
        large = client.get(public_url("festival", festival=mimi_nor.slug))
    assert small.status_code == large.status_code == 200
    assert len(elements(large, "time")) == 2 * 22
