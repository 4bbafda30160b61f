"""The French and Russian catalogues are complete, up to date with the source, compiled, and used.

A developer who adds an interface string gets a failing test naming it: run ``make messages``,
translate the new entries of ``src/tissage/locale/{fr,ru}/LC_MESSAGES/django.po`` (terms:
``docs/glossary.md``) and run ``make messages`` again to compile them.
"""

import contextlib
import datetime
import gettext
import io
import re
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import tissage

from .factories import EditionFactory, PersonFactory

PACKAGE = Path(tissage.__file__).resolve().parent
LOCALE = PACKAGE / "locale"
# English is the source language: its catalogue would only repeat the msgids.
TRANSLATED = ["fr", "ru"]
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
}


def read_catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def po_path(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / "django.po"


def key(message) -> tuple[str | None, str]:
    singular = message.id[0] if message.pluralizable else message.id
    return message.context, singular


def describe(keys) -> str:
    ordered = sorted(keys, key=lambda k: (k[1], k[0] or ""))
    return "\n".join(f"  {context + ' | ' if context else ''}{msgid!r}" for context, msgid in ordered)


# (a) Every entry is translated, with all its plural forms, and nothing is fuzzy.


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalogue_declares_the_languages_plural_forms(code):
    catalog = read_catalog(po_path(code))
    declared = dict(catalog.mime_headers)["Plural-Forms"]
    assert " ".join(declared.split()) == PLURAL_FORMS[code]
    assert not catalog.fuzzy, "the header is marked fuzzy"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated(code):
    catalog = read_catalog(po_path(code))
    nplurals = int(PLURAL_FORMS[code].split(";")[0].removeprefix("nplurals="))
    untranslated, fuzzy, incomplete = set(), set(), set()
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            fuzzy.add(key(message))
        if message.pluralizable:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            if len(forms) != nplurals or not all(forms):
                incomplete.add(key(message))
        elif not message.string:
            untranslated.add(key(message))
    assert not untranslated, f"untranslated in {code}:\n{describe(untranslated)}"
    assert not fuzzy, f"fuzzy in {code}:\n{describe(fuzzy)}"
    assert not incomplete, f"plural forms missing in {code}:\n{describe(incomplete)}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_the_placeholders(code):
    """Babel's checkers: the same ``%(name)s`` placeholders as the msgid, and the plural count."""
    catalog = read_catalog(po_path(code))
    problems = [
        f"  {message.id!r}: {'; '.join(str(error) for error in errors)}"
        for message, errors in catalog.check()
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", TRANSLATED)
def test_brace_placeholders_are_kept(code):
    """``{weekday}``-style placeholders (``python-brace-format``) are not checked by Babel."""
    catalog = read_catalog(po_path(code))
    wrong = []
    for message in catalog:
        if "python-brace-format" in message.flags:
            names = sorted(_brace_names(message.id))
            if sorted(_brace_names(message.string)) != names:
                wrong.append(message.id)
    assert not wrong


def _brace_names(text: str) -> list[str]:
    """The ``{name}`` fields of a text; xgettext also flags texts like ``{criterion id: score}``,
    whose braces are no format fields (a name with a space would fail ``str.format`` anyway)."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name]
    except ValueError:
        return []
    return [name for name in fields if re.fullmatch(r"[A-Za-z_]\w*", name)]


# (b) The catalogues hold exactly the messages the source asks for.


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str | None, str]]:
    """The msgids ``make messages`` would extract now, from a copy of the package."""
    copy = tmp_path_factory.mktemp("source") / "tissage"
    shutil.copytree(
        PACKAGE, copy, ignore=shutil.ignore_patterns("solvers", "locale", "__pycache__", "static", "*.pyc")
    )
    (copy / "locale").mkdir()
    # makemessages works on the current directory, as `make messages` runs it in src/tissage.
    with contextlib.chdir(copy), override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command(
            "makemessages",
            locale=["fr"],
            no_location=True,
            no_obsolete=True,
            ignore_patterns=["solvers/*"],
            verbosity=0,
            stderr=io.StringIO(),
        )
    catalog = read_catalog(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    return {key(message) for message in catalog if message.id}


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalogue_is_up_to_date_with_the_source(code, extracted):
    committed = {key(message) for message in read_catalog(po_path(code)) if message.id}
    missing = extracted - committed
    obsolete = committed - extracted
    assert not missing, (
        f"strings of the source missing from the {code} catalogue (run `make messages` and translate "
        f"them):\n{describe(missing)}"
    )
    assert not obsolete, f"strings of the {code} catalogue no longer in the source:\n{describe(obsolete)}"


# (c) The compiled catalogues are those of the .po files.


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_matches_the_po_file(code):
    mo = po_path(code).with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make messages`"
    fresh = io.BytesIO()
    write_mo(fresh, read_catalog(po_path(code)))
    fresh.seek(0)
    expected = gettext.GNUTranslations(fresh)
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    # The header entry ("") differs between msgfmt and Babel; compare the messages and plural rule.
    assert {k: v for k, v in compiled._catalog.items() if k != ""} == {
        k: v for k, v in expected._catalog.items() if k != ""
    }, f"{mo} is older than its .po file: run `make messages`"
    assert [compiled.plural(n) for n in range(200)] == [expected.plural(n) for n in range(200)]


def test_only_the_interface_languages_have_catalogues():
    codes = {path.name for path in LOCALE.iterdir() if path.is_dir()}
    assert codes == set(TRANSLATED)
    assert set(TRANSLATED) | {"en"} == {code for code, _name in settings.LANGUAGES}


# (d) The pages speak the reader's language.


def staff_get(client, url: str, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(url)


@pytest.mark.parametrize(
    ("language", "heading", "count"),
    [
        ("fr", "<h1>Tableau de bord</h1>", "personnes dans le réseau"),
        ("ru", "<h1>Сводка</h1>", "человека в сети"),
    ],
)
def test_the_staff_dashboard_is_translated(staff_client, language, heading, count):
    PersonFactory.create_batch(2)
    response = staff_get(staff_client, reverse("orga:dashboard"), language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert heading in html
    assert count in html  # a plural form of the language: 2 people


@pytest.mark.parametrize(
    ("language", "summary", "required"),
    [
        ("fr", "Rien n’a été enregistré.", "Ce champ est obligatoire."),
        ("ru", "Ничего не сохранено.", "Обязательное поле."),
    ],
)
def test_form_errors_are_translated(staff_client, language, summary, required):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = staff_client.post(reverse("orga:hub-create"), {})
    html = response.content.decode()
    assert response.status_code == 200
    assert summary in html
    assert required in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "hero", "season", "edition_label"),
    [
        ("fr", "Un réseau de festivals-ateliers de musique", "Été", "édition n° 21"),
        ("ru", "Сеть музыкальных фестивалей-мастерских", "Лето", "21-й выпуск"),
    ],
)
def test_the_public_site_is_translated(client, language, hero, season, edition_label):
    edition = EditionFactory(
        number=21, start_date=datetime.date(2006, 7, 27), end_date=datetime.date(2006, 7, 30)
    )
    home = client.get(f"/{language}/")
    html = home.content.decode()
    assert home.status_code == 200
    assert f'<html lang="{language}"' in html
    assert hero in html
    assert season in html  # an enum's label: the festival's season
    with translation.override(language):
        url = reverse("public:festival", kwargs={"festival": edition.festival.slug})
    festival = client.get(url)
    assert (festival.status_code, url[:4]) == (200, f"/{language}/")
    assert edition_label in festival.content.decode()  # a message with a placeholder
