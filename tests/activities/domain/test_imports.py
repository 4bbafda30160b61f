import datetime

import pytest

from tissage.activities.domain.imports import participations_import
from tissage.activities.models import Participation
from tissage.core.domain.imports import RowRefused, RowWrite
from tissage.core.models import AuditEntry

from ...factories import ParticipationFactory, PersonFactory, SessionFactory


@pytest.mark.django_db
def test_participations_import_writes_and_shows_on_the_person_and_session():
    session = SessionFactory()
    person = PersonFactory()
    stored = ParticipationFactory(session=session, status="invited")
    entry = participations_import(
        actor=None,
        filename="participations.csv",
        writes=[
            RowWrite(2, None, {"person": person, "session": session, "role": "technician"}),
            RowWrite(3, stored, {"status": "confirmed"}),
        ],
    )
    stored.refresh_from_db()
    assert (stored.status, Participation.objects.get(person=person).role) == ("confirmed", "technician")
    assert (entry.changes["created"], entry.changes["updated"]) == ([None, 1], [None, 1])
    assert [e.action for e in AuditEntry.objects.for_object(session).order_by("pk")] == [
        "participation.created",
        "participation.updated",
        "import.committed",
    ]
    assert AuditEntry.objects.for_object(person).filter(action="import.committed").get() == entry


@pytest.mark.django_db
def test_participations_import_refused_row_writes_nothing():
    session, person = SessionFactory(), PersonFactory()
    before = (Participation.objects.count(), AuditEntry.objects.count())
    with pytest.raises(RowRefused) as caught:
        participations_import(
            actor=None,
            filename="participations.csv",
            writes=[
                RowWrite(
                    4,
                    None,
                    {
                        "person": person,
                        "session": session,
                        "role": "artist",
                        "arrives_on": datetime.date(2004, 7, 20),
                        "departs_on": datetime.date(2004, 7, 19),
                    },
                )
            ],
        )
    assert (caught.value.line, caught.value.messages) == (4, ["One cannot leave before arriving."])
    assert (Participation.objects.count(), AuditEntry.objects.count()) == before
