import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tissage.activities.enums import ParticipationStatus
from tissage.core.models import AuditEntry
from tissage.logistics.domain.visas import (
    visa_case_decide,
    visa_case_open,
    visa_case_record_step,
    visa_document_add,
    visa_rule_create,
)
from tissage.logistics.enums import VisaOutcome, VisaStatus, VisaStep
from tissage.logistics.models import VisaCase, VisaDocument
from tissage.logistics.models.visas import DOCUMENT_MAX_BYTES
from tissage.logistics.signals import participation_withdrawn
from tissage.planning.models import Plan, PlanGroup, PlanMember

from ...factories import (
    HubFactory,
    ParticipationFactory,
    SessionFactory,
    StaffFactory,
    VisaCaseFactory,
    VisaRuleFactory,
)

D = datetime.date
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"


@pytest.fixture
def kinshasa_artist(db):
    """A Congolese guitarist invited to Marseille, arriving on 19 July 2027."""
    marseille = HubFactory(slug="marseille", country="FR")
    kinshasa = HubFactory(slug="kinshasa", country="CD", timezone="Africa/Kinshasa", currency="CDF")
    session = SessionFactory(hub=marseille, start_date=D(2027, 7, 19), end_date=D(2027, 7, 25))
    return ParticipationFactory(
        session=session,
        person__home_hub=kinshasa,
        person__nationality="CD",
        person__given_name="Dieumerci",
        person__family_name="Lukusa",
        arrives_on=D(2027, 7, 19),
        departs_on=D(2027, 7, 25),
    )


def test_visa_case_open_takes_the_rule_of_the_nationality_and_counts_steps_back_from_arrival(kinshasa_artist):
    rule = VisaRuleFactory(nationality="CD", destination="FR")
    staff = StaffFactory()
    case = visa_case_open(actor=staff, participation=kinshasa_artist)
    assert (case.rule, case.status) == (rule, VisaStatus.TO_START)
    assert [(step.step, step.due_on) for step in case.steps()] == [
        (VisaStep.INVITATION, D(2027, 5, 5)),
        (VisaStep.DOCUMENTS, D(2027, 5, 20)),
        (VisaStep.APPOINTMENT, D(2027, 6, 4)),
        (VisaStep.DECISION, D(2027, 7, 5)),
    ]
    assert case.start_by() == D(2027, 4, 20)
    entry = AuditEntry.objects.for_object(kinshasa_artist.person).get()
    assert (entry.action, entry.actor) == ("visa_case.opened", staff)


def test_visa_case_open_without_a_rule_is_refused_on_the_rule_field(kinshasa_artist):
    with pytest.raises(ValidationError) as refusal:
        visa_case_open(actor=None, participation=kinshasa_artist)
    assert list(refusal.value.error_dict) == ["rule"]
    assert VisaCase.objects.count() == 0


def test_visa_case_open_twice_is_refused(kinshasa_artist):
    VisaRuleFactory()
    visa_case_open(actor=None, participation=kinshasa_artist)
    with pytest.raises(ValidationError, match="already has a visa case"):
        visa_case_open(actor=None, participation=kinshasa_artist)


def test_visa_rule_steps_out_of_order_are_refused(db):
    with pytest.raises(ValidationError, match="Steps come in order"):
        visa_rule_create(
            actor=None,
            data={"nationality": "RU", "destination": "FR", "lead_days": 30, "invitation_days": 60},
        )


def test_visa_case_steps_move_the_case_on(kinshasa_artist):
    case = VisaCaseFactory(participation=kinshasa_artist)
    visa_case_record_step(actor=None, case=case, step=VisaStep.INVITATION, on=D(2027, 5, 2))
    assert case.status == VisaStatus.DOCUMENTS
    visa_case_record_step(actor=None, case=case, step=VisaStep.DOCUMENTS, on=D(2027, 5, 30))
    visa_case_record_step(actor=None, case=case, step=VisaStep.APPOINTMENT, on=D(2027, 6, 3))
    case.refresh_from_db()
    assert (case.status, case.next_step().step) == (VisaStatus.APPOINTMENT, VisaStep.DECISION)
    late = [step.step for step in case.steps() if step.late_on(D(2027, 7, 6))]
    assert late == [VisaStep.DECISION]
    with pytest.raises(ValidationError, match="decision"):
        visa_case_record_step(actor=None, case=case, step=VisaStep.DECISION, on=D(2027, 7, 1))


def test_visa_granted_keeps_the_participation(kinshasa_artist):
    case = VisaCaseFactory(participation=kinshasa_artist)
    visa_case_decide(actor=None, case=case, outcome=VisaOutcome.GRANTED, on=D(2027, 7, 1))
    kinshasa_artist.refresh_from_db()
    assert (case.status, case.outcome, kinshasa_artist.status) == (
        VisaStatus.DECIDED,
        VisaOutcome.GRANTED,
        ParticipationStatus.CONFIRMED,
    )
    with pytest.raises(ValidationError, match="already decided"):
        visa_case_decide(actor=None, case=case, outcome=VisaOutcome.REFUSED, on=D(2027, 7, 2))


def test_visa_refused_cancels_the_participation_records_why_and_tells_the_planner(kinshasa_artist):
    case = VisaCaseFactory(participation=kinshasa_artist)
    staff = StaffFactory()
    heard = []

    def planner(sender, participation, reason, actor, **kwargs):
        heard.append((sender.__name__, participation.pk, reason, actor))

    participation_withdrawn.connect(planner)
    try:
        visa_case_decide(
            actor=staff,
            case=case,
            outcome=VisaOutcome.REFUSED,
            on=D(2027, 7, 2),
            reason="Consulate: no slot.",
        )
    finally:
        participation_withdrawn.disconnect(planner)
    kinshasa_artist.refresh_from_db()
    why = "Visa refused on 2027-07-02. Consulate: no slot."
    assert kinshasa_artist.status == ParticipationStatus.CANCELLED
    assert heard == [("Participation", kinshasa_artist.pk, why, staff)]
    trail = AuditEntry.objects.for_object(kinshasa_artist.session)
    assert [entry.action for entry in trail] == [
        "participation.withdrawn",
        "participation.cancelled",
        "visa_case.refused",
    ]
    assert trail[0].changes == {"reason": [None, why]}
    assert case.note == "Consulate: no slot."


def test_visa_refused_marks_the_plans_that_place_the_person_for_repair(kinshasa_artist):
    """The crossed-workshop planner's own listener: the draft plan with this person in a group
    now needs repair, and says why."""
    session, person = kinshasa_artist.session, kinshasa_artist.person
    plan = Plan.objects.create(programme=session.programme, session=session)
    group = PlanGroup.objects.create(plan=plan, session=session, number=1)
    PlanMember.objects.create(plan=plan, session=session, group=group, person=person)
    case = VisaCaseFactory(participation=kinshasa_artist)
    visa_case_decide(actor=None, case=case, outcome=VisaOutcome.REFUSED, on=D(2027, 7, 2))
    plan.refresh_from_db()
    assert (plan.needs_repair, plan.repair_reason) == (True, "Visa refused on 2027-07-02.")
    # The newest entry is the withdrawal's, with its reason (the cancellation marked it first).
    assert AuditEntry.objects.for_object(plan).first().changes["repair_reason"] == [
        "",
        "Visa refused on 2027-07-02.",
    ]


def test_visa_refused_when_the_planner_fails_changes_nothing(kinshasa_artist):
    case = VisaCaseFactory(participation=kinshasa_artist)

    def broken_planner(**kwargs):
        raise RuntimeError("planner down")

    participation_withdrawn.connect(broken_planner)
    try:
        with pytest.raises(RuntimeError):
            visa_case_decide(actor=None, case=case, outcome=VisaOutcome.REFUSED, on=D(2027, 7, 2))
    finally:
        participation_withdrawn.disconnect(broken_planner)
    kinshasa_artist.refresh_from_db()
    case.refresh_from_db()
    assert (kinshasa_artist.status, case.status, AuditEntry.objects.count()) == (
        ParticipationStatus.CONFIRMED,
        VisaStatus.TO_START,
        0,
    )


def test_visa_document_accepts_a_pdf(kinshasa_artist):
    case = VisaCaseFactory(participation=kinshasa_artist)
    document = visa_document_add(
        actor=None, case=case, data={"kind": "passport", "file": SimpleUploadedFile("passeport.pdf", PDF)}
    )
    assert document.file.name.startswith(f"visas/{case.pk}/passport-")
    assert AuditEntry.objects.for_object(case).get().action == "visa_document.added"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("passeport.pdf", b"%PDF-" + b"0" * DOCUMENT_MAX_BYTES, "the limit is 5.0"),
        ("passeport.pdf", b"MZ\x90\x00 not a pdf", "not a PDF, JPEG or PNG"),
        ("passeport.exe", PDF, "File extension"),
    ],
)
def test_visa_document_refuses_oversize_and_wrong_files(kinshasa_artist, name, content, message):
    case = VisaCaseFactory(participation=kinshasa_artist)
    with pytest.raises(ValidationError, match=message):
        visa_document_add(
            actor=None, case=case, data={"kind": "passport", "file": SimpleUploadedFile(name, content)}
        )
    assert VisaDocument.objects.count() == 0
