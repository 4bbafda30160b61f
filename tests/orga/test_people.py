import datetime
import re

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tissage.activities.enums import ParticipationStatus
from tissage.core.models import AuditEntry
from tissage.people.enums import Role
from tissage.people.models import Person, PersonRole

from ..factories import (
    ActivityFactory,
    ActivityMemberFactory,
    CohortMemberFactory,
    HubFactory,
    ParticipationFactory,
    PersonFactory,
    PersonLanguageFactory,
    PersonRoleFactory,
    ProgrammeFactory,
    SessionFactory,
    SkillFactory,
)

LIST_QUERIES = 12
DETAIL_QUERIES = 12


def busy_person(**kwargs):
    """A person with every kind of row the list shows."""
    person = PersonFactory(**kwargs)
    PersonLanguageFactory(person=person, language="fr")
    PersonLanguageFactory(person=person, language="ln", level="fluent")
    person.skills.add(SkillFactory(slug="guitar"), SkillFactory(slug="sound-mixing"))
    PersonRoleFactory(person=person, since=datetime.date(2002, 9, 2), until=datetime.date(2003, 12, 31))
    PersonRoleFactory(person=person, role=Role.TECHNICIAN, since=datetime.date(2004, 1, 1))
    ParticipationFactory(person=person)
    ParticipationFactory(person=person, session__start_date=datetime.date(2003, 5, 10))
    return person


def listed(response) -> list[str]:
    return [person.slug for person in response.context["object_list"]]


def person_data(**fields) -> dict:
    """A valid person form, with its language rows (``languages`` as (code, level) pairs)."""
    languages = fields.pop("languages", [])
    data = {
        "given_name": "Ines",
        "family_name": "Mbuyi",
        "native_name": "",
        "email": "ines@example.cd",
        "languages-TOTAL_FORMS": str(len(languages) + 1),
        "languages-INITIAL_FORMS": "0",
        **fields,
    }
    for index, (language, level) in enumerate(languages):
        data[f"languages-{index}-language"] = language
        data[f"languages-{index}-level"] = level
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("orga:person-list", []),
        ("orga:person-create", []),
        ("orga:person-detail", ["ines"]),
        ("orga:person-update", ["ines"]),
        ("orga:person-role-add", ["ines"]),
    ],
)
def test_people_pages_send_anonymous_visitors_to_login(client, name, args):
    PersonFactory(slug="ines")
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("orga:login"))


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("orga:person-list", []),
        ("orga:person-create", []),
        ("orga:person-detail", ["ines"]),
        ("orga:person-update", ["ines"]),
        ("orga:person-role-add", ["ines"]),
    ],
)
def test_people_pages_are_forbidden_to_non_staff(member_client, name, args):
    PersonFactory(slug="ines")
    assert member_client.get(reverse(name, args=args)).status_code == 403


@pytest.mark.parametrize(
    "name", ["orga:person-role-update", "orga:person-role-end", "orga:person-role-delete"]
)
def test_role_pages_are_forbidden_to_non_staff(member_client, name):
    role = PersonRoleFactory()
    assert member_client.get(reverse(name, args=[role.pk])).status_code == 403
    assert member_client.post(reverse(name, args=[role.pk])).status_code == 403
    assert PersonRole.objects.get() == role


def row_cells(page: str, text: str) -> list[str]:
    """The texts of the cells of the table row holding ``text``, without markup."""
    start = page.rindex("<tr>", 0, page.index(text))
    row = page[start : page.index("</tr>", start)]
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def test_person_list_shows_each_persons_roles_languages_skills_and_last_session(staff_client):
    hub = HubFactory(name={"en": "Narian-Mar"})
    person = busy_person(given_name="Pavel", family_name="Ardeev", native_name="Павел Ардеев", home_hub=hub)
    ParticipationFactory(
        person=person,
        session__title={"en": "Mimi 2005"},
        session__hub=HubFactory(name={"en": "Marseille"}),
        session__start_date=datetime.date(2005, 7, 18),
        session__end_date=datetime.date(2005, 7, 27),
    )
    response = staff_client.get(reverse("orga:person-list"))
    assert response.status_code == 200
    assert row_cells(response.content.decode(), "Pavel Ardeev") == [
        "Pavel Ardeev Павел Ардеев",
        "Narian-Mar",
        "technician",
        "French (native), Lingala (fluent)",
        "Guitar, Sound-Mixing",
        "Mimi 2005 Marseille · Jul 2005",
    ]


def test_person_list_query_count_does_not_grow_with_people(staff_client, django_assert_max_num_queries):
    busy_person()
    with django_assert_max_num_queries(LIST_QUERIES):
        small = staff_client.get(reverse("orga:person-list"))
    for _ in range(24):
        busy_person()
    with django_assert_max_num_queries(LIST_QUERIES):
        large = staff_client.get(reverse("orga:person-list"), {"sort": "last"})
    assert (small.status_code, large.status_code) == (200, 200)
    assert len(large.context["object_list"]) == 25


def test_person_list_searches_native_names_and_emails(staff_client):
    PersonFactory(slug="pavel", native_name="Павел Ардеев")
    PersonFactory(slug="ines", email="ines@example.cd")
    assert listed(staff_client.get(reverse("orga:person-list"), {"q": "Ардеев"})) == ["pavel"]
    assert listed(staff_client.get(reverse("orga:person-list"), {"q": "example.cd"})) == ["ines"]


def test_person_list_filters_by_home_hub(staff_client):
    kinshasa = HubFactory(slug="kinshasa")
    PersonFactory(slug="ines", home_hub=kinshasa)
    PersonFactory(slug="pavel")
    assert listed(staff_client.get(reverse("orga:person-list"), {"home_hub": "kinshasa"})) == ["ines"]


def test_person_list_filters_by_role_held_at_any_time_or_now(staff_client):
    former = PersonFactory(slug="former-trainee", family_name="A")
    PersonRoleFactory(person=former, role=Role.TRAINEE, until=datetime.date(2003, 12, 31))
    PersonRoleFactory(person=former, role=Role.ENTREPRENEUR, since=datetime.date(2004, 1, 1))
    current = PersonFactory(slug="trainee", family_name="B")
    PersonRoleFactory(person=current, role=Role.TRAINEE)
    url = reverse("orga:person-list")
    assert listed(staff_client.get(url, {"role": "trainee"})) == ["former-trainee", "trainee"]
    assert listed(staff_client.get(url, {"role_now": "trainee"})) == ["trainee"]
    assert listed(staff_client.get(url, {"role": "trainee", "role_now": "entrepreneur"})) == [
        "former-trainee"
    ]


def test_person_list_filters_by_skill_and_spoken_language(staff_client):
    guitarist = PersonFactory(slug="guitarist")
    guitarist.skills.add(SkillFactory(slug="guitar"))
    PersonLanguageFactory(person=PersonFactory(slug="nenets-speaker"), language="yrk")
    PersonLanguageFactory(person=guitarist, language="fr")
    url = reverse("orga:person-list")
    assert listed(staff_client.get(url, {"skill": "guitar"})) == ["guitarist"]
    assert listed(staff_client.get(url, {"language": "yrk"})) == ["nenets-speaker"]


def test_person_list_filters_by_programme_cohort_or_participants(staff_client):
    programme = ProgrammeFactory(slug="mimi-nor")
    CohortMemberFactory(programme=programme, person=PersonFactory(slug="cohort", family_name="A"))
    ParticipationFactory(
        session=SessionFactory(programme=programme), person=PersonFactory(slug="guest", family_name="B")
    )
    ParticipationFactory(
        session=SessionFactory(programme=programme),
        person=PersonFactory(slug="declined"),
        status=ParticipationStatus.DECLINED,
    )
    CohortMemberFactory(person=PersonFactory(slug="elsewhere"))
    assert listed(staff_client.get(reverse("orga:person-list"), {"programme": "mimi-nor"})) == [
        "cohort",
        "guest",
    ]


def test_person_list_filters_by_year_of_participation(staff_client):
    ParticipationFactory(person=PersonFactory(slug="in-2002"), session__start_date=datetime.date(2002, 9, 2))
    ParticipationFactory(person=PersonFactory(slug="in-2004"))
    assert listed(staff_client.get(reverse("orga:person-list"), {"year": "2002"})) == ["in-2002"]


def test_person_list_sorts_by_name_home_hub_or_last_session(staff_client):
    amman, beirut = HubFactory(slug="amman"), HubFactory(slug="beirut")
    ada = PersonFactory(slug="ada", family_name="Ada", home_hub=beirut)
    zoe = PersonFactory(slug="zoe", family_name="Zoe", home_hub=amman)
    PersonFactory(slug="nobody", family_name="Nobody", home_hub=None)
    ParticipationFactory(person=ada, session__start_date=datetime.date(2002, 9, 2))
    ParticipationFactory(person=zoe, session__start_date=datetime.date(2004, 7, 19))
    url = reverse("orga:person-list")
    assert listed(staff_client.get(url)) == ["ada", "nobody", "zoe"]
    assert listed(staff_client.get(url, {"sort": "hub"})) == ["zoe", "ada", "nobody"]
    response = staff_client.get(url, {"sort": "last"})
    assert listed(response) == ["zoe", "ada", "nobody"]
    assert 'aria-sort="descending"' in response.content.decode()


def test_person_create_saves_the_person_and_languages_through_the_domain(staff_client):
    hub = HubFactory()
    guitar = SkillFactory(slug="guitar")
    response = staff_client.post(
        reverse("orga:person-create"),
        person_data(
            home_hub=hub.pk,
            skills=[guitar.pk],
            bio_1="Guitarist from Kinshasa.",
            languages=[("ln", "native"), ("fr", "fluent")],
        ),
    )
    person = Person.objects.get()
    assert response.status_code == 302
    assert response["Location"] == person.get_absolute_url()
    assert (person.slug, person.home_hub, list(person.skills.all())) == ("ines-mbuyi", hub, [guitar])
    assert str(person.bio.localize("en")) == "Guitarist from Kinshasa."
    assert list(person.languages.values_list("language", "level")) == [("fr", "fluent"), ("ln", "native")]
    assert sorted(AuditEntry.objects.for_object(person).values_list("action", flat=True)) == [
        "person.created",
        "person.languages_changed",
    ]


def test_person_create_with_a_taken_email_shows_it_on_the_field_and_writes_nothing(staff_client):
    PersonFactory(email="ines@example.cd")
    response = staff_client.post(reverse("orga:person-create"), person_data(email="INES@example.cd"))
    assert response.status_code == 200
    assert response.context["form"].errors == {"email": ["Someone already has this email."]}
    assert 'id="id_email_errors"' in response.content.decode()
    assert Person.objects.count() == 1
    assert AuditEntry.objects.count() == 0


def test_person_create_with_invalid_languages_creates_no_person(staff_client):
    response = staff_client.post(
        reverse("orga:person-create"), person_data(languages=[("fr", "native"), ("fr", "basic")])
    )
    assert response.status_code == 200
    assert response.context["languages_formset"].non_form_errors() == [
        "French is given twice: keep one row per language."
    ]
    assert "Please correct the spoken languages below." in response.content.decode()
    assert Person.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_person_create_with_missing_names_shows_errors_and_keeps_the_language_rows(staff_client):
    response = staff_client.post(
        reverse("orga:person-create"),
        person_data(given_name="", family_name="", languages=[("ru", "native")]),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"given_name", "family_name"}
    assert 'value="ru" selected' in response.content.decode()
    assert Person.objects.count() == 0


def test_person_update_changes_fields_and_languages_in_one_audited_save(staff_client):
    person = PersonFactory(
        slug="pavel", given_name="Pavel", family_name="Ardeev", email="pavel@example.ru", city=""
    )
    PersonLanguageFactory(person=person, language="ru", level="native")
    PersonLanguageFactory(person=person, language="en", level="basic")
    data = person_data(
        given_name="Pavel",
        family_name="Ardeev",
        email="pavel@example.ru",
        home_hub=person.home_hub.pk,
        city="Narian-Mar",
    )
    data.update(
        {
            "languages-TOTAL_FORMS": "3",
            "languages-INITIAL_FORMS": "2",
            "languages-0-language": "ru",
            "languages-0-level": "native",
            "languages-1-language": "en",
            "languages-1-level": "basic",
            "languages-1-DELETE": "on",
            "languages-2-language": "yrk",
            "languages-2-level": "working",
        }
    )
    response = staff_client.post(reverse("orga:person-update", args=["pavel"]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.slug, person.city) == ("pavel", "Narian-Mar")
    assert list(person.languages.values_list("language", flat=True)) == ["ru", "yrk"]
    changes = {entry.action: entry.changes for entry in AuditEntry.objects.for_object(person)}
    assert changes == {
        "person.updated": {"city": ["", "Narian-Mar"]},
        "person.languages_changed": {"en": ["basic", None], "yrk": [None, "working"]},
    }


def test_person_update_form_shows_the_current_languages(staff_client):
    person = PersonFactory(slug="pavel")
    PersonLanguageFactory(person=person, language="yrk", level="fluent")
    response = staff_client.get(reverse("orga:person-update", args=["pavel"]))
    assert [form.initial for form in response.context["languages_formset"]] == [
        {"language": "yrk", "level": "fluent"},
        {},
        {},
        {},
    ]


def make_history(person, years):
    for year in years:
        PersonRoleFactory(person=person, since=datetime.date(year, 1, 1), until=datetime.date(year, 12, 31))
        CohortMemberFactory(person=person, joined_on=datetime.date(year, 2, 1))
        session = SessionFactory(start_date=datetime.date(year, 7, 1), end_date=datetime.date(year, 7, 9))
        ParticipationFactory(person=person, session=session)
        activity = ActivityFactory(session=session)
        ActivityMemberFactory(person=person, activity=activity)
        ActivityMemberFactory(activity=activity)
        ActivityMemberFactory(person=person)
    return person


def test_person_page_shows_the_history_by_year_the_coworkers_and_the_trail(staff_client):
    person = make_history(PersonFactory(slug="ines", given_name="Ines", family_name="Mbuyi"), [2002, 2003])
    partner = PersonFactory(given_name="Pavel", family_name="Ardeev", home_hub=HubFactory())
    for activity in ActivityFactory.create_batch(2):
        ActivityMemberFactory(activity=activity, person=person)
        ActivityMemberFactory(activity=activity, person=partner)
    PersonRoleFactory(
        person=person, role=Role.ENTREPRENEUR, since=datetime.date(2004, 1, 1), note="Founded a studio"
    )
    response = staff_client.get(reverse("orga:person-detail", args=["ines"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert [year.year for year in response.context["history"]] == [2002, 2003, 2004]
    assert [role.role for role in response.context["current_roles"]] == [Role.ENTREPRENEUR]
    closest = response.context["coworkers"][0]
    assert (closest.full_name, closest.shared, closest.years) == ("Pavel Ardeev", 2, 1)
    assert 'id="year-2003"' in page
    assert "Founded a studio" in page
    assert reverse("orga:person-role-end", args=[person.roles.get(role=Role.ENTREPRENEUR).pk]) in page
    assert f'name="until" value="{timezone.localdate().isoformat()}"' in page
    assert 'id="history-heading"' in page


def test_person_page_query_count_does_not_grow_with_history(staff_client, django_assert_max_num_queries):
    person = make_history(PersonFactory(slug="ines"), [2002])
    with django_assert_max_num_queries(DETAIL_QUERIES):
        short = staff_client.get(reverse("orga:person-detail", args=["ines"]))
    make_history(person, range(2003, 2015))
    with django_assert_max_num_queries(DETAIL_QUERIES):
        long = staff_client.get(reverse("orga:person-detail", args=["ines"]))
    assert (short.status_code, long.status_code) == (200, 200)
    assert len(long.context["history"]) == 13


def test_person_page_of_an_unknown_person_is_not_found(staff_client):
    assert staff_client.get(reverse("orga:person-detail", args=["nobody"])).status_code == 404


def test_person_page_links_to_adding_the_person_to_a_session(staff_client):
    try:
        base = reverse("orga:participation-create")
    except NoReverseMatch:
        pytest.skip("the participation pages are not installed")
    PersonFactory(slug="ines")
    page = staff_client.get(reverse("orga:person-detail", args=["ines"])).content.decode()
    assert f"{base}?person=ines&amp;next=/orga/people/ines/" in page


def test_role_add_saves_through_the_domain_and_returns_to_the_person(staff_client):
    person = PersonFactory(slug="ines")
    response = staff_client.post(
        reverse("orga:person-role-add", args=["ines"]),
        {"role": "technician", "since": "2003-07-01", "note": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == person.get_absolute_url()
    assert list(person.roles.values_list("role", "since")) == [("technician", datetime.date(2003, 7, 1))]
    assert AuditEntry.objects.for_object(person).get().action == "person.role_added"


def test_role_add_ending_before_it_starts_shows_the_error_and_writes_nothing(staff_client):
    PersonFactory(slug="ines")
    response = staff_client.post(
        reverse("orga:person-role-add", args=["ines"]),
        {"role": "technician", "since": "2003-07-01", "until": "2003-01-01"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"__all__": ["A role cannot end before it starts."]}
    assert PersonRole.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_role_update_records_the_change_on_the_persons_page(staff_client):
    role = PersonRoleFactory(since=datetime.date(2002, 9, 2), note="")
    response = staff_client.post(
        reverse("orga:person-role-update", args=[role.pk]),
        {"role": "trainee", "since": "2002-09-02", "until": "2004-05-31", "note": "Sound workshop"},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.for_object(role.person).get()
    assert (entry.action, entry.changes) == (
        "person.role_updated",
        {"until": [None, "2004-05-31"], "note": ["", "Sound workshop"]},
    )
    page = staff_client.get(role.person.get_absolute_url())
    assert list(page.context["audit_entries"]) == [entry]
    assert "<strong>Role changed</strong>" in page.content.decode()


def test_role_end_with_one_click_ends_the_role_on_the_given_day(staff_client):
    role = PersonRoleFactory(since=datetime.date(2002, 9, 2))
    today = timezone.localdate()
    response = staff_client.post(
        reverse("orga:person-role-end", args=[role.pk]), {"until": today.isoformat()}
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.until == today
    assert AuditEntry.objects.for_object(role.person).get().action == "person.role_ended"


def test_role_end_page_proposes_today(staff_client):
    role = PersonRoleFactory()
    response = staff_client.get(reverse("orga:person-role-end", args=[role.pk]))
    assert response.context["form"]["until"].value() == timezone.localdate()


def test_role_end_of_an_ended_role_shows_the_refusal_and_changes_nothing(staff_client):
    role = PersonRoleFactory(since=datetime.date(2002, 9, 2), until=datetime.date(2003, 1, 1))
    response = staff_client.post(reverse("orga:person-role-end", args=[role.pk]), {"until": "2004-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"until": ["This role has already ended."]}
    role.refresh_from_db()
    assert role.until == datetime.date(2003, 1, 1)
    assert AuditEntry.objects.count() == 0


def test_role_delete_asks_first_then_deletes_and_keeps_the_trail(staff_client):
    role = PersonRoleFactory(role=Role.INTERPRETER)
    person = role.person
    url = reverse("orga:person-role-delete", args=[role.pk])
    confirm = staff_client.get(url)
    assert confirm.status_code == 200
    assert "Delete the role “interpreter”" in confirm.content.decode()
    response = staff_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == person.get_absolute_url()
    assert PersonRole.objects.count() == 0
    assert AuditEntry.objects.for_object(person).get().action == "person.role_deleted"


def test_people_navigation_marks_the_current_section(staff_client):
    page = staff_client.get(reverse("orga:skill-list")).content.decode()
    assert f'<a href="{reverse("orga:person-list")}" aria-current="page">' in page
    assert f'<a href="{reverse("orga:organisation-list")}">' in page


@pytest.mark.django_db
def test_staff_erase_a_person_after_confirming(staff_client):
    person = PersonFactory(given_name="Inès", family_name="Mbala", email="ines@example.cd")
    url = reverse("orga:person-erase", args=[person.slug])
    confirm = staff_client.get(url)
    assert confirm.status_code == 200
    assert "Erase the personal data of Inès Mbala?" in confirm.content.decode()
    response = staff_client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("orga:person-list")
    person.refresh_from_db()
    assert (person.given_name, person.email) == ("Erased person", None)


@pytest.mark.django_db
def test_people_without_staff_rights_cannot_erase(member_client):
    person = PersonFactory()
    url = reverse("orga:person-erase", args=[person.slug])
    assert (member_client.get(url).status_code, member_client.post(url).status_code) == (403, 403)
    person.refresh_from_db()
    assert person.given_name != "Erased person"
