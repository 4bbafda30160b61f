"""Tasks the job tests enqueue (a task must live at module level to be found by the worker)."""

from django_tasks import task

from tissage.core.domain.jobs import run_job
from tissage.core.models import Job


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
