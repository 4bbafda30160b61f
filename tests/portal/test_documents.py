import json

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from tissage.core.models import Job, JobStatus
from tissage.people.domain.privacy import DATA_EXPORT_KIND, person_data_export_request

from ..calls.conftest import upload
from ..factories import ApplicationFactory, MessageFactory, PersonFactory

DOCUMENTS_QUERIES = 10


def portal_url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"portal:{name}", kwargs=kwargs)


def application_with_file(**fields):
    application = ApplicationFactory(**fields)
    return application, application.files.create(
        file=upload(), name="cv.pdf", size=40, content_type="application/pdf"
    )


def test_documents_list_the_applications_files_and_messages_of_the_participant(portal_client, participant):
    _application, file = application_with_file(email="GRACE@example.cd")
    MessageFactory(recipient_email="grace@example.cd", subject="We have received your application")
    MessageFactory(person=participant, recipient_email="old@example.cd", subject="You are selected")
    MessageFactory(subject="Someone else's")
    response = portal_client.get(portal_url("documents"))
    assert [m.subject for m in response.context["sent_messages"]] == [
        "You are selected",
        "We have received your application",
    ]
    assert portal_url("application-file", pk=file.pk) in response.content.decode()


def test_documents_query_count_does_not_grow(portal_client, participant, django_assert_max_num_queries):
    with django_assert_max_num_queries(DOCUMENTS_QUERIES):
        assert portal_client.get(portal_url("documents")).status_code == 200
    for _ in range(5):
        application_with_file(person=participant)
        MessageFactory(person=participant)
    with django_assert_max_num_queries(DOCUMENTS_QUERIES):
        assert portal_client.get(portal_url("documents")).status_code == 200


def test_own_file_downloads_and_others_are_not_found(portal_client, participant):
    _mine, my_file = application_with_file(person=participant)
    _theirs, their_file = application_with_file()
    response = portal_client.get(portal_url("application-file", pk=my_file.pk))
    assert (response.status_code, response["Content-Disposition"]) == (200, 'attachment; filename="cv.pdf"')
    assert portal_client.get(portal_url("application-file", pk=their_file.pk)).status_code == 404


def test_own_message_reads_and_others_are_not_found(portal_client, participant):
    mine = MessageFactory(person=participant, body_text="Hello Grace,\nsee https://example.org/x\n")
    theirs = MessageFactory(person=PersonFactory())
    response = portal_client.get(portal_url("message", pk=mine.pk))
    assert '<a href="https://example.org/x"' in response.content.decode()
    assert portal_client.get(portal_url("message", pk=theirs.pk)).status_code == 404


def test_data_export_is_prepared_by_a_job_and_downloaded_by_its_person_only(portal_client, participant):
    response = portal_client.post(portal_url("export"))
    assert response["Location"] == portal_url("privacy")
    job = Job.objects.get()
    assert (job.kind, job.status) == (DATA_EXPORT_KIND, JobStatus.SUCCEEDED)
    download = portal_client.get(portal_url("export-download", pk=job.pk))
    assert download["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(download.content)["person"]["given_name"] == "Grace"
    other = person_data_export_request(actor=None, person=PersonFactory())
    assert portal_client.get(portal_url("export-download", pk=other.pk)).status_code == 404


def test_privacy_page_shows_the_exports_and_waits_for_one_in_progress(portal_client, participant):
    Job.objects.create(
        kind=DATA_EXPORT_KIND,
        content_type=ContentType.objects.get_for_model(participant),
        object_id=str(participant.pk),
    )
    response = portal_client.get(portal_url("privacy"))
    assert response.context["preparing"] is True
    assert '<meta http-equiv="refresh" content="3">' in response.content.decode()
