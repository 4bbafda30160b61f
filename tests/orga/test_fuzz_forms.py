"""Hostile input on every staff creation form: never a crash, and a refused form writes nothing.

Every write goes through a domain function that records an audit entry in the same transaction:
a form that is not accepted (no redirect) must leave the audit log, and the model's table, as
they were. Hypothesis draws each field's value from valid choices, junk text, huge numbers,
impossible dates and empty values.
"""

import datetime

import pytest
from django import forms
from django.apps import apps
from django.urls import get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tissage.core.models import AuditEntry

from ..factories import (
    ActivityFactory,
    CallFactory,
    EditionFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)

JUNK = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30),
    st.sampled_from(
        ["'; DROP TABLE people_person; --", "<script>alert(1)</script>", "0", "-1", "1e309", " "]
    ),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(str),
    st.just(""),
)


def create_url_names() -> list[str]:
    """Every staff address whose name ends in -create, -add or -new and that takes no argument."""
    names = []
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) != "orga":
            continue
        for inner in pattern.url_patterns:
            name = inner.name or ""
            if name.endswith(("-create", "-add", "-new")) and not inner.pattern.converters:
                names.append(f"orga:{name}")
    return sorted(names)


def field_values(form: forms.Form, draw) -> dict:
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField) or isinstance(field.widget, forms.HiddenInput):
            continue
        choices = [str(value) for value, _label in getattr(field, "choices", []) if value not in ("", None)]
        value = draw(st.one_of(st.sampled_from(choices), JUNK) if choices else JUNK)
        if isinstance(field, forms.MultiValueField):
            for n in range(len(field.fields)):
                data[f"{name}_{n}"] = draw(JUNK)
        elif isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            data[name] = draw(st.lists(st.sampled_from(choices) if choices else JUNK, max_size=3))
        elif isinstance(field, forms.BooleanField):
            data[name] = draw(st.sampled_from(["on", ""]))
        else:
            data[name] = value
    return data


# The forms made for one participation (``?participation=<pk>``).
FOR_A_PARTICIPATION = {"orga:fee-create", "orga:stay-create", "orga:travel-leg-create"}


@pytest.fixture
def network(db):
    """Something to choose in every select: a session with a participant and an activity, a call;
    returns the participation."""
    edition = EditionFactory()
    session = SessionFactory(edition=edition)
    participation = ParticipationFactory(session=session, person=PersonFactory())
    ActivityFactory(session=session)
    CallFactory()
    return participation


def table_sizes(model) -> tuple[int, int]:
    return AuditEntry.objects.count(), model._base_manager.count()


@pytest.mark.django_db
@pytest.mark.parametrize("name", create_url_names())
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_hostile_input_never_crashes_and_a_refused_form_writes_nothing(staff_client, network, name, data):
    url = reverse(name)
    if name in FOR_A_PARTICIPATION:
        url += f"?participation={network.pk}"
    page = staff_client.get(url)
    assert page.status_code == 200, f"{url} answered {page.status_code}"
    form = page.context["form"]
    model = (getattr(form, "_meta", None) and form._meta.model) or apps.get_model("core", "AuditEntry")
    before = table_sizes(model)
    response = staff_client.post(url, field_values(form, data.draw))
    assert response.status_code in {200, 302}, f"{url} answered {response.status_code}"
    if response.status_code == 200:
        assert table_sizes(model) == before, f"{url} refused the form but wrote"
