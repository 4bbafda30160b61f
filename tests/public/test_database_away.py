import pytest
from django.db import connection, utils

from tissage.public.views.errors import database_unreachable

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def away():
    """Points the connection at a database that does not answer; calling the result gives the
    real one back (as does the end of the test)."""
    settings = connection.settings_dict
    saved = {key: settings[key] for key in ("NAME", "HOST", "PORT")}

    def back():
        connection.close()
        settings.update(saved)

    if connection.vendor == "sqlite":
        pytest.skip("SQLite's test database lives in memory, as long as its connection: it cannot go away")
    connection.close()
    settings["HOST"], settings["PORT"] = "127.0.0.1", "9"  # the discard port: refused at once
    yield back
    back()


def test_the_site_answers_503_while_the_database_is_away_then_comes_back(client, away):
    client.raise_request_exception = False
    for path in ("/en/", "/fr/people/anna-vokueva/"):
        response = client.get(path)
        assert response.status_code == 503
        assert response["Retry-After"] == "60"
        assert b"<h1>Back in a minute</h1>" in response.content
    away()
    assert client.get("/en/").status_code == 200


def test_a_wrong_query_is_a_bug_not_an_outage():
    assert not database_unreachable(utils.OperationalError("no such column: tissage_person.nickname"))
    assert database_unreachable(utils.OperationalError("unable to open database file"))
    assert database_unreachable(utils.OperationalError('connection to server at "127.0.0.1" failed'))
    assert not database_unreachable(ValueError("connection"))
