from django.utils import translation

from tissage.planning.domain.reasons import REASONS, Names, describe
from tissage.solvers.grouping.reasons import MESSAGES


def test_every_statement_of_the_engine_has_a_translated_message():
    assert sorted(REASONS) == sorted(MESSAGES)


def test_a_reason_names_people_hubs_and_languages_in_the_readers_language():
    names = Names(
        people={"3": "Ines M.", "4": "Oleg T."}, sessions={"7": "Mimi 2004"}, hubs={"kinshasa": "Kinshasa"}
    )
    with translation.override("fr"):
        assert describe("together_apart", {"a": "3", "b": "4", "session": "7"}, names) == (
            "Ines M. et Oleg T. doivent être à la fois ensemble et séparés (Mimi 2004)."
        )
    with translation.override("en"):
        assert describe("language_shared", {"language": "ru"}, names) == "Everyone works in Russian"
        assert describe(
            "size_range", {"session": "7", "people": 12, "groups": 3, "min": 5, "max": 5}, names
        ) == ("Mimi 2004: 12 people cannot fill 3 groups of 5 to 5.")
