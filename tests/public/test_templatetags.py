import datetime
import zoneinfo

import pytest
from django.utils import translation

from tissage.network.models import Edition, Festival, Hub
from tissage.public.templatetags.public_programme import date_range, edition_utc_offsets, long_day, utc_offset


@pytest.mark.parametrize(
    ("zone", "moment", "label"),
    [
        ("Europe/Moscow", datetime.datetime(2024, 5, 21, 10), "UTC+3"),
        ("Africa/Kinshasa", datetime.datetime(2004, 11, 12, 20), "UTC+1"),
        ("Asia/Kolkata", datetime.datetime(2024, 1, 1, 12), "UTC+5:30"),
        ("America/St_Johns", datetime.datetime(2024, 1, 1, 12), "UTC−3:30"),
        ("Atlantic/Reykjavik", datetime.datetime(2024, 1, 1, 12), "UTC"),
    ],
)
def test_utc_offset_labels(zone, moment, label):
    assert utc_offset(moment.replace(tzinfo=zoneinfo.ZoneInfo(zone))) == label


def edition_at(zone: str, start: datetime.date, end: datetime.date) -> Edition:
    return Edition(festival=Festival(hub=Hub(timezone=zone)), start_date=start, end_date=end)


def test_edition_offsets_name_both_when_the_clocks_change():
    edition = edition_at("Europe/Paris", datetime.date(2024, 3, 29), datetime.date(2024, 4, 2))
    assert edition_utc_offsets(edition) == "UTC+1 / UTC+2"


def test_edition_offsets_of_a_single_day():
    edition = edition_at("Africa/Kinshasa", datetime.date(2004, 11, 12), datetime.date(2004, 11, 12))
    assert edition_utc_offsets(edition) == "UTC+1"


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "Jeudi 22 juillet 2004"), ("en", "Thursday, July 22, 2004"), ("ru", "Четверг, 22 июля 2004 г.")],
)
def test_long_day_is_written_the_readers_way(language, text):
    with translation.override(language):
        assert long_day(datetime.date(2004, 7, 22)) == text


def test_date_range_marks_up_both_days_or_one():
    with translation.override("fr"):
        assert date_range(datetime.date(2006, 7, 27), datetime.date(2006, 7, 30)) == (
            '<time datetime="2006-07-27">27 juillet 2006</time> – '
            '<time datetime="2006-07-30">30 juillet 2006</time>'
        )
        assert date_range(datetime.date(2006, 7, 27), datetime.date(2006, 7, 27)) == (
            '<time datetime="2006-07-27">27 juillet 2006</time>'
        )
