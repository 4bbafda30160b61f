"""Helpers for the access checks every staff page gets: anonymous visitors go to the login page,
signed-in people without staff rights get a 403."""

from django.urls import reverse


def anonymous_outcomes(client, urls, method: str = "get") -> dict[str, tuple[int, str]]:
    """Each page's status and where it redirects to (without the query string)."""
    outcomes = {}
    for url in urls:
        response = getattr(client, method)(url)
        outcomes[url] = (response.status_code, response.get("Location", "").split("?")[0])
    return outcomes


def sent_to_login(urls) -> dict[str, tuple[int, str]]:
    return dict.fromkeys(urls, (302, reverse("orga:login")))


def statuses(client, urls, method: str = "get") -> dict[str, int]:
    return {url: getattr(client, method)(url).status_code for url in urls}
