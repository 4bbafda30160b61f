"""Travel documents: forgotten with their person (passport, scans, bookings' references), and the
scans deleted anyway some time after their session (``TISSAGE_VISA_DOCUMENT_RETENTION_DAYS``)."""

import datetime

from django.conf import settings
from django.db import transaction

from tissage.core.domain.audit import audit_record
from tissage.people.models import Person

from ..models import TravelLeg, VisaCase, VisaDocument


def travel_documents_erase(person: Person) -> int:
    """Delete the visa documents (and their files) and blank the passport and notes; the journeys'
    times and costs stay, for the budgets."""
    cases = VisaCase.objects.filter(participation__person=person)
    documents = list(VisaDocument.objects.filter(case__in=cases))
    for document in documents:
        document.file.delete(save=False)
        document.delete()
    changed = cases.update(passport_number="", passport_expires_on=None, note="")
    changed += TravelLeg.objects.filter(participation__person=person).update(booking_reference="", note="")
    return changed + len(documents)


def visa_documents_purge(*, today: datetime.date, keep_days: int | None = None) -> int:
    """Delete the visa documents of sessions that ended more than ``keep_days`` ago (default: the
    setting); one audit entry per case, naming the kinds of documents removed."""
    keep_days = settings.TISSAGE_VISA_DOCUMENT_RETENTION_DAYS if keep_days is None else keep_days
    ended_before = today - datetime.timedelta(days=keep_days)
    expired = VisaDocument.objects.filter(case__participation__session__end_date__lt=ended_before)
    removed: dict = {}
    with transaction.atomic():
        for document in expired.select_related("case"):
            removed.setdefault(document.case, []).append(document.get_kind_display())
            document.file.delete(save=False)
            document.delete()
        for case, kinds in removed.items():
            audit_record(
                actor=None, action="visa.documents_purged", obj=case, changes={"documents": [kinds, None]}
            )
    return sum(len(kinds) for kinds in removed.values())
