"""Two staff editing the same object: the second writer is told, keeps their edits, loses nothing."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tissage.network.models import Session

from ..factories import PersonFactory, SessionFactory, StaffFactory
from ..public.html import texts

pytestmark = pytest.mark.django_db


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(StaffFactory(username=username))
    return client


def form_data(page) -> dict:
    """What the browser would send back: every field's value as shown, and the hidden version."""
    form = page.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or value is False:  # what a browser leaves out
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else value
        if hasattr(field, "widget") and getattr(field.widget, "widgets", None):
            data.pop(name)
            for n, part in enumerate(field.widget.decompress(value)):
                data[f"{name}_{n}"] = part or ""
    if "languages_formset" in page.context:
        formset = page.context["languages_formset"]
        for sub in [formset.management_form, *formset.forms]:
            for name in sub.fields:
                if (value := sub[name].value()) is not None and value is not False:
                    data[sub.add_prefix(name)] = value
    data["seen_version"] = page.context["seen_version"]
    return data


def day(start, days: int) -> str:
    return str(start + datetime.timedelta(days=days))


def test_the_second_writer_of_a_session_gets_a_conflict_and_keeps_their_edits():
    session = SessionFactory()
    first_day = session.start_date
    url = reverse("orga:session-update", args=[session.pk])
    mathilde, ines = signed_in("mathilde"), signed_in("ines")
    hers, mine = form_data(mathilde.get(url)), form_data(ines.get(url))

    assert mathilde.post(url, {**hers, "end_date": day(first_day, 5)}).status_code == 302
    conflict = ines.post(url, {**mine, "end_date": day(first_day, 6)})

    assert conflict.status_code == 200
    message = " ".join(texts(conflict, "li"))
    assert "mathilde saved this page at" in message and "last day" in message
    assert conflict.context["form"]["end_date"].value() == day(first_day, 6)
    assert str(Session.objects.get(pk=session.pk).end_date) == day(first_day, 5)

    again = ines.post(url, form_data(conflict))
    assert again.status_code == 302
    assert str(Session.objects.get(pk=session.pk).end_date) == day(first_day, 6)


def test_a_person_edited_twice_at_once_keeps_the_first_save():
    person = PersonFactory(given_name="Anna", city="")
    url = reverse("orga:person-update", args=[person.slug])
    first, second = signed_in("first"), signed_in("second")
    hers, mine = form_data(first.get(url)), form_data(second.get(url))
    saved = first.post(url, {**hers, "city": "Naryan-Mar"})
    assert saved.status_code == 302
    assert second.post(url, {**mine, "city": "Arkhangelsk"}).status_code == 200
    person.refresh_from_db()
    assert person.city == "Naryan-Mar"


def test_a_tampered_version_is_a_conflict_not_a_crash():
    session = SessionFactory()
    url = reverse("orga:session-update", args=[session.pk])
    client = signed_in("mathilde")
    for version in ("yesterday", "2026-13-45T99:00:00"):
        response = client.post(url, {**form_data(client.get(url)), "seen_version": version})
        assert response.status_code == 200
        assert "saved this page at" in " ".join(texts(response, "li"))
