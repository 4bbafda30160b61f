"""What every public page shares: languages, alternates, the language switcher, the error pages."""

import pytest
from django.test import RequestFactory

from tissage.public.views import errors

from ..factories import ActivityFactory, ActivityMemberFactory, PersonFactory
from .conftest import LANGUAGES, activity_url, edition_url, public_url, publish
from .html import elements, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_page(edition):
    """A function giving the address of every kind of public page in one language."""
    activity = ActivityFactory(edition=edition, slug="sound")
    person = ActivityMemberFactory(activity=activity, person=PersonFactory(is_public=True)).person
    publish(edition)

    def urls(language: str) -> list[str]:
        return [
            public_url("home", language),
            public_url("festival", language, festival=edition.festival.slug),
            edition_url(edition, language),
            activity_url(activity, language),
            public_url("person", language, person=person.slug),
        ]

    return urls


def alternates(response) -> list[tuple[str, str]]:
    return [
        (link.attrs["hreflang"], link.attrs["href"]) for link in elements(response, "link", rel="alternate")
    ]


def switcher(response) -> list[tuple[str, str, bool]]:
    links = (
        elements(response, "a", lang="fr")
        + elements(response, "a", lang="en")
        + elements(response, "a", lang="ru")
    )
    return [(a.attrs["lang"], a.attrs["href"], a.attrs.get("aria-current") == "true") for a in links]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_names_its_alternates_in_the_three_languages(client, every_page, language):
    for url in every_page(language):
        response = client.get(url)
        path = url.removeprefix(f"/{language}")
        assert response.status_code == 200
        assert elements(response, "html")[0].attrs["lang"] == language
        assert alternates(response) == [
            ("fr", f"http://testserver/fr{path}"),
            ("en", f"http://testserver/en{path}"),
            ("ru", f"http://testserver/ru{path}"),
        ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_links_to_the_same_page_in_each_language(client, every_page, language):
    for url in every_page(language):
        path = url.removeprefix(f"/{language}")
        assert switcher(client.get(url)) == [
            ("fr", f"/fr{path}", language == "fr"),
            ("en", f"/en{path}", language == "en"),
            ("ru", f"/ru{path}", language == "ru"),
        ]


def test_language_switcher_keeps_the_programme_filter(client, edition):
    response = client.get(edition_url(edition, "ru"), {"kind": "concert"})
    assert [href for _lang, href, _current in switcher(response)] == [
        "/fr/festivals/mimi-nor/2024/?kind=concert",
        "/en/festivals/mimi-nor/2024/?kind=concert",
        "/ru/festivals/mimi-nor/2024/?kind=concert",
    ]


def test_every_page_has_a_description_and_one_h1(client, every_page):
    for url in every_page("en"):
        response = client.get(url)
        description = elements(response, "meta", name="description")
        assert len(description) == 1
        assert description[0].attrs["content"]
        assert len(elements(response, "h1")) == 1


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr", "Page non trouvée"), ("en", "Page not found"), ("ru", "Страница не найдена")],
)
def test_unknown_public_address_gives_the_not_found_page_in_its_language(client, language, title):
    response = client.get(f"/{language}/nowhere/")
    assert response.status_code == 404
    assert elements(response, "html")[0].attrs["lang"] == language
    assert texts(response, "h1") == [title]
    assert alternates(response) == []
    assert [href for _lang, href, _current in switcher(response)] == [
        "/fr/nowhere/",
        "/en/nowhere/",
        "/ru/nowhere/",
    ]


def test_unknown_staff_address_gives_the_not_found_page(client):
    response = client.get("/orga/nowhere/")
    assert response.status_code == 404
    assert texts(response, "h1") == ["Page not found"]


def test_forbidden_staff_page_gives_the_not_allowed_page(member_client):
    response = member_client.get("/orga/hubs/")
    assert response.status_code == 403
    assert texts(response, "h1") == ["You are not allowed to see this page"]


def test_server_error_page_renders_without_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = errors.server_error(RequestFactory().get("/en/"))
    assert response.status_code == 500
    assert b"<h1>Something went wrong on our side</h1>" in response.content
