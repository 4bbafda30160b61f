import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.core.models import AuditEntry
from tissage.impact.domain.collaborations import (
    collaboration_create,
    collaboration_delete,
    collaboration_update,
)
from tissage.impact.enums import COLLABORATION_HOURS, CollaborationKind
from tissage.impact.models import Collaboration, Tie

from ...factories import PersonFactory

D = datetime.date


def tour(people, **data):
    return collaboration_create(
        actor=None,
        data={
            "kind": CollaborationKind.TOUR,
            "title": "Tour of the tundra",
            "date": D(2005, 3, 1),
            "people": people,
            **data,
        },
    )


@pytest.mark.django_db
def test_collaboration_create_ties_its_people_and_is_audited():
    ana, boris, chloe = PersonFactory(), PersonFactory(), PersonFactory()
    collaboration = tour([ana, boris, chloe])
    weights = set(Tie.objects.values_list("weight", "collaboration_count", "first_date"))
    assert (Tie.objects.count(), weights) == (3, {(COLLABORATION_HOURS["tour"] / 2, 1, D(2005, 3, 1))})
    assert AuditEntry.objects.for_object(ana).get().action == "collaboration.created"
    assert str(collaboration) == "Tour of the tundra"


@pytest.mark.django_db
def test_collaboration_needs_two_people_and_writes_nothing_otherwise():
    with pytest.raises(ValidationError) as refused:
        tour([PersonFactory()])
    assert list(refused.value.message_dict) == ["people"]
    assert (Collaboration.objects.count(), AuditEntry.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_collaboration_update_reweighs_and_delete_removes_its_ties():
    ana, boris, chloe = PersonFactory(), PersonFactory(), PersonFactory()
    collaboration = tour([ana, boris])
    changes = collaboration_update(
        actor=None,
        collaboration=collaboration,
        data={"kind": CollaborationKind.RECORD, "people": [ana, boris, chloe]},
    )
    assert set(changes) == {"kind", "people"}
    assert set(Tie.objects.values_list("weight", flat=True)) == {COLLABORATION_HOURS["record"] / 2}
    collaboration_delete(actor=None, collaboration=collaboration)
    assert (Tie.objects.count(), Collaboration.objects.count()) == (0, 0)
