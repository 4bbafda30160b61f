import pytest
from django.core.management import call_command

from tissage.core.domain.jobs import job_cancel, job_enqueue, jobs_of
from tissage.core.models import AuditEntry, Job, JobStatus

from ...factories import HubFactory, StaffFactory
from .jobs_tasks import cancel_midway, count_to, fail_with


@pytest.mark.django_db
def test_job_enqueue_runs_the_task_and_keeps_its_result():
    staff, hub = StaffFactory(), HubFactory()
    job = job_enqueue(actor=staff, kind="test.count", task=count_to, subject=hub, target=5)
    assert (job.status, job.progress, job.result, job.created_by) == (
        JobStatus.SUCCEEDED,
        1.0,
        {"counted": 5},
        staff,
    )
    assert job.task_result_id != ""
    assert list(jobs_of(hub)) == [job]
    assert AuditEntry.objects.for_object(hub).get().action == "job.queued"


@pytest.mark.django_db
def test_job_that_raises_is_marked_failed_with_the_reason():
    job = job_enqueue(actor=None, kind="test.fail", task=fail_with, reason="no rooms at this hub")
    assert (job.status, job.error, job.result) == (JobStatus.FAILED, "no rooms at this hub", {})
    assert job.finished_at is not None


@pytest.mark.django_db
def test_job_stops_at_its_next_report_once_cancelled():
    job = job_enqueue(actor=None, kind="test.cancel", task=cancel_midway)
    assert (job.status, job.result) == (JobStatus.CANCELLED, {})


@pytest.mark.django_db
def test_job_cancel_only_touches_unfinished_jobs():
    finished = Job.objects.create(kind="test", status=JobStatus.SUCCEEDED)
    waiting = Job.objects.create(kind="test")
    job_cancel(actor=None, job=finished)
    job_cancel(actor=None, job=waiting)
    assert (finished.cancel_requested, waiting.cancel_requested) == (False, True)
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["job.cancel_requested"]


@pytest.mark.django_db(transaction=True)
def test_job_runs_in_the_database_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    job = job_enqueue(actor=None, kind="test.count", task=count_to, target=3)
    assert job.status == JobStatus.QUEUED
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0.1", verbosity=0)
    job.refresh_from_db()
    assert (job.status, job.result) == (JobStatus.SUCCEEDED, {"counted": 3})
