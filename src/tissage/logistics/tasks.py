"""Background work of the logistics app (django-tasks): printing invitation letters."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from tissage.core.domain.jobs import job_enqueue, run_job
from tissage.core.models import Job

from .domain.letters import invitation_letter_generate
from .enums import LetterLanguage
from .models import VisaCase

LETTER_JOB = "logistics.invitation_letter"


@task()
def print_invitation_letter(*, job_id: int, case_id: int, actor_id: int | None, language: str | None) -> None:
    def work(reporter):
        reporter.progress(0.1, _("Filling in the letter"))
        case = VisaCase.objects.select_related(
            "rule", "participation__person", "participation__session__hub"
        ).get(pk=case_id)
        actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
        document = invitation_letter_generate(
            actor=actor, case=case, today=timezone.localdate(), language=language
        )
        return {
            "document": document.pk,
            "url": document.get_absolute_url(),
            "case_url": case.get_absolute_url(),
        }

    run_job(job_id, work)


def invitation_letter_enqueue(*, actor, case: VisaCase, language: str | None = None) -> Job:
    """Hand the printing of a case's letter to the worker; the job's page shows its progress."""
    if language is not None and language not in LetterLanguage.values:
        raise ValidationError({"language": _("A letter is written in French, English or Russian.")})
    return job_enqueue(
        actor=actor,
        kind=LETTER_JOB,
        task=print_invitation_letter,
        subject=case,
        case_id=case.pk,
        actor_id=actor.pk if getattr(actor, "is_authenticated", False) else None,
        language=language,
    )
