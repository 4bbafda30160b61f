"""The automatic timetabling, as a background job (progress and cancel come from ``core.domain.jobs``)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django_tasks import task

from tissage.core.domain.jobs import JobReporter, job_enqueue, run_job
from tissage.network.models import Edition
from tissage.solvers.timetable import solve

from .domain.timetabling import timetable_apply, timetable_problem

JOB_KIND = "timetable.solve"
SEED = 2002


@task()
def timetable_solve(*, job_id: int, edition_id: int, actor_id: int | None, replace: bool, time_limit: float):
    def work(reporter: JobReporter) -> dict:
        edition = Edition.objects.select_related("festival__hub").get(pk=edition_id)
        actor = get_user_model().objects.filter(pk=actor_id).first()
        reporter.progress(0.0, "reading the edition")
        run = timetable_problem(edition, replace_unpinned=replace)
        solution = solve(
            run.problem,
            seed=SEED,
            time_limit=time_limit,
            progress=reporter.progress,
            should_stop=reporter.should_stop,
        )
        result = {
            "status": str(solution.status),
            "replace": replace,
            "objective": solution.objective,
            "bound": solution.bound,
            "costs": solution.costs.__dict__ if solution.costs else None,
            "conflict": [{"rule": str(r.rule), "subject": r.subject} for r in solution.conflict],
            "seconds": round(solution.seconds, 1),
            "moved": 0,
        }
        if solution.is_timetable:
            try:
                result["moved"] = len(timetable_apply(actor=actor, run=run, solution=solution))
            except ValidationError as error:
                result["status"], result["error"] = "stale", " ".join(error.messages)
        return result

    run_job(job_id, work)


def timetable_enqueue(*, actor, edition: Edition, replace: bool, time_limit: float):
    return job_enqueue(
        actor=actor,
        kind=JOB_KIND,
        task=timetable_solve,
        subject=edition,
        edition_id=edition.pk,
        actor_id=actor.pk if getattr(actor, "is_authenticated", False) else None,
        replace=replace,
        time_limit=time_limit,
    )
