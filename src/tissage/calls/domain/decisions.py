"""Selection decisions: accept, waiting list or decline, each told to the applicant in their language.

Accepting finds the person by email (case does not matter) or creates them, through the people
domain, and makes their participation in the call's session through the activities domain (or
their place in the programme's cohort, for a call without a session).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tissage.activities.domain.participations import participation_create, participation_set_status
from tissage.activities.enums import ParticipationStatus
from tissage.activities.models import Participation
from tissage.core.domain.writes import audited_update
from tissage.network.domain.programmes import cohort_member_add
from tissage.outbox.domain.messages import message_queue, site_url
from tissage.people.domain.persons import person_create, person_update
from tissage.people.domain.portal import WELCOME_LINK_LIFETIME, person_by_email, portal_link_make
from tissage.people.domain.privacy import consent_record
from tissage.people.enums import ConsentKind, ConsentSource
from tissage.people.models import Person

from ..enums import CALL_KIND_ROLES, NEXT_OUTCOMES, Outcome
from ..models import Application, Decision

# What an application can give a person who has not said it yet (nothing they said is overwritten).
FILLABLE = ("native_name", "phone", "city", "country", "nationality", "home_hub")
# Statuses of a participation that an acceptance turns back into an invitation.
NOT_COMING = (ParticipationStatus.DECLINED, ParticipationStatus.CANCELLED)


def _person_for(actor, application: Application) -> Person:
    """The applicant as a person: found by email, completed with what they told, or created."""
    skills = list(application.skills.all())
    languages = [tuple(pair) for pair in application.languages]
    person = person_by_email(application.email)
    if person is None:
        return person_create(
            actor=actor,
            data={
                "given_name": application.given_name,
                "family_name": application.family_name,
                "email": application.email,
                "language": application.language,
                "skills": skills,
                **{name: getattr(application, name) for name in FILLABLE},
            },
            languages=languages,
        )
    data = {
        name: getattr(application, name)
        for name in FILLABLE
        if getattr(application, name) and not getattr(person, name)
    }
    if not person.language:
        data["language"] = application.language
    known_skills = list(person.skills.all())
    if new_skills := [skill for skill in skills if skill not in known_skills]:
        data["skills"] = known_skills + new_skills
    known = [(row.language, row.level) for row in person.languages.all()]
    spoken = {code for code, _level in known}
    new_languages = [(code, level) for code, level in languages if code not in spoken]
    person_update(
        actor=actor, person=person, data=data, languages=known + new_languages if new_languages else None
    )
    return person


def _participation_for(actor, application: Application, person: Person) -> Participation | None:
    """The person's place in the call's session (an existing one is kept), or in the programme's cohort."""
    call = application.call
    role = CALL_KIND_ROLES[call.kind]
    if call.session_id is None:
        if not call.programme.cohort_members.filter(person=person).exists():
            cohort_member_add(
                actor=actor,
                programme=call.programme,
                data={"person": person, "role": role, "joined_on": timezone.localdate()},
            )
        return None
    session = call.session
    participation = Participation.objects.filter(person=person, session=session).first()
    if participation is None:
        return participation_create(
            actor=actor,
            data={
                "person": person,
                "session": session,
                "role": role,
                "status": ParticipationStatus.INVITED,
                "arrives_on": session.start_date,
                "departs_on": session.end_date,
            },
        )
    if participation.status in NOT_COMING:
        participation_set_status(actor=actor, participation=participation, status=ParticipationStatus.INVITED)
    return participation


def application_decide(*, actor, application: Application, outcome: str, note: str = "") -> Decision:
    """Decide on an application and tell the applicant, in their language.

    An application awaiting a decision can be accepted, put on the waiting list or declined; one on
    the waiting list can still be accepted or declined; a final decision is not taken back here.
    """
    if outcome not in NEXT_OUTCOMES[application.state]:
        raise ValidationError(
            _("This application is %(state)s: it cannot be given this decision.")
            % {"state": application.get_state_display()},
            code="invalid_decision",
        )
    with transaction.atomic():
        data = {"state": outcome}
        if outcome == Outcome.ACCEPTED:
            person = _person_for(actor, application)
            data["person"] = person
            data["participation"] = _participation_for(actor, application, person)
            if application.consent and ConsentKind.DATA not in person.consents.all().current():
                consent_record(
                    actor=actor,
                    person=person,
                    kind=ConsentKind.DATA,
                    given=True,
                    source=ConsentSource.APPLICATION,
                )
        audited_update(
            actor=actor,
            instance=application,
            data=data,
            action=f"application.{outcome}",
            related=[application.call, data.get("person")],
        )
        decision = Decision.objects.create(
            application=application,
            outcome=outcome,
            note=note.strip(),
            decided_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        decision.message = decision_notify(actor=actor, decision=decision)
        decision.save(update_fields=["message"])
    return decision


def decision_notify(*, actor, decision: Decision):
    """The decision's message to the applicant; an acceptance brings a link to the participant portal."""
    application = decision.application
    call = application.call
    language = application.language
    with translation.override(language):
        own_words = call.message_for(decision.outcome)
        context = {
            "name": application.given_name,
            "outcome": decision.outcome,
            "call": str(call.title),
            "reference": application.reference,
            "session": str(call.session) if call.session_id else "",
            "hub": str(call.hub),
            "programme": str(call.programme),
            "starts": call.session.start_date if call.session_id else None,
            "ends": call.session.end_date if call.session_id else None,
            "paragraph": own_words.localize(language) if own_words else "",
            "note": decision.note,
            "portal_url": "",
            "link_days": WELCOME_LINK_LIFETIME.days,
        }
        if decision.outcome == Outcome.ACCEPTED:
            token = portal_link_make(person=application.person, lifetime=WELCOME_LINK_LIFETIME)
            context["portal_url"] = site_url(reverse("portal:link", kwargs={"token": token}))
    return message_queue(
        actor=actor,
        to=application.email,
        name=application.full_name,
        language=language,
        template_key="application_decision",
        context=context,
        person=application.person,
        about=application,
    )
