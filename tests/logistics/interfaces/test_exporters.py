import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tissage.core.exporters import registry

from ...factories import ParticipationFactory, SessionFactory, TravelLegFactory
from ...spreadsheet_files import csv_rows, xlsx_rows

HEADER = [
    "Name",
    "Direction",
    "Mode",
    "Carrier",
    "Number",
    "From",
    "Departs (local time)",
    "To",
    "Arrives (local time)",
    "Status",
    "Booking reference",
    "Cost",
    "Currency",
]


@pytest.fixture
def session(db):
    session = SessionFactory()
    leg = TravelLegFactory(
        participation=ParticipationFactory(
            session=session, person__given_name="Grâce", person__family_name="Nsimba"
        ),
        from_place="Kinshasa FIH",
        from_timezone="Africa/Kinshasa",
        to_place="Paris CDG",
        departs_at=datetime.datetime(2027, 7, 2, 22, 10, tzinfo=datetime.UTC),
        arrives_at=datetime.datetime(2027, 7, 3, 4, 25, tzinfo=datetime.UTC),
        cost_amount="612.4",
        cost_currency="EUR",
        booking_reference="XK7PQ2",
    )
    TravelLegFactory(participation=leg.participation, status="cancelled")
    TravelLegFactory()
    return session


def test_travel_manifest_lists_the_session_journeys_in_local_times(session):
    exporter = registry.get("travel.csv", scope="travel")
    rows = csv_rows(exporter.render(registry.scope("travel").select({"session": str(session.pk)})))
    assert rows == [
        HEADER,
        [
            "Grâce Nsimba",
            "arrival",
            "plane",
            "Air France",
            "AF 1234",
            "Kinshasa FIH",
            "2027-07-02 23:10 Africa/Kinshasa",
            "Paris CDG",
            "2027-07-03 06:25 Europe/Paris",
            "booked",
            "XK7PQ2",
            "612.40",
            "EUR",
        ],
    ]


def test_travel_manifest_xlsx_has_the_same_rows(session):
    exporter = registry.get("travel.xlsx", scope="travel")
    rows = xlsx_rows(exporter.render(registry.scope("travel").select({"session": str(session.pk)})))
    assert (rows[0], rows[1][0], len(rows)) == (HEADER, "Grâce Nsimba", 2)


def test_travel_selection_needs_a_known_session(db):
    with pytest.raises(ValidationError):
        registry.scope("travel").select({})
    with pytest.raises(ValidationError):
        registry.scope("travel").select({"session": "999"})


def test_travel_export_from_the_board(staff_client, session):
    response = staff_client.get(reverse("orga:export"), {"exporter": "travel.csv", "session": session.pk})
    assert response.status_code == 200
    assert csv_rows(b"".join(response.streaming_content))[1][0] == "Grâce Nsimba"
