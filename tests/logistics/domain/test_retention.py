import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from tissage.core.domain.writes import audited_update
from tissage.core.models import AuditEntry
from tissage.logistics.domain.erasure import visa_documents_purge
from tissage.logistics.models import VisaDocument

from ...factories import ParticipationFactory, SessionFactory, VisaCaseFactory, VisaDocumentFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)


def case_of_session_ending(days_ago: int):
    end = TODAY - datetime.timedelta(days=days_ago)
    session = SessionFactory(start_date=end - datetime.timedelta(days=10), end_date=end)
    return VisaCaseFactory(participation=ParticipationFactory(session=session))


def test_visa_documents_go_some_time_after_their_session():
    old, recent = case_of_session_ending(days_ago=91), case_of_session_ending(days_ago=89)
    gone = [VisaDocumentFactory(case=old), VisaDocumentFactory(case=old, kind="photo")]
    kept = VisaDocumentFactory(case=recent)

    assert visa_documents_purge(today=TODAY, keep_days=90) == 2

    assert list(VisaDocument.objects.all()) == [kept]
    assert not any(default_storage.exists(document.file.name) for document in gone)
    assert default_storage.exists(kept.file.name)
    entry = AuditEntry.objects.for_object(old).get(action="visa.documents_purged")
    assert sorted(entry.changes["documents"][0]) == ["passport", "photograph"]
    assert visa_documents_purge(today=TODAY, keep_days=90) == 0


def test_the_command_uses_the_setting_and_refuses_negative_days(settings, capsys):
    settings.TISSAGE_VISA_DOCUMENT_RETENTION_DAYS = 0
    VisaDocumentFactory(case=case_of_session_ending(days_ago=400))
    call_command("purge_visa_documents")
    assert capsys.readouterr().out == "1 visa document(s) past their retention deleted.\n"
    with pytest.raises(Exception, match="zero or more"):
        call_command("purge_visa_documents", "--keep-days", "-1")


def test_the_audit_log_records_that_a_passport_changed_never_its_number():
    case = VisaCaseFactory(passport_number="")
    audited_update(actor=None, instance=case, data={"passport_number": "CD0012345"}, action="visa.updated")
    audited_update(actor=None, instance=case, data={"passport_number": "CD0099999"}, action="visa.updated")
    audited_update(actor=None, instance=case, data={"passport_number": ""}, action="visa.updated")
    history = [entry.changes["passport_number"] for entry in AuditEntry.objects.for_object(case)]
    assert history == [["(hidden)", None], ["(hidden)", "(hidden)"], [None, "(hidden)"]]
