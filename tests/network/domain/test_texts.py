from django.utils import translation
from i18nfield.strings import LazyI18nString

from tissage.network.domain.texts import plain_text


def test_plain_text_reads_a_translated_value_in_the_current_language():
    with translation.override("ru"):
        assert plain_text({"fr": "Marseille", "ru": "Марсель"}) == "Марсель"
        assert plain_text(LazyI18nString({"fr": "Marseille"})) == "Marseille"


def test_plain_text_of_nothing_is_empty():
    assert (plain_text(None), plain_text("Kinshasa")) == ("", "Kinshasa")
