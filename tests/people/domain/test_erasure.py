import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tissage.activities.domain.activities import activity_member_add, activity_members_set
from tissage.activities.enums import MemberRole
from tissage.core.models import AuditEntry
from tissage.impact.models import Tie
from tissage.people.domain import erasure
from tissage.people.domain.erasure import ERASED, person_erase
from tissage.people.domain.persons import person_create, person_update
from tissage.people.models import Person

from ...factories import (
    ActivityFactory,
    ApplicationFactory,
    ApplicationFileFactory,
    MessageFactory,
    ParticipationFactory,
    PersonFactory,
    TravelLegFactory,
    UserFactory,
    VisaCaseFactory,
    VisaDocumentFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(staff_user):
    person = person_create(
        actor=staff_user,
        data={
            "given_name": "Anna",
            "family_name": "Vokueva",
            "native_name": "Анна Вокуева",
            "email": "anna@example.ru",
            "phone": "+7 818 530 00 00",
            "city": "Naryan-Mar",
            "nationality": "RU",
            "country": "RU",
            "notes": "Plays the Nenets drum.",
            "bio": {"en": "A singer from the tundra."},
        },
        languages=[("ru", "native"), ("en", "working")],
    )
    person_update(actor=staff_user, person=person, data={"phone": "+7 818 530 11 11"})
    person.user = UserFactory(username="anna", email="anna@example.ru")
    person.save()
    return person


def network_figures(person) -> dict:
    """What the figures are built on: the person's part in sessions, activities and ties."""
    return {
        "participations": sorted(person.participations.values_list("session_id", "role", "status")),
        "memberships": sorted(person.activity_memberships.values_list("activity_id", "role")),
        "ties": sorted(Tie.objects.values_list("person_a_id", "person_b_id", "weight")),
        "home_hub": person.home_hub_id,
        "country": str(person.country),
    }


def test_erasure_keeps_the_figures_and_forgets_the_person(anna, staff_user):
    ParticipationFactory(person=anna)
    activity = ActivityFactory()
    for someone in (anna, PersonFactory(), PersonFactory()):
        activity_member_add(actor=staff_user, activity=activity, person=someone, role=MemberRole.MEMBER)
    figures = network_figures(anna)
    assert figures["ties"] and figures["participations"] and figures["memberships"]

    done = person_erase(actor=staff_user, person=anna)

    anna = Person.objects.get(pk=anna.pk)
    assert network_figures(anna) == figures
    assert (anna.given_name, anna.family_name, anna.slug) == (
        "Erased person",
        f"#{anna.pk}",
        f"erased-{anna.pk}",
    )
    assert anna.email is None and not str(anna.bio or "")
    assert [anna.native_name, anna.phone, anna.city, anna.nationality, anna.notes] == ["", "", "", "", ""]
    assert not anna.is_public and anna.user is None
    assert not anna.languages.exists()
    account = UserFactory._meta.model.objects.get(username__startswith="erased-")
    assert not account.is_active and not account.has_usable_password() and account.email == ""
    history = json.dumps(list(AuditEntry.objects.values_list("object_repr", "changes")), ensure_ascii=False)
    for trace in ("Anna", "Vokueva", "Анна", "anna@example.ru", "530 11 11", "Naryan-Mar", "anna-vokueva"):
        assert trace not in history
    assert ERASED in history
    assert done["languages"] == 2 and done["account"] == 1 and done["audit"] >= 3
    assert AuditEntry.objects.for_object(anna).filter(action="person.erased").exists()


def test_erasing_twice_is_refused(anna, staff_user):
    person_erase(actor=staff_user, person=anna)
    with pytest.raises(ValidationError, match="already been erased"):
        person_erase(actor=staff_user, person=Person.objects.get(pk=anna.pk))


def test_a_failing_step_erases_nothing(anna, staff_user, monkeypatch):
    def broken(person):
        raise RuntimeError("the travel documents could not be removed")

    monkeypatch.setitem(erasure._STEPS, "broken", broken)
    entries = list(AuditEntry.objects.values_list("object_repr", "changes"))
    with pytest.raises(RuntimeError):
        person_erase(actor=staff_user, person=anna)
    kept = Person.objects.get(pk=anna.pk)
    assert (kept.given_name, kept.email, kept.languages.count()) == ("Anna", "anna@example.ru", 2)
    assert list(AuditEntry.objects.values_list("object_repr", "changes")) == entries


def test_other_apps_forget_their_part(anna, staff_user):
    participation = ParticipationFactory(person=anna)
    case = VisaCaseFactory(participation=participation, passport_number="RU1234567", note="Scan sent")
    scan = VisaDocumentFactory(case=case, file=ContentFile(b"%PDF passport", name="passport.pdf"))
    TravelLegFactory(participation=participation, booking_reference="XK9F2Q")
    application = ApplicationFactory(email="ANNA@example.ru", answers={"why": "To sing"}, phone="+7 1")
    upload = ApplicationFileFactory(application=application, file=ContentFile(b"demo", name="song.mp3"))
    message = MessageFactory(person=anna, recipient_email="anna@example.ru", subject="Welcome, Anna")
    stored = [scan.file.name, upload.file.name]

    done = person_erase(actor=staff_user, person=anna)

    case.refresh_from_db()
    application.refresh_from_db()
    message.refresh_from_db()
    assert (case.passport_number, case.note, case.documents.count()) == ("", "", 0)
    assert participation.travel_legs.get().booking_reference == ""
    assert (application.given_name, application.answers, application.phone) == (ERASED, {}, "")
    assert application.email == f"erased-{application.pk}@invalid.example"
    assert not application.files.exists()
    assert (message.recipient_email, message.subject, message.body_text) == (
        "erased@invalid.example",
        ERASED,
        ERASED,
    )
    assert not any(default_storage.exists(name) for name in stored)
    assert done["applications"] == 1 and done["messages"] == 1 and done["travel documents"] >= 2


def test_someone_elses_name_that_contains_hers_stays_in_the_history(anna, staff_user):
    cousin = person_create(actor=staff_user, data={"given_name": "Anna", "family_name": "Vokueva-Sow"})
    # One entry names them both: the membership written at once.
    members = [(anna, MemberRole.MEMBER), (cousin, MemberRole.MEMBER)]
    activity_members_set(actor=staff_user, activity=ActivityFactory(), members=members)
    person_erase(actor=staff_user, person=anna)
    hers = AuditEntry.objects.for_object(cousin).values_list("object_repr", "changes")
    history = json.dumps(list(hers), ensure_ascii=False)
    assert "Vokueva-Sow" in history and "[erased]-" not in history
