"""What the logistics domain functions share."""

import datetime

from django.utils import formats


def day_text(day: datetime.date) -> str:
    """A day in a sentence, as the reader's language writes it (15 Nov 2026, 15 нояб. 2026)."""
    return formats.date_format(day, "j M Y")


def concerning(participation) -> list:
    """The objects whose pages show a change to someone's logistics: the participation, the person
    and the session."""
    return [participation, participation.person, participation.session]
