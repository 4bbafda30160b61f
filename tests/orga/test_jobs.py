import pytest
from django.urls import reverse

from tissage.core.models import Job, JobStatus

from ..factories import HubFactory


@pytest.fixture
def running_job(db):
    hub = HubFactory()
    return Job.objects.create(
        kind="planning.solve",
        status=JobStatus.RUNNING,
        progress=0.42,
        message="round 3 of 6",
        content_type_id=None,
        object_id=str(hub.pk),
    )


def test_job_page_sends_anonymous_visitors_to_login(client, running_job):
    assert client.get(reverse("orga:job-detail", args=[running_job.pk])).status_code == 302


def test_job_page_is_forbidden_to_non_staff(member_client, running_job):
    assert member_client.get(reverse("orga:job-detail", args=[running_job.pk])).status_code == 403


def test_job_page_shows_progress_and_refreshes_itself_while_running(staff_client, running_job):
    response = staff_client.get(running_job.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<progress id="job-{running_job.pk}-progress" max="100" value="42">' in html
    assert "round 3 of 6" in html
    assert '<meta http-equiv="refresh" content="2">' in html
    assert 'hx-trigger="every 1s"' in html


def test_job_page_answers_htmx_polls_with_the_status_block_only(staff_client, running_job):
    response = staff_client.get(running_job.get_absolute_url(), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="job-status"')
    assert "<html" not in html


def test_finished_job_page_stops_refreshing(staff_client, running_job):
    Job.objects.filter(pk=running_job.pk).update(status=JobStatus.SUCCEEDED, progress=1.0)
    html = staff_client.get(running_job.get_absolute_url()).content.decode()
    assert "refresh" not in html
    assert "hx-trigger" not in html


def test_job_cancel_asks_a_running_job_to_stop(staff_client, running_job):
    response = staff_client.post(reverse("orga:job-cancel", args=[running_job.pk]))
    assert response.status_code == 302
    running_job.refresh_from_db()
    assert running_job.cancel_requested is True


def test_job_cancel_refuses_a_finished_job(staff_client, running_job):
    Job.objects.filter(pk=running_job.pk).update(status=JobStatus.FAILED)
    response = staff_client.post(reverse("orga:job-cancel", args=[running_job.pk]), follow=True)
    assert "This job has already finished." in response.content.decode()
    running_job.refresh_from_db()
    assert running_job.cancel_requested is False
