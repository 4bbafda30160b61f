import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.activities.enums import MemberRole, ParticipationStatus
from tissage.core.models import AuditEntry
from tissage.people.domain.persons import (
    person_check_unique,
    person_coworkers,
    person_create,
    person_history,
    person_languages_set,
    person_role_add,
    person_role_delete,
    person_role_end,
    person_role_update,
    person_update,
    role_is_held_on,
    roles_held_on,
)
from tissage.people.enums import Role
from tissage.people.models import Person, PersonRole

from ...factories import (
    ActivityFactory,
    ActivityMemberFactory,
    CohortMemberFactory,
    EditionFactory,
    HubFactory,
    ParticipationFactory,
    PersonFactory,
    PersonLanguageFactory,
    PersonRoleFactory,
    SessionFactory,
    StaffFactory,
)

IDENTITY = {"given_name": "Ines", "family_name": "Mbuyi"}


def languages_of(person):
    return list(person.languages.order_by("language").values_list("language", "level"))


@pytest.mark.django_db
def test_person_create_makes_a_slug_from_the_name_and_audits():
    staff = StaffFactory()
    PersonFactory(slug="ines-mbuyi")
    person = person_create(actor=staff, data={**IDENTITY, "email": "ines@example.cd"})
    assert person.slug == "ines-mbuyi-2"
    entry = AuditEntry.objects.for_object(person).get()
    assert (entry.action, entry.actor, entry.changes["email"]) == (
        "person.created",
        staff,
        [None, "ines@example.cd"],
    )


@pytest.mark.django_db
def test_person_create_saves_languages_with_the_person():
    person = person_create(actor=None, data=IDENTITY, languages=[("ln", "native"), ("fr", "fluent")])
    assert languages_of(person) == [("fr", "fluent"), ("ln", "native")]
    assert list(AuditEntry.objects.for_object(person).values_list("action", flat=True)) == [
        "person.languages_changed",
        "person.created",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "languages",
    [[("fr", "native"), ("xx", "fluent")], [("fr", "native"), ("fr", "basic")], [("fr", "superb")]],
    ids=["unknown language", "language twice", "unknown level"],
)
def test_person_create_with_invalid_languages_writes_nothing(languages):
    with pytest.raises(ValidationError) as caught:
        person_create(actor=None, data=IDENTITY, languages=languages)
    assert set(caught.value.error_dict) == {"languages"}
    assert Person.objects.count() == 0
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_person_create_refuses_a_taken_email_on_the_email_field_whatever_its_case():
    PersonFactory(email="ines@example.cd")
    with pytest.raises(ValidationError) as caught:
        person_create(actor=None, data={**IDENTITY, "email": "Ines@Example.CD"})
    assert caught.value.message_dict == {"email": ["Someone already has this email."]}
    assert Person.objects.count() == 1
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_person_create_refuses_a_taken_external_id_on_its_field():
    PersonFactory(external_id="row-12")
    with pytest.raises(ValidationError) as caught:
        person_create(actor=None, data={**IDENTITY, "external_id": "row-12"})
    assert caught.value.message_dict == {"external_id": ["Someone already has this external id."]}


@pytest.mark.django_db
def test_person_create_stores_blank_identifiers_as_null_so_many_people_can_lack_them():
    first = person_create(actor=None, data={**IDENTITY, "email": "", "external_id": " "})
    second = person_create(actor=None, data={"given_name": "Pavel", "family_name": "Ardeev", "email": ""})
    assert (first.email, first.external_id, second.email) == (None, None, None)


@pytest.mark.django_db
def test_person_check_unique_lets_a_person_keep_their_own_email():
    person = PersonFactory(email="ines@example.cd")
    person_check_unique(data={"email": "INES@example.cd"}, person=person)


@pytest.mark.django_db
def test_person_update_changes_fields_and_languages_in_one_audited_step():
    person = PersonFactory(city="Kinshasa")
    PersonLanguageFactory(person=person, language="fr", level="fluent")
    changes = person_update(
        actor=None, person=person, data={"city": "Marseille"}, languages=[("fr", "native"), ("ln", "basic")]
    )
    assert changes == {
        "city": ["Kinshasa", "Marseille"],
        "languages": {"fr": ["fluent", "native"], "ln": [None, "basic"]},
    }
    assert languages_of(person) == [("fr", "native"), ("ln", "basic")]
    assert sorted(AuditEntry.objects.values_list("action", flat=True)) == [
        "person.languages_changed",
        "person.updated",
    ]


@pytest.mark.django_db
def test_person_update_with_invalid_languages_changes_nothing():
    person = PersonFactory(city="Kinshasa")
    with pytest.raises(ValidationError):
        person_update(actor=None, person=person, data={"city": "Marseille"}, languages=[("zz", "native")])
    person.refresh_from_db()
    assert person.city == "Kinshasa"
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_person_update_refuses_someone_elses_email():
    PersonFactory(email="ines@example.cd")
    person = PersonFactory(email="pavel@example.ru")
    with pytest.raises(ValidationError) as caught:
        person_update(actor=None, person=person, data={"email": "ines@example.cd"})
    assert set(caught.value.error_dict) == {"email"}
    person.refresh_from_db()
    assert person.email == "pavel@example.ru"


@pytest.mark.django_db
def test_person_languages_set_replaces_the_languages_and_records_each_change():
    person = PersonFactory()
    PersonLanguageFactory(person=person, language="ru", level="native")
    PersonLanguageFactory(person=person, language="en", level="basic")
    changes = person_languages_set(actor=None, person=person, languages=[("ru", "native"), ("yrk", "fluent")])
    assert changes == {"en": ["basic", None], "yrk": [None, "fluent"]}
    assert languages_of(person) == [("ru", "native"), ("yrk", "fluent")]
    assert AuditEntry.objects.get().changes == {"en": ["basic", None], "yrk": [None, "fluent"]}


@pytest.mark.django_db
def test_person_languages_set_without_change_writes_no_entry():
    person = PersonFactory()
    PersonLanguageFactory(person=person, language="ru", level="native")
    assert person_languages_set(actor=None, person=person, languages=[("ru", "native")]) == {}
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_person_role_add_shows_on_the_persons_trail():
    person = PersonFactory()
    role = person_role_add(
        actor=None, person=person, data={"role": Role.TECHNICIAN, "since": datetime.date(2003, 7, 1)}
    )
    assert (role.person, role.role) == (person, Role.TECHNICIAN)
    assert AuditEntry.objects.for_object(person).get().action == "person.role_added"


@pytest.mark.django_db
def test_person_role_update_refuses_an_end_before_the_start():
    role = PersonRoleFactory(since=datetime.date(2003, 7, 1))
    with pytest.raises(ValidationError) as caught:
        person_role_update(actor=None, role=role, data={"until": datetime.date(2003, 6, 30)})
    assert caught.value.messages == ["A role cannot end before it starts."]
    assert PersonRole.objects.get().until is None


@pytest.mark.django_db
def test_person_role_end_sets_the_last_day_and_audits_on_the_person():
    role = PersonRoleFactory(since=datetime.date(2002, 9, 2))
    changes = person_role_end(actor=None, role=role, on=datetime.date(2004, 5, 31))
    assert changes == {"until": [None, "2004-05-31"]}
    entry = AuditEntry.objects.for_object(role.person).get()
    assert entry.action == "person.role_ended"


@pytest.mark.django_db
def test_person_role_end_refuses_a_role_already_ended():
    role = PersonRoleFactory(since=datetime.date(2002, 9, 2), until=datetime.date(2003, 1, 1))
    with pytest.raises(ValidationError) as caught:
        person_role_end(actor=None, role=role, on=datetime.date(2004, 5, 31))
    assert set(caught.value.error_dict) == {"until"}
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_person_role_delete_keeps_the_entry_on_the_persons_trail():
    role = PersonRoleFactory(role=Role.INTERPRETER)
    person = role.person
    person_role_delete(actor=None, role=role)
    assert PersonRole.objects.count() == 0
    entry = AuditEntry.objects.for_object(person).get()
    assert (entry.action, entry.changes["role"]) == ("person.role_deleted", [Role.INTERPRETER, None])


@pytest.mark.django_db
def test_roles_held_on_a_day_are_those_begun_and_not_ended():
    day = datetime.date(2004, 1, 1)
    ongoing = PersonRoleFactory(since=datetime.date(2002, 9, 2))
    ending_that_day = PersonRoleFactory(since=datetime.date(2002, 9, 2), until=day)
    PersonRoleFactory(since=datetime.date(2002, 9, 2), until=datetime.date(2003, 12, 31))
    PersonRoleFactory(since=datetime.date(2004, 1, 2))
    held = list(roles_held_on(day).order_by("pk"))
    assert held == [ongoing, ending_that_day]
    assert [role for role in PersonRole.objects.order_by("pk") if role_is_held_on(role, day)] == held


@pytest.mark.django_db
def test_person_history_tells_the_path_year_by_year_with_activities_inside_their_session():
    person = PersonFactory()
    trainee = PersonRoleFactory(person=person, role=Role.TRAINEE, since=datetime.date(2002, 9, 2))
    technician = PersonRoleFactory(person=person, role=Role.TECHNICIAN, since=datetime.date(2004, 3, 1))
    cohort = CohortMemberFactory(person=person, programme__start_year=2002)
    session = SessionFactory(start_date=datetime.date(2003, 7, 20), end_date=datetime.date(2003, 7, 28))
    participation = ParticipationFactory(person=person, session=session, role=Role.TECHNICIAN)
    edition = EditionFactory(start_date=datetime.date(2003, 7, 24), end_date=datetime.date(2003, 7, 27))
    workshop = ActivityMemberFactory(
        person=person, activity=ActivityFactory(edition=edition, session=session), role=MemberRole.LEADER
    )
    concert = ActivityMemberFactory(
        person=person,
        activity=ActivityFactory(
            edition=EditionFactory(start_date=datetime.date(2004, 11, 5), end_date=datetime.date(2004, 11, 7))
        ),
    )
    history = person_history(person)
    assert [year.year for year in history] == [2002, 2003, 2004]
    assert (history[0].roles, history[0].cohorts) == ([trainee], [cohort])
    assert [entry.participation for entry in history[1].participations] == [participation]
    assert history[1].participations[0].activities == [workshop]
    assert (history[2].roles, history[2].activities) == ([technician], [concert])


@pytest.mark.django_db
def test_person_history_takes_four_queries_however_long(django_assert_num_queries):
    person = PersonFactory()
    for year in range(2002, 2012):
        PersonRoleFactory(person=person, since=datetime.date(year, 1, 1))
        CohortMemberFactory(person=person, joined_on=datetime.date(year, 2, 1))
        participation = ParticipationFactory(
            person=person,
            session__start_date=datetime.date(year, 7, 1),
            session__end_date=datetime.date(year, 7, 9),
        )
        ActivityMemberFactory(person=person, activity=ActivityFactory(session=participation.session))
        ActivityMemberFactory(person=person)
    with django_assert_num_queries(4):
        history = person_history(person)
        rendered = [str(m.activity.hub) for year in history for m in year.activities]
    assert (len(history), len(rendered)) == (10, 10)


@pytest.mark.django_db
def test_person_coworkers_ranks_by_shared_activities_and_counts_years(django_assert_num_queries):
    marseille, kinshasa = HubFactory(), HubFactory()
    person = PersonFactory(home_hub=marseille)
    often, once = PersonFactory(home_hub=kinshasa), PersonFactory(home_hub=marseille)
    for year in (2002, 2003, 2003):
        activity = ActivityFactory(edition=EditionFactory(start_date=datetime.date(year, 7, 1)))
        ActivityMemberFactory(activity=activity, person=person)
        ActivityMemberFactory(activity=activity, person=often)
    ActivityMemberFactory(activity=activity, person=once)
    ActivityMemberFactory(activity=ActivityFactory(), person=PersonFactory())
    ParticipationFactory(person=person, status=ParticipationStatus.ATTENDED)
    with django_assert_num_queries(1):
        ranked = [(p, p.shared, p.years, p.home_hub) for p in person_coworkers(person)]
    assert ranked == [(often, 3, 2, kinshasa), (once, 1, 1, marseille)]
