import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from tissage.activities.models import Participation
from tissage.calls.domain.decisions import application_decide
from tissage.calls.models import Application, Decision
from tissage.core.models import AuditEntry
from tissage.people.domain.portal import portal_link_redeem
from tissage.people.models import Person

from ...factories import (
    ApplicationFactory,
    ParticipationFactory,
    PersonFactory,
    PersonLanguageFactory,
    SkillFactory,
    StaffFactory,
)

LINK = re.compile(r"/(\w\w)/portal/sign-in/([^/\s]+)/")


@pytest.fixture
def staff(db):
    return StaffFactory(username="nathalie")


def applicant(call, **fields):
    skill = SkillFactory(slug="sound-mixing")
    application = ApplicationFactory(
        call=call,
        given_name="Ksenia",
        family_name="Orlova",
        email="Ksenia.Orlova@example.ru",
        phone="+7 81853 5-12-34",
        nationality="RU",
        language="ru",
        languages=[["ru", "native"], ["fr", "working"]],
        **fields,
    )
    application.skills.add(skill)
    return application


def test_accepting_a_newcomer_creates_the_person_and_invites_them_to_the_session(call, staff):
    application = applicant(call)
    decision = application_decide(
        actor=staff, application=application, outcome="accepted", note="Bring your headphones."
    )
    application.refresh_from_db()
    person = Person.objects.get()
    assert (person.full_name, person.email, person.language, person.nationality.code, person.phone) == (
        "Ksenia Orlova",
        "Ksenia.Orlova@example.ru",
        "ru",
        "RU",
        "+7 81853 5-12-34",
    )
    assert list(person.languages.values_list("language", "level")) == [("fr", "working"), ("ru", "native")]
    assert list(person.skills.values_list("slug", flat=True)) == ["sound-mixing"]
    participation = Participation.objects.get()
    assert (participation.person, participation.session, participation.role, participation.status) == (
        person,
        call.session,
        "technician",
        "invited",
    )
    assert (participation.arrives_on, participation.departs_on) == (
        datetime.date(2027, 5, 15),
        datetime.date(2027, 5, 23),
    )
    assert (application.state, application.person, application.participation) == (
        "accepted",
        person,
        participation,
    )
    assert {k: r.given for k, r in person.consents.all().current().items()} == {"data": True}
    message = decision.message
    assert (message.recipient_email, message.language, message.person, message.template_key) == (
        "Ksenia.Orlova@example.ru",
        "ru",
        person,
        "application_decision",
    )
    assert "Bring your headphones." in message.body_text
    assert "15 мая 2027 г." in message.body_text
    language, token = LINK.search(message.body_text).groups()
    assert language == "ru"
    assert portal_link_redeem(token=token) == person
    assert (decision.outcome, decision.decided_by) == ("accepted", staff)
    assert "application.accepted" in AuditEntry.objects.for_object(application).values_list(
        "action", flat=True
    )
    assert "participation.created" in AuditEntry.objects.for_object(person).values_list("action", flat=True)


def test_accepting_someone_the_network_knows_completes_them_without_overwriting(call, staff):
    person = PersonFactory(email="ksenia.orlova@EXAMPLE.ru", phone="", city="Narian-Mar", language="")
    PersonLanguageFactory(person=person, language="ru", level="fluent")
    declined = ParticipationFactory(person=person, session=call.session, status="declined", role="technician")
    application = applicant(call, city="Arkhangelsk")
    application_decide(actor=staff, application=application, outcome="accepted")
    person.refresh_from_db()
    assert Person.objects.count() == 1
    assert (person.phone, person.city, person.language) == ("+7 81853 5-12-34", "Narian-Mar", "ru")
    # Russian stays at the level the network knew; French is added.
    assert list(person.languages.values_list("language", "level")) == [("fr", "working"), ("ru", "fluent")]
    declined.refresh_from_db()
    assert (Participation.objects.count(), declined.status) == (1, "invited")
    application.refresh_from_db()
    assert application.participation == declined


def test_accepting_for_a_call_without_a_session_joins_the_programmes_cohort(call, staff):
    call.session = None
    call.save()
    application = applicant(call)
    application_decide(actor=staff, application=application, outcome="accepted")
    member = call.programme.cohort_members.get()
    assert (member.person.email, member.role, Participation.objects.count()) == (
        "Ksenia.Orlova@example.ru",
        "technician",
        0,
    )


def test_waiting_list_then_decline_tells_the_applicant_each_time(call, staff):
    application = applicant(call)
    application_decide(actor=staff, application=application, outcome="waiting_list")
    application_decide(actor=staff, application=application, outcome="declined")
    application.refresh_from_db()
    assert application.state == "declined"
    assert [d.outcome for d in Decision.objects.order_by("pk")] == ["waiting_list", "declined"]
    assert [d.message.template_key for d in Decision.objects.all()] == ["application_decision"] * 2
    assert (Person.objects.count(), Participation.objects.count()) == (0, 0)


def test_declining_uses_the_calls_own_words_in_the_applicants_language(call, staff):
    call.declined_message = {"en": "Apply again next year!", "ru": "Подайте заявку в следующем году!"}
    call.save()
    call.refresh_from_db()
    application = applicant(call)
    message = application_decide(actor=staff, application=application, outcome="declined").message
    assert "Подайте заявку в следующем году!" in message.body_text
    assert "/portal/" not in message.body_text


@pytest.mark.parametrize(
    ("state", "outcome"),
    [("declined", "accepted"), ("accepted", "declined"), ("waiting_list", "waiting_list")],
)
def test_decisions_cannot_be_taken_back_or_repeated(call, staff, state, outcome):
    application = applicant(call, state=state)
    with pytest.raises(ValidationError) as caught:
        application_decide(actor=staff, application=application, outcome=outcome)
    assert caught.value.code == "invalid_decision"
    assert (Decision.objects.count(), Application.objects.get().state) == (0, state)


def test_accepting_twice_through_the_waiting_list_keeps_one_person(call, staff):
    application = applicant(call)
    application_decide(actor=staff, application=application, outcome="waiting_list")
    application_decide(actor=staff, application=application, outcome="accepted")
    assert (Person.objects.count(), Participation.objects.count()) == (1, 1)
