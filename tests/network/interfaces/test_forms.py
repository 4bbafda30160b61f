import pytest
from django import forms

from tissage.network.interfaces.forms import EditionForm, PersonField

from ...factories import FestivalFactory, HubFactory, PersonFactory, VenueFactory


class PersonForm(forms.Form):
    person = PersonField()


@pytest.fixture
def ines(db):
    return PersonFactory(
        given_name="Inès", family_name="Abbas", slug="ines-abbas", home_hub__name={"en": "Kinshasa"}
    )


@pytest.mark.parametrize(
    "typed", ["Inès Abbas (ines-abbas)", "ines-abbas", "  inès ABBAS ", "Someone (ines-abbas)"]
)
def test_person_field_finds_a_person_by_suggestion_short_name_or_full_name(ines, typed):
    form = PersonForm({"person": typed})
    assert form.is_valid()
    assert form.cleaned_data["person"] == ines


def test_person_field_refuses_unknown_and_ambiguous_names(ines):
    PersonFactory(given_name="Inès", family_name="Abbas", slug="ines-abbas-2")
    unknown, ambiguous, empty = (PersonForm({"person": text}) for text in ("Nobody", "Inès Abbas", ""))
    assert unknown.errors == {
        "person": ["Nobody matches: type a few letters of the name and choose a suggestion."]
    }
    assert ambiguous.errors == {"person": ["Several people have this name: choose one of the suggestions."]}
    assert empty.errors == {"person": ["This field is required."]}


def test_person_field_suggests_everyone_with_their_home_hub(ines):
    html = str(PersonForm()["person"])
    assert 'list="id_person_suggestions"' in html
    assert '<option value="Inès Abbas (ines-abbas)">Kinshasa</option>' in html


def test_person_field_shows_a_stored_person_as_a_suggestion(ines):
    form = PersonForm(initial={"person": ines.pk})
    assert form["person"].value() == "Inès Abbas (ines-abbas)"


def test_edition_form_offers_the_venues_of_the_hub_or_all_named_with_their_hub(db):
    hub = HubFactory(name={"en": "Narian-Mar"})
    here = VenueFactory(hub=hub, name={"en": "Dom kultury"})
    elsewhere = VenueFactory()
    assert list(EditionForm(hub=hub).fields["venues"].queryset) == [here]
    field = EditionForm().fields["venues"]
    assert set(field.queryset) == {here, elsewhere}
    here.refresh_from_db()
    assert field.label_from_instance(here) == "Dom kultury (Narian-Mar)"


def test_edition_form_leaves_number_and_slug_to_the_domain(db):
    festival = FestivalFactory()
    form = EditionForm({"festival": festival.pk, "start_date": "2003-05-12", "end_date": "2003-05-18"})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["number"], form.cleaned_data["slug"]) == (None, "")
