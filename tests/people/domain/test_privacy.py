import pytest
from django.core.exceptions import ValidationError

from tissage.core.models import AuditEntry, JobStatus
from tissage.people.domain.privacy import (
    DATA_EXPORT_KIND,
    consent_record,
    consents_set,
    person_data,
    person_data_export_request,
    register_export_section,
)
from tissage.people.enums import ConsentKind, ConsentSource
from tissage.people.models import ConsentRecord

from ...factories import (
    ActivityMemberFactory,
    ParticipationFactory,
    PersonFactory,
    PersonLanguageFactory,
    PersonRoleFactory,
)


@pytest.mark.django_db
def test_consent_record_keeps_every_answer_and_the_latest_counts():
    person = PersonFactory()
    consent_record(
        actor=None, person=person, kind=ConsentKind.PHOTOS, given=True, source=ConsentSource.PORTAL
    )
    consent_record(
        actor=None, person=person, kind=ConsentKind.PHOTOS, given=False, source=ConsentSource.PORTAL
    )
    current = person.consents.all().current()
    assert {kind: record.given for kind, record in current.items()} == {"photos": False}
    assert ConsentRecord.objects.count() == 2
    assert [e.changes for e in AuditEntry.objects.for_object(person).order_by("pk")] == [
        {"photos": [None, True]},
        {"photos": [None, False]},
    ]


@pytest.mark.django_db
def test_consent_record_refuses_an_unknown_kind():
    person = PersonFactory()
    with pytest.raises(ValidationError):
        consent_record(actor=None, person=person, kind="everything", given=True, source=ConsentSource.PORTAL)
    assert ConsentRecord.objects.count() == 0


@pytest.mark.django_db
def test_consents_set_records_only_what_changed():
    person = PersonFactory()
    consent_record(
        actor=None, person=person, kind=ConsentKind.DATA, given=True, source=ConsentSource.APPLICATION
    )
    recorded = consents_set(
        actor=None,
        person=person,
        answers={ConsentKind.DATA: True, ConsentKind.PHOTOS: False, ConsentKind.NEWS: True},
        source=ConsentSource.PORTAL,
    )
    assert sorted((r.kind, r.given) for r in recorded) == [("news", True), ("photos", False)]
    assert ConsentRecord.objects.count() == 3


@pytest.mark.django_db
def test_person_data_holds_every_section_of_the_person():
    person = PersonFactory(given_name="Artyom", family_name="Vylka", email="artyom@example.ru")
    PersonLanguageFactory(person=person, language="ru", level="native")
    PersonRoleFactory(person=person)
    ParticipationFactory(person=person)
    ActivityMemberFactory(person=person)
    consent_record(actor=None, person=person, kind=ConsentKind.NEWS, given=True, source=ConsentSource.PORTAL)
    data = person_data(person)
    assert {"person", "languages", "roles", "participations", "activities", "consents", "messages"} <= set(
        data
    )
    assert (data["person"]["given_name"], data["person"]["email"]) == ("Artyom", "artyom@example.ru")
    assert data["languages"] == [{"language": "ru", "level": "native"}]
    assert [c["kind"] for c in data["consents"]] == ["news"]
    assert (len(data["roles"]), len(data["participations"]), len(data["activities"])) == (1, 1, 1)


def test_register_export_section_refuses_a_name_twice():
    with pytest.raises(ValueError):
        register_export_section("person", lambda person: {})


@pytest.mark.django_db
def test_person_data_export_request_runs_a_job_that_keeps_the_copy():
    person = PersonFactory(given_name="Grace")
    job = person_data_export_request(actor=None, person=person)
    assert (job.kind, job.status) == (DATA_EXPORT_KIND, JobStatus.SUCCEEDED)
    assert job.result["export"]["person"]["given_name"] == "Grace"
