"""Background jobs: enqueue work for the worker, report its progress, let staff cancel it.

A task (django-tasks) takes the job's primary key and hands its work to :func:`run_job`; the work
receives a :class:`JobReporter` whose ``progress`` and ``should_stop`` fit the engines' callbacks.
With no worker configured (tests, the immediate backend) the task runs at once.
"""

import datetime
import logging
import time
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tissage.core.models import Job, JobStatus

from .audit import audit_record

logger = logging.getLogger(__name__)

# Progress is written at most this often, so that a fast engine does not flood the database.
PROGRESS_INTERVAL = 0.5


class JobCancelled(Exception):
    """Raised inside a job's work when staff asked it to stop."""


def job_enqueue(*, actor, kind: str, task, subject: models.Model | None = None, **task_kwargs) -> Job:
    """Record a job and hand it to the worker; the task is called as ``task(job_id=…, **task_kwargs)``."""
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            content_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
            object_id=str(subject.pk) if subject is not None else "",
        )
        audit_record(actor=actor, action="job.queued", obj=job, related=[subject] if subject else [])
        result = task.enqueue(job_id=job.pk, **task_kwargs)
        Job.objects.filter(pk=job.pk, task_result_id="").update(task_result_id=str(result.id))
    job.refresh_from_db()
    return job


def job_cancel(*, actor, job: Job) -> None:
    """Ask a queued or running job to stop; the work stops at its next progress report."""
    with transaction.atomic():
        updated = Job.objects.filter(pk=job.pk, status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).update(
            cancel_requested=True
        )
        if updated:
            audit_record(actor=actor, action="job.cancel_requested", obj=job)
    job.refresh_from_db()


def jobs_of(subject: models.Model):
    content_type = ContentType.objects.get_for_model(subject)
    return Job.objects.filter(content_type=content_type, object_id=str(subject.pk))


class JobReporter:
    """What a job's work is given: ``progress(fraction, message)`` and ``should_stop()``."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self._last_write = 0.0
        self._cancelled = False

    def progress(self, fraction: float, message: str = "") -> None:
        now = time.monotonic()
        if now - self._last_write < PROGRESS_INTERVAL and fraction < 1:
            return
        self._last_write = now
        Job.objects.filter(pk=self.job_id).update(
            progress=min(max(fraction, 0.0), 1.0), message=message[:300], updated_at=timezone.now()
        )
        self._cancelled = Job.objects.filter(pk=self.job_id, cancel_requested=True).exists()
        if self._cancelled:
            raise JobCancelled

    def should_stop(self) -> bool:
        return self._cancelled


def run_job(job_id: int, work: Callable[[JobReporter], dict]) -> None:
    """Run ``work`` as job ``job_id``: mark it running, then done with the result it returns, or
    cancelled, or failed with the reason. A failure leaves whatever the work wrote in its own
    transactions untouched: work that must be all-or-nothing writes in one transaction at its end."""
    job = Job.objects.get(pk=job_id)
    if job.cancel_requested:
        _finish(job_id, JobStatus.CANCELLED, message=_("Cancelled before it started."))
        return
    Job.objects.filter(pk=job_id).update(status=JobStatus.RUNNING, started_at=timezone.now())
    try:
        result = work(JobReporter(job_id))
    except JobCancelled:
        _finish(job_id, JobStatus.CANCELLED, message=_("Cancelled."))
    except Exception as error:
        logger.exception("Job %s (%s) failed", job_id, job.kind)
        _finish(job_id, JobStatus.FAILED, error=str(error) or type(error).__name__)
    else:
        _finish(job_id, JobStatus.SUCCEEDED, result=result or {}, progress=1.0)


def jobs_recover(*, stale_after: datetime.timedelta) -> list[int]:
    """Mark failed the running jobs that gave no sign of life for ``stale_after``: their worker was
    stopped (killed, machine restarted). Their work wrote nothing it had not committed; the job says
    so, and its task is marked failed too, so that nothing waits for it. Returns the jobs' keys."""
    limit = timezone.now() - stale_after
    recovered = []
    with transaction.atomic():
        for job in Job.objects.select_for_update().filter(status=JobStatus.RUNNING, updated_at__lt=limit):
            Job.objects.filter(pk=job.pk).update(
                status=JobStatus.FAILED,
                finished_at=timezone.now(),
                error=_(
                    "The worker stopped while running this job (last sign of life %(when)s UTC). "
                    "Nothing it had not finished was kept: run it again."
                )
                % {"when": f"{job.updated_at:%Y-%m-%d %H:%M}"},
            )
            if job.task_result_id:
                DBTaskResult.objects.filter(pk=job.task_result_id, status=TaskResultStatus.RUNNING).update(
                    status=TaskResultStatus.FAILED, finished_at=timezone.now()
                )
            audit_record(actor=None, action="job.abandoned", obj=job)
            recovered.append(job.pk)
    return recovered


def _finish(job_id: int, status: str, **fields) -> None:
    Job.objects.filter(pk=job_id).update(status=status, finished_at=timezone.now(), **fields)
