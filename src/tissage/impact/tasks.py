"""Background tasks of the impact app: the funder report as a PDF, and a full rebuild of the ledger."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from tissage.core.domain.jobs import run_job
from tissage.core.models import Job

from .domain.ledger import ledger_rebuild
from .interfaces.report import report_choice, report_context, report_pdf

REPORT_JOB = "impact.report_pdf"
LEDGER_JOB = "impact.ledger_rebuild"


@task()
def report_pdf_task(*, job_id: int, params: dict) -> None:
    """Render the report chosen by ``params`` (the report form's fields) and keep the PDF in the media
    storage; the job's result names the file, for the download page."""

    def work(reporter):
        reporter.progress(0.05, _("Computing the figures"))
        choice = report_choice(params)
        context = report_context(choice)
        reporter.progress(0.5, _("Drawing the pages"))
        pdf = report_pdf(context, language=choice.language)
        name = default_storage.save(f"impact/reports/report-{job_id}.pdf", ContentFile(pdf))
        filename = f"tissage-report-{choice.language}-{timezone.localdate():%Y-%m-%d}.pdf"
        return {"file": name, "filename": filename, "bytes": len(pdf)}

    run_job(job_id, work)


@task()
def ledger_rebuild_task(*, job_id: int) -> None:
    """Recompute the whole ledger; the job records who asked for it."""

    def work(reporter):
        reporter.progress(0.05, _("Recomputing every tie"))
        actor = Job.objects.select_related("created_by").get(pk=job_id).created_by
        return ledger_rebuild(actor=actor)

    run_job(job_id, work)
