"""Tasks the job tests enqueue (a task must live at module level to be found by the worker)."""

import time
from pathlib import Path

from django.db import transaction
from django_tasks import task

from tissage.core.domain.jobs import run_job
from tissage.core.models import Job
from tissage.people.models import Organisation


@task()
def count_to(*, job_id: int, target: int) -> None:
    def work(reporter):
        for n in range(target):
            reporter.progress(n / target, f"{n} of {target}")
        return {"counted": target}

    run_job(job_id, work)


@task()
def fail_with(*, job_id: int, reason: str) -> None:
    def work(reporter):
        raise ValueError(reason)

    run_job(job_id, work)


@task()
def cancel_midway(*, job_id: int) -> None:
    def work(reporter):
        reporter.progress(0.1, "started")
        Job.objects.filter(pk=job_id).update(cancel_requested=True)
        reporter._last_write = 0.0  # the next report reaches the database at once
        reporter.progress(0.2, "going on")
        return {"finished": True}

    run_job(job_id, work)


@task()
def write_slowly(*, job_id: int, count: int, marker: str) -> None:
    """Writes ``count`` organisations in one transaction, slowly, touching ``marker`` once it has
    written some: a test kills the worker then, in the middle of the transaction."""

    def work(reporter):
        reporter.progress(0.1, "writing")
        with transaction.atomic():
            for n in range(count):
                Organisation.objects.create(name=f"Written by a job {n}", slug=f"written-{n}")
                if n == 2:
                    Path(marker).write_text("writing")
                time.sleep(0.2)
        return {"written": count}

    run_job(job_id, work)
