"""Times across zones and money columns: the two things a logistics model must never get wrong."""

import datetime
import pathlib
import re
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.db import models

import tissage.logistics
from tissage.core.money import Money

from ..factories import ParticipationFactory, TravelLegFactory

UTC = datetime.UTC
KINSHASA, PARIS, MOSCOW = ZoneInfo("Africa/Kinshasa"), ZoneInfo("Europe/Paris"), ZoneInfo("Europe/Moscow")


def leg(participation, origin, zone_from, destination, zone_to, departs, arrives):
    return TravelLegFactory(
        participation=participation,
        from_place=origin,
        from_timezone=zone_from,
        to_place=destination,
        to_timezone=zone_to,
        departs_at=departs.astimezone(UTC),
        arrives_at=arrives.astimezone(UTC),
    )


@pytest.mark.django_db
def test_kinshasa_paris_marseille_shows_each_time_in_its_own_zone():
    participation = ParticipationFactory()
    # AF 887 leaves Kinshasa at 23:10 WAT on 2 July and lands in Paris at 06:25 CEST the next day.
    night = leg(
        participation,
        "Kinshasa FIH",
        "Africa/Kinshasa",
        "Paris CDG",
        "Europe/Paris",
        datetime.datetime(2027, 7, 2, 23, 10, tzinfo=KINSHASA),
        datetime.datetime(2027, 7, 3, 6, 25, tzinfo=PARIS),
    )
    onward = leg(
        participation,
        "Paris CDG",
        "Europe/Paris",
        "Marseille MRS",
        "Europe/Paris",
        datetime.datetime(2027, 7, 3, 9, 45, tzinfo=PARIS),
        datetime.datetime(2027, 7, 3, 11, 5, tzinfo=PARIS),
    )
    night.refresh_from_db()
    assert night.departs_at == datetime.datetime(2027, 7, 2, 22, 10, tzinfo=UTC)
    assert (night.departs_local.strftime("%d %H:%M"), night.arrives_local.strftime("%d %H:%M")) == (
        "02 23:10",
        "03 06:25",
    )
    # Kinshasa is UTC+1 and Paris UTC+2 in summer: the clocks say 7 h 15 min, the flight takes 6 h 15 min.
    assert night.duration == datetime.timedelta(hours=6, minutes=15)
    assert onward.departs_at - night.arrives_at == datetime.timedelta(hours=3, minutes=20)


@pytest.mark.django_db
def test_moscow_to_naryan_mar_keeps_moscow_time_and_crosses_no_offset():
    flight = leg(
        ParticipationFactory(),
        "Moscow SVO",
        "Europe/Moscow",
        "Naryan-Mar NNM",
        "Europe/Moscow",
        datetime.datetime(2027, 5, 13, 10, 5, tzinfo=MOSCOW),
        datetime.datetime(2027, 5, 13, 12, 45, tzinfo=MOSCOW),
    )
    assert flight.departs_at.astimezone(UTC).hour == 7
    assert flight.duration == datetime.timedelta(hours=2, minutes=40)


@pytest.mark.django_db
def test_a_leg_across_the_autumn_clock_change_counts_the_extra_hour():
    # Paris leaves summer time at 03:00 on 31 October 2027: a night train of 22:00–07:00 lasts 10 h.
    train = leg(
        ParticipationFactory(),
        "Paris Austerlitz",
        "Europe/Paris",
        "Marseille Saint-Charles",
        "Europe/Paris",
        datetime.datetime(2027, 10, 30, 22, 0, tzinfo=PARIS),
        datetime.datetime(2027, 10, 31, 7, 0, tzinfo=PARIS),
    )
    assert train.duration == datetime.timedelta(hours=10)
    assert (train.departs_local.utcoffset(), train.arrives_local.utcoffset()) == (
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=1),
    )


@pytest.mark.django_db
def test_a_leg_cost_is_money_in_two_columns():
    flight = TravelLegFactory(cost_amount="612.40", cost_currency="EUR")
    flight.refresh_from_db()
    assert flight.cost == Money("612.40", "EUR")


def test_no_logistics_model_stores_money_or_rates_in_a_float():
    floats = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_app_config("logistics").get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FloatField)
    ]
    assert floats == []


def test_no_float_is_written_in_the_money_code():
    package = pathlib.Path(tissage.logistics.__file__).parent
    sources = [package.parent / "core" / "money.py", *package.rglob("*.py")]
    calls = [str(path) for path in sources if re.search(r"\bfloat\(|FloatField", path.read_text())]
    assert calls == []
