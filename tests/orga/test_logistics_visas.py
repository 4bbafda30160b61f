import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tissage.activities.enums import ParticipationStatus
from tissage.core.models import AuditEntry, Job, JobStatus
from tissage.logistics.models import LetterTemplate, VisaCase, VisaDocument, VisaRule

from ..factories import HubFactory, LetterTemplateFactory, VisaCaseFactory, VisaRuleFactory
from .logistics_world import world_fixture  # noqa: F401

LIST_QUERIES = 6
PDF = b"%PDF-1.4\n1 0 obj\n"


def test_visa_rule_create_from_the_board_chooses_the_pair(staff_client, db):
    url = reverse("orga:visa-rule-create") + "?nationality=RU&destination=FR"
    assert staff_client.get(url).context["form"].initial == {"nationality": "RU", "destination": "FR"}
    response = staff_client.post(
        url,
        {
            "nationality": "RU",
            "destination": "FR",
            "visa_required": "on",
            "lead_days": 90,
            "invitation_days": 75,
            "documents_days": 60,
            "appointment_days": 45,
            "decision_days": 14,
            "consulate_language": "fr",
        },
    )
    assert response["Location"] == reverse("orga:visa-rule-list")
    assert AuditEntry.objects.for_object(VisaRule.objects.get()).get().action == "visa_rule.created"


def test_visa_rule_with_steps_out_of_order_shows_errors_and_writes_nothing(staff_client, db):
    response = staff_client.post(
        reverse("orga:visa-rule-create"),
        {
            "nationality": "RU",
            "destination": "FR",
            "lead_days": 10,
            "invitation_days": 75,
            "documents_days": 60,
            "appointment_days": 45,
            "decision_days": 14,
            "consulate_language": "fr",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["__all__"][0].startswith("Steps come in order")
    assert (VisaRule.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_visa_lists_query_count_does_not_grow(staff_client, world, django_assert_max_num_queries):
    urls = [
        reverse("orga:visa-rule-list"),
        reverse("orga:visa-case-list"),
        reverse("orga:letter-template-list"),
    ]
    for url in urls:
        with django_assert_max_num_queries(LIST_QUERIES):
            staff_client.get(url)
    for n in range(10):
        VisaRuleFactory(
            nationality=["RU", "SY", "LB", "JO", "DZ", "MA", "TN", "SN", "ML", "CM"][n], destination="FR"
        )
        VisaCaseFactory(rule__nationality="CD", rule__destination="FR")
        LetterTemplateFactory(hub=HubFactory(), language="ru")
    for url in urls:
        with django_assert_max_num_queries(LIST_QUERIES):
            assert staff_client.get(url).status_code == 200


def test_visa_case_open_takes_the_rule_and_goes_to_the_case(staff_client, world):
    world.case.delete()
    url = reverse("orga:visa-case-open", args=[world.participation.pk])
    assert staff_client.get(url).context["form"].initial["rule"] == world.rule
    response = staff_client.post(url, {"rule": "", "passport_number": "OP1234567"})
    case = VisaCase.objects.get()
    assert response["Location"] == case.get_absolute_url()
    assert (case.rule, case.passport_number) == (world.rule, "OP1234567")


def test_visa_case_open_twice_shows_the_refusal(staff_client, world):
    response = staff_client.post(reverse("orga:visa-case-open", args=[world.participation.pk]), {"rule": ""})
    assert response.context["form"].non_field_errors() == ["This participation already has a visa case."]
    assert VisaCase.objects.count() == 1


def test_visa_case_page_shows_steps_with_deadlines(staff_client, world):
    page = staff_client.get(world.case.get_absolute_url())
    assert [(step.step, step.due_on) for step in page.context["steps"]] == [
        ("invitation", datetime.date(2027, 5, 5)),
        ("documents", datetime.date(2027, 5, 20)),
        ("appointment", datetime.date(2027, 6, 4)),
        ("decision", datetime.date(2027, 7, 5)),
    ]
    assert "5 May 2027" in page.content.decode()


def test_visa_case_step_records_and_moves_the_case_on(staff_client, world):
    response = staff_client.post(
        reverse("orga:visa-case-step", args=[world.case.pk]), {"step": "invitation", "on": "2027-05-02"}
    )
    world.case.refresh_from_db()
    assert response["Location"] == world.case.get_absolute_url()
    assert (world.case.status, world.case.invitation_sent_on) == ("documents", datetime.date(2027, 5, 2))


def test_visa_case_step_with_bad_input_writes_nothing(staff_client, world):
    response = staff_client.post(
        reverse("orga:visa-case-step", args=[world.case.pk]), {"step": "decision", "on": "x"}
    )
    assert set(response.context["form"].errors) == {"step", "on"}
    assert AuditEntry.objects.count() == 0


def test_visa_refused_cancels_the_participation(staff_client, world):
    response = staff_client.post(
        reverse("orga:visa-case-decide", args=[world.case.pk]),
        {"outcome": "refused", "on": "2027-07-02", "reason": "No appointment before the session."},
    )
    world.participation.refresh_from_db()
    assert response.status_code == 302
    assert world.participation.status == ParticipationStatus.CANCELLED
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Visa refused: Grâce Nsimba no longer comes to the session; the planner was told."]


def test_visa_document_upload_checks_type_and_size(staff_client, world):
    url = reverse("orga:visa-document-add", args=[world.case.pk])
    refused = staff_client.post(url, {"kind": "passport", "file": SimpleUploadedFile("scan.pdf", b"GIF89a")})
    assert refused.context["form"].errors == {"file": ["This file is not a PDF, JPEG or PNG."]}
    accepted = staff_client.post(url, {"kind": "passport", "file": SimpleUploadedFile("scan.pdf", PDF)})
    document = VisaDocument.objects.get()
    assert accepted["Location"] == world.case.get_absolute_url()
    download = staff_client.get(document.get_absolute_url())
    assert (download.status_code, b"".join(download.streaming_content)) == (200, PDF)


def test_visa_letter_button_starts_a_job_and_shows_it(staff_client, world):
    response = staff_client.post(reverse("orga:visa-case-letter", args=[world.case.pk]), {"language": "en"})
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.status == JobStatus.SUCCEEDED
    assert VisaDocument.objects.get().language == "en"


def test_visa_letter_in_an_unknown_language_is_refused_and_starts_nothing(staff_client, world):
    url = reverse("orga:visa-case-letter", args=[world.case.pk])
    response = staff_client.post(url, {"language": "de"}, follow=True)
    assert response.redirect_chain == [(world.case.get_absolute_url(), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "A letter is written in French, English or Russian."
    ]
    assert (Job.objects.count(), VisaDocument.objects.count()) == (0, 0)


def test_letter_template_create_and_duplicate_language(staff_client, world):
    data = {
        "hub": world.letter.hub.pk,
        "language": "ru",
        "letterhead": "Тиссаж",
        "place": "Марсель",
        "subject": "Приглашение",
        "body": "Приглашаем $name.",
        "signatory": "Натали Ру",
        "signatory_title": "Директор",
    }
    created = staff_client.post(reverse("orga:letter-template-create"), data)
    assert created["Location"] == reverse("orga:letter-template-list")
    duplicate = staff_client.post(reverse("orga:letter-template-create"), data)
    assert duplicate.context["form"].errors == {
        "__all__": ["This hub already has a letter in this language."]
    }
    assert LetterTemplate.objects.count() == 2


def test_visa_case_update_audits_that_the_passport_changed_not_its_number(staff_client, world):
    response = staff_client.post(
        reverse("orga:visa-case-update", args=[world.case.pk]),
        {"rule": world.rule.pk, "passport_number": "OP7654321", "consulate": "Ambassade de France, Kinshasa"},
    )
    assert response["Location"] == world.case.get_absolute_url()
    entry = AuditEntry.objects.for_object(world.case).get()
    assert entry.changes == {
        "passport_number": [None, "(hidden)"],
        "consulate": ["", "Ambassade de France, Kinshasa"],
    }


def test_visa_decision_without_an_outcome_writes_nothing(staff_client, world):
    response = staff_client.post(reverse("orga:visa-case-decide", args=[world.case.pk]), {"on": "2027-07-02"})
    assert set(response.context["form"].errors) == {"outcome"}
    world.case.refresh_from_db()
    assert (world.case.status, AuditEntry.objects.count()) == ("to_start", 0)
