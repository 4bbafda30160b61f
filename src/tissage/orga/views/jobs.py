"""The page of a background job: its progress while it runs (refreshing itself, with or without
JavaScript), its outcome, and a button to cancel it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tissage.core.domain.jobs import job_cancel
from tissage.core.models import Job

from .generic import OrgaActionView, OrgaDetailView


class JobDetailView(OrgaDetailView):
    model = Job
    permission_required = "core.view_job"
    template_name = "orga/jobs/detail.html"

    def get_queryset(self):
        return Job.objects.select_related("created_by", "content_type")

    def get_template_names(self):
        # htmx polls for the status block alone.
        return ["orga/includes/job_status.html"] if self.request.htmx else [self.template_name]

    def get_context_data(self, **kwargs):
        job = self.object
        subject = None
        if job.content_type_id:
            subject = job.content_type.model_class()._default_manager.filter(pk=job.object_id).first()
        return super().get_context_data(job=job, subject=subject, **kwargs)


class JobCancelView(OrgaActionView):
    model = Job
    permission_required = "core.change_job"

    def act(self) -> str:
        if self.object.is_finished:
            raise ValidationError(_("This job has already finished."))
        job_cancel(actor=self.request.user, job=self.object)
        return _("The job was asked to stop; it stops at its next step.")
